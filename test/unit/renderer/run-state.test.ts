/**
 * The run view's pure reducer (renderer/src/run/run-state.ts): every event type, events of other
 * runs and duplicates, and the edge cases the screen depends on (a question or consent cleared by
 * its step's end, the same finding said once, consent given for another step).
 */
import { describe, expect, it } from 'vitest';
import { initialRun, reduceRun, stepStatusKey, type RunEvent, type RunView } from '../../../renderer/src/run/run-state.ts';

const runId = 'run-1';
let seq = 0;
const at = '2026-12-01T00:00:00.000Z';
/** Builds an event of this run with the next sequence number. */
function ev<T extends RunEvent['type']>(type: T, fields: Omit<Extract<RunEvent, { type: T }>, 'runId' | 'seq' | 'at' | 'type'>): RunEvent {
  return { runId, seq: seq++, at, type, ...fields } as unknown as RunEvent;
}
const fold = (events: RunEvent[], from: RunView = initialRun(runId, 'Loading')) => events.reduce(reduceRun, from);

function started(): RunView {
  seq = 0;
  return fold([
    ev('run-started', { troubleshooterId: 'printer-queue', version: '1.0.0', title: 'My document does not print', lang: 'en', platform: 'linux', dryRun: false }),
    ev('step-started', { stepId: 'queue', kind: 'check', title: 'Print queue' }),
  ]);
}

describe('reduceRun', () => {
  it('starts empty and takes the title from run-started', () => {
    expect(initialRun(runId, 'Loading')).toEqual({ runId, title: 'Loading', steps: [], question: null, consent: null, agreedChanges: [], ended: null, lastSeq: -1 });
    const view = started();
    expect(view.title).toBe('My document does not print');
    expect(view.steps).toEqual([{ stepId: 'queue', title: 'Print queue', kind: 'check', status: 'running', findings: [], infos: [], changed: [] }]);
    expect(view.lastSeq).toBe(1);
  });

  it('ignores events of another run and events already seen (duplicates, replays out of order)', () => {
    const view = started();
    const other = { ...ev('step-started', { stepId: 'x', kind: 'info', title: 'X' }), runId: 'run-2' } as RunEvent;
    expect(reduceRun(view, other)).toBe(view);
    const replay = { ...ev('step-started', { stepId: 'again', kind: 'info', title: 'Again' }), seq: 1 } as RunEvent;
    expect(reduceRun(view, replay)).toBe(view);
  });

  it('adds a finding from an action result once, even when the verification finds the same', () => {
    let view = started();
    view = fold([ev('action-result', { stepId: 'queue', phase: 'check', action: 'printer.status', ok: false, skipped: false, result: {}, finding: '2 jobs are stuck.', durationMs: 5 })], view);
    view = fold([ev('action-result', { stepId: 'queue', phase: 'verify', action: 'printer.status', ok: false, skipped: false, result: {}, finding: '2 jobs are stuck.', durationMs: 5 })], view);
    expect(view.steps[0]?.findings).toEqual(['2 jobs are stuck.']);
    // A result without a finding changes nothing but the sequence number.
    const before = view;
    view = fold([ev('action-result', { stepId: 'queue', phase: 'check', action: 'printer.status', ok: true, skipped: false, result: {}, durationMs: 1 })], view);
    expect(view.steps).toBe(before.steps);
    expect(view.lastSeq).toBe(before.lastSeq + 1);
  });

  it('shows a question until it is answered, and only its own answer clears it', () => {
    let view = started();
    const question = { type: 'yesno' as const, prompt: 'Is the printer on?' };
    view = fold([ev('question', { stepId: 'queue', question })], view);
    expect(view.question).toEqual({ stepId: 'queue', question });
    view = fold([ev('answer', { stepId: 'other', value: true })], view);
    expect(view.question).toEqual({ stepId: 'queue', question });
    view = fold([ev('answer', { stepId: 'queue', value: true })], view);
    expect(view.question).toBeNull();
  });

  it('records the changes agreed to on the step and for the ending; a refusal or a refused elevation only closes the request', () => {
    let view = started();
    view = fold([ev('consent-requested', { stepId: 'queue', changes: ['Cancel your 2 stuck print jobs.'], elevation: false })], view);
    expect(view.consent).toEqual({ stepId: 'queue', changes: ['Cancel your 2 stuck print jobs.'], elevation: false });
    view = fold([ev('consent-given', { stepId: 'queue' })], view);
    expect(view.consent).toBeNull();
    expect(view.agreedChanges).toEqual(['Cancel your 2 stuck print jobs.']);
    expect(view.steps[0]?.changed).toEqual(['Cancel your 2 stuck print jobs.']);

    view = fold([ev('consent-requested', { stepId: 'queue', changes: ['Switch the queue back on.'], elevation: true })], view);
    view = fold([ev('consent-refused', { stepId: 'queue' })], view);
    expect(view.consent).toBeNull();
    expect(view.agreedChanges).toEqual(['Cancel your 2 stuck print jobs.']);

    view = fold([ev('consent-requested', { stepId: 'queue', changes: ['Restart the print service.'], elevation: true })], view);
    view = fold([ev('elevation-refused', { stepId: 'queue' })], view);
    expect(view.consent).toBeNull();
    expect(view.agreedChanges).toEqual(['Cancel your 2 stuck print jobs.']);
  });

  it('consent given for a step without a pending request (or for another step) adds no changes', () => {
    let view = started();
    view = fold([ev('consent-requested', { stepId: 'other', changes: ['Something else.'], elevation: false })], view);
    view = fold([ev('consent-given', { stepId: 'queue' })], view);
    expect(view.agreedChanges).toEqual([]);
    expect(view.steps[0]?.changed).toEqual([]);
    expect(view.consent).toBeNull();
  });

  it('adds info texts with their link and article to the step', () => {
    let view = started();
    view = fold(
      [ev('info', { stepId: 'queue', text: 'Check the paper tray.' }), ev('info', { stepId: 'queue', text: 'Read more.', link: 'https://intranet.example.test/print', article: 'printer-howto' })],
      view,
    );
    expect(view.steps[0]?.infos).toEqual([
      { text: 'Check the paper tray.', link: undefined, article: undefined },
      { text: 'Read more.', link: 'https://intranet.example.test/print', article: 'printer-howto' },
    ]);
  });

  it('fix-applied, verified, verification-failed and link-opened only advance the sequence', () => {
    const view = started();
    const after = fold(
      [
        ev('fix-applied', { stepId: 'queue', action: 'printer.clear', ok: true }),
        ev('verified', { stepId: 'queue' }),
        ev('verification-failed', { stepId: 'queue' }),
        ev('link-opened', { stepId: 'queue', url: 'https://example.test', ok: true }),
      ],
      view,
    );
    expect(after).toEqual({ ...view, lastSeq: view.lastSeq + 4 });
  });

  it("ends a step with its status and finding (said once), clearing the step's own question and consent only", () => {
    let view = started();
    view = fold([ev('action-result', { stepId: 'queue', phase: 'check', action: 'printer.status', ok: false, skipped: false, result: {}, finding: 'The queue is paused.', durationMs: 1 })], view);
    view = fold([ev('question', { stepId: 'queue', question: { type: 'yesno', prompt: 'Sure?' } }), ev('consent-requested', { stepId: 'queue', changes: ['x'], elevation: false })], view);
    view = fold([ev('step-finished', { stepId: 'queue', status: 'failed', finding: 'The queue is paused.' })], view);
    expect(view.steps[0]).toMatchObject({ status: 'failed', findings: ['The queue is paused.'] });
    expect(view.question).toBeNull();
    expect(view.consent).toBeNull();

    view = fold([ev('step-started', { stepId: 'next', kind: 'ask', title: 'Next' }), ev('question', { stepId: 'next', question: { type: 'yesno', prompt: 'Again?' } })], view);
    view = fold([ev('step-finished', { stepId: 'queue', status: 'failed', finding: 'Another finding.' })], view);
    expect(view.question?.stepId).toBe('next');
    expect(view.steps[0]?.findings).toEqual(['The queue is paused.', 'Another finding.']);
    // A skipped step (with its trace for IT) shows as skipped; the trace is not employee text.
    view = fold([ev('step-finished', { stepId: 'next', status: 'skipped', skip: { reason: 'condition', when: "platform == 'win32'", values: [{ ref: 'platform', value: 'linux' }] } })], view);
    expect(view.steps[1]).toMatchObject({ status: 'skipped', findings: [] });
  });

  it('a step-finished for a step never started changes no step', () => {
    const view = started();
    const after = fold([ev('step-finished', { stepId: 'ghost', status: 'passed' })], view);
    expect(after.steps).toEqual(view.steps);
  });

  it('the ending closes any question or consent and keeps outcome, reason, reason code and cause', () => {
    let view = started();
    view = fold([ev('question', { stepId: 'queue', question: { type: 'yesno', prompt: 'Sure?' } })], view);
    view = fold([ev('run-finished', { outcome: 'needs-human', reason: 'IT can help you further.', reasonCode: 'cause-found', cause: 'printer-offline', durationMs: 10 })], view);
    expect(view.question).toBeNull();
    expect(view.consent).toBeNull();
    expect(view.ended).toEqual({ outcome: 'needs-human', reason: 'IT can help you further.', reasonCode: 'cause-found', cause: 'printer-offline' });
  });

  it('has a label key for every step status', () => {
    expect(Object.keys(stepStatusKey).sort()).toEqual(['error', 'failed', 'fixed', 'passed', 'refused', 'running', 'skipped', 'timeout']);
    for (const [status, key] of Object.entries(stepStatusKey)) expect(key).toBe(`run.status.${status}`);
  });
});
