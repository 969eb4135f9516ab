/**
 * The honesty rule (issue #12): `resolved` only when the first check passed or every fix that ran
 * was verified by a re-check of the same condition; structured reasons on run-finished; separate
 * employee and IT texts on escalations; and the lint warning for a failed fix that can reach the end.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../core/engine/registry.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { run } from '../../../core/engine/runner.ts';
import type { Troubleshooter } from '../../../core/engine/schema.ts';
import { collect, fakeMachine, finished, testPorts } from './helpers.ts';

const head = ['id: t', 'version: "1.0.0"', 'title: { en: T, nl: T, fr: T, de: T }', 'summary: { en: S, nl: S, fr: S, de: S }', 'platforms: [linux]', 'category: test'];

function machine() {
  const m = fakeMachine();
  const registry = createRegistry([m.probe, m.repair]);
  const loadText = (steps: string) => loadTroubleshooterText([...head, 'steps:', steps].join('\n'), 'inline.yaml', registry);
  const load = (steps: string): Troubleshooter => {
    const result = loadText(steps);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
    return result.troubleshooter;
  };
  return { ...m, registry, load, loadText, opts: { registry, catalogDir: '.', platform: 'linux' as const } };
}

const t4 = (x: string) => `{ en: ${x}, nl: ${x}, fr: ${x}, de: ${x} }`;

const repairStep = (id = 'switch', extra = '') => `
  - id: ${id}
    type: check
    title: ${t4('Switch')}
    action: test.probe
    expect: [{ field: on, equals: true }]
    fix:
      - action: test.repair
    continue-on-error: true${extra}`;

const closingQuestion = `
  - id: better
    type: ask
    title: ${t4('Better')}
    prompt: ${t4('Better?')}
    answer: yesno`;

describe('honest outcomes: the runner', () => {
  it('never ends "resolved" after a fix that failed, even when the walk reaches the closing question and the employee says yes', async () => {
    const m = machine();
    m.state.repairWorks = false;
    const events = await collect(run(m.load(repairStep() + closingQuestion), testPorts(), { ...m.opts, answers: { better: true } }));
    expect(finished(events)).toMatchObject({ outcome: 'not-resolved', reasonCode: 'fix-failed', reason: '"Switch" did not solve the problem.' });
    expect(m.state.repairs).toBe(1);
  });

  it('lets a later re-check of the same condition decide: passed then means verified', async () => {
    const m = machine();
    m.state.repairWorks = false;
    const ts = m.load(`${repairStep('first')}
  - id: second
    type: check
    title: ${t4('Again')}
    action: test.probe
    expect: [{ field: on, equals: true }]
    fix:
      - action: test.repair
        with: { how: firmly }
    continue-on-error: true`);
    // The second attempt works: flip the switch the moment the second repair runs.
    const original = m.repair.run.bind(m.repair);
    m.repair.run = async (input, ctx) => {
      if (m.state.repairs >= 1) m.state.repairWorks = true;
      return original(input, ctx);
    };
    const events = await collect(run(ts, testPorts(), m.opts));
    expect(events.filter((e) => e.type === 'step-finished').map((e) => e.type === 'step-finished' && e.status)).toEqual(['failed', 'fixed']);
    expect(finished(events)).toMatchObject({ outcome: 'resolved', reasonCode: 'verified' });
  });

  it('says "nothing-wrong" when the first check passed and "verified" when a fix was re-checked', async () => {
    const m = machine();
    m.state.on = true;
    expect(finished(await collect(run(m.load(repairStep()), testPorts(), m.opts)))).toMatchObject({ outcome: 'resolved', reasonCode: 'nothing-wrong' });
    m.state.on = false;
    expect(finished(await collect(run(m.load(repairStep()), testPorts(), m.opts)))).toMatchObject({ outcome: 'resolved', reasonCode: 'verified' });
  });

  it('names a refused change "declined" and missing administrator rights "needs-rights", never resolved', async () => {
    const m = machine();
    const declined = await collect(run(m.load(repairStep() + closingQuestion), testPorts({ consent: false }), { ...m.opts, answers: { better: true } }));
    expect(finished(declined)).toMatchObject({ outcome: 'not-resolved', reasonCode: 'declined' });
    const rights = await collect(run(m.load(repairStep('switch', '\n    elevation: required') + closingQuestion), testPorts({ elevation: false }), { ...m.opts, answers: { better: true } }));
    expect(finished(rights)).toMatchObject({ outcome: 'not-resolved', reasonCode: 'needs-rights' });
    expect(m.state.repairs).toBe(0);
  });

  it('escalates with the employee text on screen, the IT text for the ticket and the cause from a template', async () => {
    const m = machine();
    m.state.repairWorks = false;
    const ts = m.load(`${repairStep()}
  - id: human
    type: escalate
    title: ${t4('IT')}
    when: steps.switch.outcome != 'fixed'
    cause: "switch-\${{ steps.switch.outcome }}"
    employee: { en: The switch could not be turned on. IT will come by., nl: De schakelaar ging niet aan., fr: L’interrupteur ne s’allume pas., de: Der Schalter geht nicht an. }
    it: { en: Relay stuck; replace the switch., nl: Relais zit vast., fr: Relais bloqué., de: Relais klemmt. }`);
    const events = await collect(run(ts, testPorts(), { ...m.opts, lang: 'nl' }));
    expect(finished(events)).toMatchObject({
      outcome: 'needs-human',
      reason: 'De schakelaar ging niet aan.',
      itReason: 'Relais zit vast.',
      cause: 'switch-failed',
      reasonCode: 'cause-found',
    });
    const step = events.find((e) => e.type === 'step-finished' && e.stepId === 'human');
    expect(step).toMatchObject({ finding: 'De schakelaar ging niet aan.' });
  });

  it('says "repaired-not-working" when a verified repair did not help the employee', async () => {
    const m = machine();
    const ts = m.load(`${repairStep()}${closingQuestion}
  - id: human
    type: escalate
    title: ${t4('IT')}
    when: answers.better == false
    employee: ${t4('Still broken')}
    it: ${t4('Switch on but still broken')}`);
    const events = await collect(run(ts, testPorts(), { ...m.opts, answers: { better: false } }));
    expect(finished(events)).toMatchObject({ outcome: 'needs-human', reasonCode: 'repaired-not-working' });
  });
});

describe('honest outcomes: lint', () => {
  const messages = (m: ReturnType<typeof machine>, steps: string) => m.loadText(steps).diagnostics.map((d) => `${d.severity}: ${d.message}`);

  it('warns when a failed fix can reach the end without an escalation or a re-check', () => {
    const m = machine();
    expect(messages(m, repairStep() + closingQuestion).filter((x) => x.includes('Step "switch": when its fix fails'))).toHaveLength(1);
  });

  it('is satisfied by an escalation that surely runs after the failure', () => {
    const m = machine();
    const steps = `${repairStep()}
  - id: human
    type: escalate
    title: ${t4('IT')}
    when: steps.switch.outcome in ['failed', 'refused', 'error', 'timeout']
    employee: ${t4('E')}
    it: ${t4('I')}${closingQuestion}`;
    expect(messages(m, steps)).toEqual([]);
  });

  it('does not count an escalation that depends on an answer the employee may not give', () => {
    const m = machine();
    const steps = `${repairStep()}${closingQuestion}
  - id: human
    type: escalate
    title: ${t4('IT')}
    when: answers.better == false
    employee: ${t4('E')}
    it: ${t4('I')}`;
    expect(messages(m, steps).some((x) => x.includes('Step "switch": when its fix fails'))).toBe(true);
  });

  it('warns when an escalation has no employee text and rejects one without IT text', () => {
    const m = machine();
    const noEmployee = `
  - id: human
    type: escalate
    title: ${t4('IT')}
    it: ${t4('I')}`;
    expect(messages(m, noEmployee)).toEqual([expect.stringMatching(/^warning: step "human": no "employee" text/)]);
    const noIt = `
  - id: human
    type: escalate
    title: ${t4('IT')}
    employee: ${t4('E')}`;
    expect(messages(m, noIt)).toEqual([expect.stringMatching(/^error: step "human": an escalation needs "it"/)]);
  });
});
