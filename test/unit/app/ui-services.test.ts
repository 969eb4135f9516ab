/**
 * The services behind the employee window's own channels: settings (language override kept in
 * the data dir), run history (bounded, newest first, dry runs left out) and the ticket desk
 * (drafts kept on the Node side, a draft is sent at most once).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunHistory, historyRecord } from '../../../app/history.ts';
import { createSettingsService } from '../../../app/settings.ts';
import { createTicketDesk } from '../../../app/tickets.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import type { SecretStore } from '../../../core/secrets/secret-store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { createTicketService } from '../../../core/tickets/service.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-ui-svc-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function transcript(runId: string, options: { outcome?: 'resolved' | 'not-resolved'; dryRun?: boolean; at?: string } = {}): RunEvent[] {
  const at = options.at ?? '2026-11-24T10:00:00.000Z';
  return [
    { type: 'run-started', runId, seq: 0, at, troubleshooterId: 'vpn', version: '1', title: 'VPN', lang: 'en', platform: 'linux', dryRun: options.dryRun ?? false },
    { type: 'step-started', runId, seq: 1, at, stepId: 'connected', kind: 'check', title: 'Check the VPN' },
    { type: 'step-finished', runId, seq: 2, at, stepId: 'connected', status: 'failed', finding: 'The VPN is not connected.' },
    { type: 'run-finished', runId, seq: 3, at, outcome: options.outcome ?? 'not-resolved', durationMs: 5 },
  ];
}

describe('settings', () => {
  it('follows policy, then the OS locale, until the employee chooses; the choice survives a restart', async () => {
    const dataDir = tempDir();
    const first = await createSettingsService({ dataDir, osLocale: 'fr_BE.UTF-8', catalogSources: [{ source: '/opt/catalog', state: 'builtIn' }] });
    expect(first.get()).toMatchObject({ language: 'auto', automaticLang: 'fr', lang: 'fr', about: { catalogSources: [{ source: '/opt/catalog', state: 'builtIn' }] } });
    expect((await first.setLanguage('nl')).lang).toBe('nl');
    const again = await createSettingsService({ dataDir, osLocale: 'fr_BE.UTF-8', catalogSources: [] });
    expect(again.get()).toMatchObject({ language: 'nl', lang: 'nl', automaticLang: 'fr' });
    const withPolicy = await createSettingsService({ dataDir: tempDir(), osLocale: 'fr-BE', policy: { defaultLanguage: 'de', tileOrder: ['vpn'] }, catalogSources: [] });
    expect(withPolicy.get()).toMatchObject({ lang: 'de', automaticLang: 'de', tileOrder: ['vpn'] });
  });
});

describe('run history', () => {
  it('records finished runs newest first, bounded, without dry runs, and marks the ones sent to IT', async () => {
    const history = await createRunHistory({ dataDir: tempDir(), limit: 2 });
    for (const [id, minute] of [
      ['run-a', '01'],
      ['run-b', '02'],
      ['run-c', '03'],
    ] as const) {
      const record = historyRecord(transcript(id, { at: `2026-11-24T10:${minute}:00.000Z` }), () => 'remote-access');
      if (record) await history.record(record);
    }
    expect(historyRecord(transcript('run-dry', { dryRun: true }), () => 'x')).toBeNull();
    expect(historyRecord(transcript('run-open').slice(0, 2), () => 'x')).toBeNull();
    expect(history.list().map((r) => r.runId)).toEqual(['run-c', 'run-b']);
    expect(history.list()[0]).toMatchObject({ troubleshooterId: 'vpn', category: 'remote-access', outcome: 'not-resolved', ticketCreated: false });
    await history.markTicketCreated('run-b');
    expect(history.list().find((r) => r.runId === 'run-b')?.ticketCreated).toBe(true);
  });
});

describe('ticket desk', () => {
  const secrets: SecretStore = { get: async () => undefined, set: async () => undefined, delete: async () => undefined, names: async () => [] };
  const snapshot = {
    capture: async () => ({ os: 'Linux', osVersion: '6', hostname: 'pc-01', user: 'u', uptimeSeconds: 60, disks: [], network: [] }),
  };

  async function desk(marked: string[]) {
    const service = await createTicketService({ config: ticketConfigSchema.parse({ connector: { type: 'mailto', to: 'it@example.com' } }), dataDir: tempDir(), secrets, snapshot });
    return createTicketDesk({
      service,
      troubleshooter: (id) => (id === 'vpn' ? { id, title: 'The VPN does not connect', category: 'remote-access' } : undefined),
      onTicketCreated: async (runId) => void marked.push(runId),
    });
  }

  it('drafts from a finished run what was tried, and sends a draft only once', async () => {
    const marked: string[] = [];
    const tickets = await desk(marked);
    tickets.keepTranscript(transcript('run-x'));
    const { draft, channel } = await tickets.draft({ lang: 'en', runId: 'run-x' });
    expect(channel).toBe('mailto');
    expect(draft).toMatchObject({ runId: 'run-x', troubleshooterId: 'vpn', category: 'remote-access' });
    expect(draft.details).toContain('The VPN is not connected.');
    const sent = await tickets.send({ clientId: draft.clientId, title: 'VPN down at home', userText: 'Since Monday' });
    expect(sent.kind).toBe('mailto');
    expect(sent.kind === 'mailto' && decodeURIComponent(sent.url)).toContain('VPN down at home');
    expect(marked).toEqual(['run-x']);
    await expect(tickets.send({ clientId: draft.clientId, title: 'again', userText: '' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('drafts "Contact IT" without any run, and refuses an unknown run id', async () => {
    const tickets = await desk([]);
    const { draft } = await tickets.draft({ lang: 'nl' });
    expect(draft.runId).toBeUndefined();
    expect(draft.details).toContain('pc-01');
    await expect(tickets.draft({ lang: 'en', runId: 'never-ran' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
