/**
 * The app's run flow end to end in plain Node: the same handlers Electron and the browser host
 * register, the real engine and a real child process per action, a catalog from test fixtures.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../app/dispatcher.ts';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline, type Firstline } from '../../../app/compose.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { createLogger } from '../../../core/log.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
let dir: string;
let labelDir: string;
let app: Firstline;
let events: RunEvent[];
let waiters: Array<{ type: RunEvent['type']; resolve(e: RunEvent): void }>;

function next(type: RunEvent['type']): Promise<RunEvent> {
  const seen = events.find((e) => e.type === type && !consumed.has(e));
  if (seen) {
    consumed.add(seen);
    return Promise.resolve(seen);
  }
  return new Promise((resolve) => waiters.push({ type, resolve }));
}
const consumed = new Set<RunEvent>();

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-app-'));
  labelDir = path.join(dir, 'labels');
  rmSync(labelDir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(labelDir));
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ support: { email: 'it@example.test' } }));
  events = [];
  waiters = [];
  consumed.clear();
  app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir: path.join(dir, 'data'),
    catalogDir,
    locale: 'nl-BE',
    emit: (name, payload) => {
      if (name !== 'run:event') return;
      const event = payload as RunEvent;
      events.push(event);
      const i = waiters.findIndex((w) => w.type === event.type);
      if (i >= 0) {
        consumed.add(event);
        waiters.splice(i, 1)[0]!.resolve(event);
      }
    },
    log: createLogger({ redact: (s) => s }),
    env: { PATH: process.env.PATH, LABEL_DIR: labelDir, FIRSTLINE_POLICY_FILE: policyFile },
  });
});

afterEach(async () => {
  await app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const trusted = { trusted: true };

describe('a troubleshooter run through the app handlers', () => {
  it('asks, detects, asks consent, fixes with the answer as one literal argument, verifies and records history', async () => {
    const dispatch = createDispatcher(app.handlers, createLogger({ redact: (s) => s }));
    const list = await dispatch('catalog:list', { lang: 'nl' }, trusted);
    expect(list).toMatchObject({ ok: true, value: [{ id: 'label-file', title: 'Labelbestand ontbreekt' }] });

    const started = await dispatch('run:start', { troubleshooterId: 'label-file', lang: 'nl' }, trusted);
    if (!started.ok) throw new Error('run did not start');
    const { runId } = started.value as { runId: string };

    const question = await next('question');
    expect(question).toMatchObject({ stepId: 'label', question: { type: 'text', prompt: 'Welk label?' } });
    const hostile = `"; touch ${path.join(dir, 'pwned')} #`;
    await expect(dispatch('run:answer', { runId, stepId: 'label', value: hostile }, trusted)).resolves.toMatchObject({ ok: true });

    const consent = await next('consent-requested');
    expect(consent).toMatchObject({ stepId: 'present', elevation: false });
    expect(existsSync(path.join(labelDir, 'label.txt'))).toBe(false);
    await dispatch('run:consent', { runId, stepId: 'present', granted: true }, trusted);

    const finished = await next('run-finished');
    expect(finished).toMatchObject({ outcome: 'resolved' });
    expect(events.map((e) => e.type)).toContain('verified');
    expect(readFileSync(path.join(labelDir, 'label.txt'), 'utf8')).toBe(hostile);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);

    await expect
      .poll(async () => (await dispatch('history:list', {}, trusted)) as unknown)
      .toMatchObject({
        ok: true,
        value: [{ runId, troubleshooterId: 'label-file', category: 'testing', outcome: 'resolved' }],
      });
  });

  it('refused consent changes nothing and ends not resolved', async () => {
    const dispatch = createDispatcher(app.handlers, createLogger({ redact: (s) => s }));
    const started = await dispatch('run:start', { troubleshooterId: 'label-file', lang: 'en' }, trusted);
    const { runId } = (started as { value: { runId: string } }).value;
    await next('question');
    await dispatch('run:answer', { runId, stepId: 'label', value: 'x' }, trusted);
    await next('consent-requested');
    await dispatch('run:consent', { runId, stepId: 'present', granted: false }, trusted);
    expect(await next('run-finished')).toMatchObject({ outcome: 'not-resolved' });
    expect(events.map((e) => e.type)).toContain('consent-refused');
    expect(existsSync(path.join(labelDir, 'label.txt'))).toBe(false);
  });

  it('cancel ends a run that waits for an answer', async () => {
    const dispatch = createDispatcher(app.handlers, createLogger({ redact: (s) => s }));
    const started = await dispatch('run:start', { troubleshooterId: 'label-file', lang: 'en' }, trusted);
    const { runId } = (started as { value: { runId: string } }).value;
    await next('question');
    await expect(dispatch('run:cancel', { runId }, trusted)).resolves.toMatchObject({ ok: true });
    expect(await next('run-finished')).toMatchObject({ outcome: 'cancelled' });
    await expect(dispatch('run:answer', { runId, stepId: 'label', value: 'late' }, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses an unknown troubleshooter id and shows the support contact from policy', async () => {
    const dispatch = createDispatcher(app.handlers, createLogger({ redact: (s) => s }));
    await expect(dispatch('run:start', { troubleshooterId: 'nope', lang: 'en' }, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
    await expect(dispatch('app:info', {}, trusted)).resolves.toMatchObject({ ok: true, value: { lang: 'nl', supportContact: { email: 'it@example.test' } } });
  });
});
