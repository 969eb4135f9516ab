/**
 * The admin walkthrough (scripts/admin-walkthrough.ts, pasted in issue 16's closing note) run as a
 * test so it cannot rot: every command exits 0 and says what the transcript shows. Loopback only,
 * data in a temp folder the script removes.
 */
import { describe, expect, it } from 'vitest';
import { runWalkthrough } from '../../../scripts/admin-walkthrough.ts';

describe('admin walkthrough: policy check → preview → ticket test → keygen → sign → verify → run → report', () => {
  it('runs every command with exit 0 and the expected first lines, on loopback only', async () => {
    const { steps, transcript, webhookRequests } = await runWalkthrough({ lines: 30 });
    expect(steps.map((s) => s.command.split(' ').slice(1, 3).join(' '))).toEqual([
      expect.stringMatching(/^policy check/),
      expect.stringMatching(/^preview --policy/),
      expect.stringMatching(/^ticket test/),
      expect.stringMatching(/^catalog keygen/),
      expect.stringMatching(/^catalog sign/),
      expect.stringMatching(/^catalog verify/),
      expect.stringMatching(/^run acme-hello/),
      'report',
    ]);
    for (const s of steps) expect(s.code, `${s.command}\n${s.output.join('\n')}`).toBe(0);
    const out = (i: number) => steps[i]?.output.join('\n') ?? '';
    expect(out(0)).toMatch(/disabledTroubleshooters\s+\["network"\]\s+\[file /);
    expect(out(1)).toMatch(/Firstline preview: http:\/\/127\.0\.0\.1:\d+\//);
    expect(out(1)).toContain('Data folder: $WORK/data');
    expect(out(1)).toContain('e.g. Is deze computer klaar?; "network" is left out by policy');
    expect(out(2)).toContain('The helpdesk works as Firstline needs it.');
    expect(webhookRequests).toHaveLength(1);
    expect(JSON.stringify(webhookRequests[0]?.body)).toContain('[Firstline test]');
    expect(webhookRequests[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(out(3)).toContain('Put this value in the catalogSigningKeys policy');
    expect(out(4)).toMatch(/^Signed 1 file in \$WORK\/catalog/);
    expect(out(5)).toBe('OK: 1 file, signature valid');
    expect(out(6)).toContain('Outcome: resolved');
    expect(out(7)).toMatch(/acme-hello\s+1\s+1\s+0\s+0/);
    expect(transcript).toContain('$ firstline catalog verify $WORK/catalog --key $WORK/keys/catalog-signing.pub');
    expect(transcript).not.toMatch(/\/tmp\//);
  });
});
