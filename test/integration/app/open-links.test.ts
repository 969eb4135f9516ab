/**
 * Opening links through the app handlers (the same ones Electron and the browser host
 * register): the renderer names an info step or a ticket, never a URL. The host's openers are
 * recorded, so nothing is opened for real; a link the allowlist refuses never reaches them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline, type Firstline } from '../../../app/compose.ts';
import { createDispatcher, type Dispatch } from '../../../app/dispatcher.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { createLogger } from '../../../core/log.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../fixtures/app-links');
const trusted = { trusted: true };
const snapshot = {
  capture: async () => ({ os: 'Linux', osVersion: 'test', hostname: 'pc-test-01', user: 'employee', uptimeSeconds: 60, disks: [], network: [] }),
};

let dir: string;
let app: Firstline;
let dispatch: Dispatch;
let openedUrls: string[];
let openedMails: string[];
let events: RunEvent[];
let waiting: Array<{ type: RunEvent['type']; resolve(e: RunEvent): void }>;

function next(type: RunEvent['type']): Promise<RunEvent> {
  const seen = events.find((e) => e.type === type);
  return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ type, resolve }));
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-links-'));
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ urlAllowlist: ['intranet.example.com'] }));
  openedUrls = [];
  openedMails = [];
  events = [];
  waiting = [];
  const log = createLogger({ redact: (s) => s });
  app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir: path.join(dir, 'data'),
    catalogDir,
    emit: (name, payload) => {
      if (name !== 'run:event') return;
      const event = payload as RunEvent;
      events.push(event);
      for (const w of waiting.filter((x) => x.type === event.type)) w.resolve(event);
      waiting = waiting.filter((x) => x.type !== event.type);
    },
    openUrl: async (url) => (openedUrls.push(url), true),
    openMail: async (url) => (openedMails.push(url), true),
    log,
    snapshot,
    ticketConfig: { fallbackEmail: 'servicedesk@example.com' },
    env: { PATH: process.env.PATH, HOME: dir, FIRSTLINE_POLICY_FILE: policyFile },
  });
  dispatch = createDispatcher(app.handlers, log);
});

afterEach(async () => {
  await app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const notFound = { ok: false, error: { code: 'not-found', messageKey: 'error.ipc.not-found', details: expect.anything() as unknown } };

describe('info step links through run:open-link', () => {
  it('opens an allowlisted link while the run waits and after it ended; refuses others; unknown ids are not-found', async () => {
    const started = await dispatch('run:start', { troubleshooterId: 'intranet-tips', lang: 'en' }, trusted);
    if (!started.ok) throw new Error('run did not start');
    const { runId } = started.value as { runId: string };
    await next('question');

    await expect(dispatch('run:open-link', { runId, stepId: 'tip' }, trusted)).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(openedUrls).toEqual(['https://intranet.example.com/teams-tips']);

    // Valid https for the catalog schema, but not on the allowlist: never handed to the opener.
    await expect(dispatch('run:open-link', { runId, stepId: 'elsewhere' }, trusted)).resolves.toEqual({ ok: true, value: { opened: false } });
    await expect(dispatch('run:open-link', { runId, stepId: 'plain' }, trusted)).resolves.toEqual(notFound);
    await expect(dispatch('run:open-link', { runId, stepId: 'no-such-step' }, trusted)).resolves.toEqual(notFound);
    await expect(dispatch('run:open-link', { runId: 'unknown-run-id', stepId: 'tip' }, trusted)).resolves.toEqual(notFound);
    // The renderer cannot slip a URL in: the arguments are closed.
    await expect(dispatch('run:open-link', { runId, stepId: 'tip', url: 'https://phish.example.net/' }, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(openedUrls).toEqual(['https://intranet.example.com/teams-tips']);

    await dispatch('run:answer', { runId, stepId: 'done', value: true }, trusted);
    await next('run-finished');
    await expect(dispatch('run:open-link', { runId, stepId: 'tip' }, trusted)).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(openedUrls).toEqual(['https://intranet.example.com/teams-tips', 'https://intranet.example.com/teams-tips']);
    expect(openedMails).toEqual([]);
  });
});

describe('the mailto fallback through ticket:open-mail', () => {
  it('hands the mail link core built for that ticket to the mail program, and only that', async () => {
    const drafted = await dispatch('ticket:draft', { lang: 'en', userText: 'My screen stays black' }, trusted);
    if (!drafted.ok) throw new Error('no draft');
    const { draft, channel } = drafted.value as { draft: { clientId: string }; channel: string };
    expect(channel).toBe('mailto');
    await expect(dispatch('ticket:open-mail', { clientId: draft.clientId }, trusted)).resolves.toEqual(notFound);

    const sent = await dispatch('ticket:send', { clientId: draft.clientId, title: 'Black screen', userText: 'My screen stays black' }, trusted);
    if (!sent.ok) throw new Error('not sent');
    const result = sent.value as { kind: string; clientId: string; url: string };
    expect(result.kind).toBe('mailto');
    expect(result.url).toMatch(/^mailto:servicedesk@example\.com\?subject=Black%20screen&body=My%20screen%20stays%20black/);

    await expect(dispatch('ticket:open-mail', { clientId: result.clientId }, trusted)).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(openedMails).toEqual([result.url]);
    await expect(dispatch('ticket:open-mail', { clientId: 'ffffffff-0000-4000-8000-000000000000' }, trusted)).resolves.toEqual(notFound);
    await expect(dispatch('ticket:open-mail', { clientId: result.clientId, url: 'mailto:spy@evil.test' }, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(openedMails).toEqual([result.url]);
    expect(openedUrls).toEqual([]);
  });
});
