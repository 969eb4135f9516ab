import { describe, expect, it } from 'vitest';
import { judge, summarize, summaryLine } from './judge.ts';

const fault = { causes: ['proxy-blocking', 'declined'] };

describe('fault matrix judge', () => {
  it('calls a resolved run with the fault still there false-fixed', () => {
    expect(judge(fault, { outcome: 'resolved' }, { fixed: false }).verdict).toBe('false-fixed');
    expect(judge(fault, { outcome: 'resolved' }, { fixed: true }).verdict).toBe('fixed');
  });
  it('counts harm before anything else', () => {
    expect(judge(fault, { outcome: 'resolved' }, { fixed: true, harm: 'deleted a file outside the profile' }).verdict).toBe('harmed');
  });
  it('accepts an escalation only when it names one of the expected causes', () => {
    expect(judge(fault, { outcome: 'needs-human', cause: 'proxy-blocking' }, { fixed: false }).verdict).toBe('escalated-with-cause');
    expect(judge(fault, { outcome: 'not-resolved', reasonCode: 'declined' }, { fixed: false }).verdict).toBe('escalated-with-cause');
    expect(judge(fault, { outcome: 'needs-human', cause: 'dns-failed' }, { fixed: false }).verdict).toBe('escalated-without-cause');
    expect(judge(fault, { outcome: 'needs-human' }, { fixed: false }).verdict).toBe('escalated-without-cause');
  });
  it('treats a broken run or a missing ground truth as an error', () => {
    expect(judge(fault, { outcome: 'error' }, { fixed: false }).verdict).toBe('error');
    expect(judge(fault, undefined, { fixed: false }).verdict).toBe('error');
    expect(judge(fault, { outcome: 'resolved' }, undefined).verdict).toBe('error');
  });
  it('prints one summary line with the five counts', () => {
    const line = summaryLine(summarize(['fixed', 'false-fixed', 'escalated-with-cause', 'harmed', 'error', 'escalated-without-cause']), 6, 3);
    expect(line).toBe('fault matrix: 3 faults, 6 runs: fixed 1 / escalated-with-cause 1 / false-fixed 1 / harmed 1 / errors 2 (1 escalated without cause)');
  });
});
