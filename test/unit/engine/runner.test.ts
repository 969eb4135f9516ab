import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRegistry } from '../../../core/engine/registry.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { run } from '../../../core/engine/runner.ts';
import type { Troubleshooter } from '../../../core/engine/schema.ts';
import { collect, fakeMachine, finished, testPorts, types } from './helpers.ts';

const head = ['id: t', 'version: "1.0.0"', 'title: { en: T, nl: T, fr: T, de: T }', 'summary: { en: S, nl: S, fr: S, de: S }', 'platforms: [linux, darwin, win32]', 'category: test'];

function machine() {
  const m = fakeMachine();
  const registry = createRegistry([m.probe, m.repair]);
  const load = (steps: string): Troubleshooter => {
    const result = loadTroubleshooterText([...head, 'steps:', steps].join('\n'), 'inline.yaml', registry);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
    return result.troubleshooter;
  };
  return { ...m, registry, load, opts: { registry, catalogDir: '.', platform: 'linux' as const } };
}

const switchStep = (extra = '') => `
  - id: switch
    type: check
    title: { en: Switch, nl: Schakelaar }
    action: test.probe
    expect: [{ field: on, equals: true }]
    finding:
      pass: { en: The switch is on. }
      fail: { en: The switch is off. }
    fix:
      - action: test.repair
        with: { how: firmly }${extra}`;

describe('runner', () => {
  it('passes a check without running its fix or asking consent', async () => {
    const m = machine();
    m.state.on = true;
    const ports = testPorts();
    const events = await collect(run(m.load(switchStep()), ports, m.opts));
    expect(types(events)).toEqual(['run-started', 'step-started', 'action-result', 'step-finished', 'run-finished']);
    expect(finished(events).outcome).toBe('resolved');
    expect(m.state.repairs).toBe(0);
    expect(ports.rec.consents).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(events[2]).toMatchObject({ type: 'action-result', phase: 'check', ok: true, finding: 'The switch is on.' });
  });

  it('asks consent with the localized change, applies the fix and verifies it (check fail → consent → fix → verify pass)', async () => {
    const m = machine();
    const ports = testPorts();
    const events = await collect(run(m.load(switchStep()), ports, { ...m.opts, lang: 'nl' }));
    expect(types(events)).toEqual([
      'run-started',
      'step-started',
      'action-result',
      'consent-requested',
      'consent-given',
      'action-result',
      'fix-applied',
      'action-result',
      'verified',
      'step-finished',
      'run-finished',
    ]);
    expect(ports.rec.consents).toEqual([{ stepId: 'switch', changes: ['Schakelaar aanzetten (firmly).'], elevation: false }]);
    expect(events.filter((e) => e.type === 'action-result').map((e) => e.type === 'action-result' && [e.phase, e.ok])).toEqual([
      ['check', false],
      ['fix', true],
      ['verify', true],
    ]);
    expect(events[2]).toMatchObject({ detail: 'on is false, expected true.' });
    expect(events.at(-2)).toMatchObject({ type: 'step-finished', status: 'fixed' });
    expect(finished(events).outcome).toBe('resolved');
    expect(m.state).toMatchObject({ on: true, repairs: 1, probes: 2 });
  });

  it('ends not-resolved when verification still fails after the fix', async () => {
    const m = machine();
    m.state.repairWorks = false;
    const events = await collect(run(m.load(switchStep()), testPorts(), m.opts));
    expect(types(events)).toContain('verification-failed');
    expect(events.at(-2)).toMatchObject({ type: 'step-finished', status: 'failed', finding: 'The switch is off.' });
    expect(finished(events)).toMatchObject({ outcome: 'not-resolved', reason: 'The switch is off.' });
  });

  it('changes nothing when consent is refused', async () => {
    const m = machine();
    const events = await collect(run(m.load(switchStep()), testPorts({ consent: false }), m.opts));
    expect(types(events)).toContain('consent-refused');
    expect(types(events)).not.toContain('fix-applied');
    expect(m.state.repairs).toBe(0);
    expect(events.at(-2)).toMatchObject({ type: 'step-finished', status: 'refused' });
    expect(finished(events).outcome).toBe('not-resolved');
  });

  it('asks elevation only before a change and stops cleanly when it is refused', async () => {
    const m = machine();
    m.state.on = true;
    const ports = testPorts({ elevation: false });
    await collect(run(m.load(switchStep('\n    elevation: required')), ports, m.opts));
    expect(ports.rec.elevations).toEqual([]); // The check passed: no admin prompt for a read-only step.

    m.state.on = false;
    const events = await collect(run(m.load(switchStep('\n    elevation: required')), ports, m.opts));
    expect(ports.rec.elevations).toEqual(['Switch']);
    expect(ports.rec.consents.at(-1)?.elevation).toBe(true);
    expect(types(events)).toContain('elevation-refused');
    expect(m.state.repairs).toBe(0);
    expect(finished(events)).toMatchObject({ outcome: 'not-resolved', reason: '"Switch" needs administrator rights, which were not granted.' });
  });

  it('continues past a failed step with continue-on-error, skips steps whose when is false, and escalates', async () => {
    const m = machine();
    m.state.repairWorks = false;
    const ts = m.load(`${switchStep('\n    continue-on-error: true')}
  - id: never
    type: info
    title: { en: N }
    text: { en: N }
    when: steps.switch.outcome == 'passed'
  - id: human
    type: escalate
    title: { en: H }
    when: steps.switch.outcome == 'failed' and platform == 'linux'
    reason: { en: The switch is broken. }`);
    const events = await collect(run(ts, testPorts(), m.opts));
    const steps = events.filter((e) => e.type === 'step-finished').map((e) => e.type === 'step-finished' && [e.stepId, e.status]);
    expect(steps).toEqual([
      ['switch', 'failed'],
      ['never', 'skipped'],
      ['human', 'passed'],
    ]);
    // The older `reason` is the text for IT; the employee gets a plain generic sentence instead of it.
    expect(finished(events)).toMatchObject({
      outcome: 'needs-human',
      reason: 'Firstline could not solve this here. IT can help you further.',
      itReason: 'The switch is broken.',
      reasonCode: 'fix-failed',
    });
  });

  it('uses preset answers and the interaction port, validating both', async () => {
    const m = machine();
    const ts = m.load(`
  - id: color
    type: ask
    title: { en: C }
    prompt: { en: Which color? }
    answer: choice
    choices: [{ value: red, label: { en: Red } }, { value: blue, label: { en: Blue } }]
  - id: sure
    type: ask
    title: { en: S }
    prompt: { en: Sure? }
    answer: yesno
  - id: red
    type: escalate
    title: { en: R }
    when: answers.color == 'red' and answers.sure == true
    reason: { en: Red it is. }`);
    const ports = testPorts({ answers: { sure: 'ja' } });
    const events = await collect(run(ts, ports, { ...m.opts, answers: { color: 'red' } }));
    expect(ports.rec.asked).toEqual(['sure']);
    expect(events.filter((e) => e.type === 'answer').map((e) => e.type === 'answer' && e.value)).toEqual(['red', true]);
    expect(finished(events).outcome).toBe('needs-human');

    const bad = await collect(run(ts, testPorts(), { ...m.opts, answers: { color: 'green' } }));
    expect(finished(bad).outcome).toBe('error');
  });

  it('dry run executes no action, asks no consent and reports what would run', async () => {
    const m = machine();
    const ports = testPorts();
    const events = await collect(run(m.load(switchStep()), ports, { ...m.opts, dryRun: true }));
    expect(m.state).toMatchObject({ probes: 0, repairs: 0 });
    expect(ports.rec.consents).toEqual([]);
    expect(events[0]).toMatchObject({ type: 'run-started', dryRun: true });
    expect(events.filter((e) => e.type === 'action-result').map((e) => e.type === 'action-result' && [e.phase, e.action, e.skipped])).toEqual([
      ['check', 'test.probe', true],
      ['fix', 'test.repair', true],
    ]);
    expect(finished(events)).toMatchObject({ outcome: 'resolved', reason: 'Dry run: nothing was changed.' });
  });

  it('dry run reports unanswered questions without waiting, follows preset answers and reports escalations without stopping', async () => {
    const m = machine();
    const ts = m.load(`
  - id: sure
    type: ask
    title: { en: S }
    prompt: { en: Sure? }
    answer: yesno
  - id: human
    type: escalate
    title: { en: H }
    when: answers.sure == false
    reason: { en: Not sure. }`);
    const ports = testPorts();
    const unanswered = await collect(run(ts, ports, { ...m.opts, dryRun: true }));
    expect(ports.rec.asked).toEqual([]);
    expect(unanswered.filter((e) => e.type === 'step-finished').map((e) => e.type === 'step-finished' && e.status)).toEqual(['skipped', 'skipped']);
    expect(finished(unanswered).outcome).toBe('resolved');
    const answered = await collect(run(ts, ports, { ...m.opts, dryRun: true, answers: { sure: 'no' } }));
    expect(answered.filter((e) => e.type === 'step-finished').map((e) => e.type === 'step-finished' && [e.status, e.finding])).toEqual([
      ['passed', undefined],
      ['skipped', 'Firstline could not solve this here. IT can help you further.'],
    ]);
    expect(finished(answered).outcome).toBe('resolved');
  });

  it('opens an https link from policy and fails clearly when the policy has no URL', async () => {
    const m = machine();
    const ts = m.load(`
  - id: reset
    type: link
    title: { en: Reset }
    url-from-policy: resetUrl`);
    const ports = testPorts();
    const ok = await collect(run(ts, ports, { ...m.opts, policy: { resetUrl: 'https://reset.example.invalid/' } }));
    expect(ports.rec.opened).toEqual(['https://reset.example.invalid/']);
    expect(finished(ok).outcome).toBe('resolved');
    const missing = await collect(run(ts, ports, { ...m.opts, policy: { resetUrl: 'javascript:alert(1)' } }));
    expect(ports.rec.opened).toHaveLength(1);
    expect(finished(missing)).toMatchObject({ outcome: 'not-resolved', reason: 'This link has not been set up by IT yet. Please contact IT.' });
  });

  it("uses the action's own finding when the author wrote none, and the author's when there is one", async () => {
    const m = machine();
    // The finding must be part of the action's declared result (undeclared keys are stripped).
    const talking = {
      ...m.probe,
      result: z.object({ ok: z.boolean(), on: z.boolean(), finding: z.string() }),
      run: async () => ({ ok: false, on: false, finding: 'The switch is stuck at token=abc123.' }),
    };
    const registry = createRegistry([talking, m.repair]);
    const ts = m.load(`
  - id: plain
    type: check
    title: { en: Plain }
    action: test.probe`);
    const events = await collect(run(ts, testPorts(), { ...m.opts, registry }));
    expect(events.find((e) => e.type === 'step-finished')).toMatchObject({ status: 'failed', finding: 'The switch is stuck at token=[REDACTED].' });
    const authored = await collect(run(m.load(switchStep()), testPorts({ consent: false }), { ...m.opts, registry }));
    expect(authored.find((e) => e.type === 'action-result')).toMatchObject({ finding: 'The switch is off.' });
  });

  it('reports an action that throws as an error outcome with the message redacted', async () => {
    const m = machine();
    const broken = { ...m.probe, run: async () => Promise.reject(new Error('login failed: password=hunter2')) };
    const registry = createRegistry([broken, m.repair]);
    const events = await collect(run(m.load(switchStep()), testPorts(), { ...m.opts, registry }));
    const result = events.find((e) => e.type === 'action-result');
    expect(result).toMatchObject({ ok: false, error: 'login failed: password=[REDACTED]' });
    expect(JSON.stringify(events)).not.toContain('hunter2');
    expect(finished(events).outcome).toBe('error');
  });
});
