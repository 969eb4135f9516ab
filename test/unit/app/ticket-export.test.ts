/**
 * The way out of a refused ticket (issue 5): the desk hands the redacted ticket text to the
 * host's clipboard and save ports by client id only, for tickets the helpdesk refused and for
 * sends that failed before the outbox took them; an unknown id is `not-found`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTicketDesk } from '../../../app/tickets.ts';
import type { SecretStore } from '../../../core/secrets/secret-store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { createTicketService, type TicketService } from '../../../core/tickets/service.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const secrets: SecretStore = { get: async () => undefined, set: async () => undefined, delete: async () => undefined, names: async () => [] };
const snapshot = { capture: async () => ({ os: 'Linux', osVersion: '6', hostname: 'pc-01', user: 'u', uptimeSeconds: 60, disks: [], network: [] }) };

/** A helpdesk that refuses every ticket with 400 (a fake fetch: nothing leaves the process). */
function refusingFetch(posts: unknown[]): typeof fetch {
  return async (_url, init) => {
    posts.push(JSON.parse(String(init?.body)));
    return new Response(JSON.stringify({ error: 'Field "category" is invalid' }), { status: 400, headers: { 'content-type': 'application/json' } });
  };
}

async function service(config: unknown, fetchImpl?: typeof fetch): Promise<TicketService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fl-ticket-export-'));
  dirs.push(dataDir);
  return createTicketService({ config: ticketConfigSchema.parse(config), dataDir, secrets, snapshot, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

function recordingDesk(svc: TicketService) {
  const copied: string[] = [];
  const saved: Array<{ name: string; text: string }> = [];
  const desk = createTicketDesk({
    service: svc,
    troubleshooter: () => undefined,
    copyText: async (text) => {
      copied.push(text);
      return true;
    },
    saveText: async (name, text) => {
      saved.push({ name, text });
      return true;
    },
  });
  return { desk, copied, saved };
}

describe('ticket desk: the way out of a refused ticket', () => {
  it('exports, copies and saves the redacted text of a ticket the helpdesk refused', async () => {
    const posts: unknown[] = [];
    const svc = await service({ connector: { type: 'webhook', url: 'http://127.0.0.1:9/tickets' } }, refusingFetch(posts));
    const { desk, copied, saved } = recordingDesk(svc);
    const { draft } = await desk.draft({ lang: 'en' });
    const result = await desk.send({ clientId: draft.clientId, title: 'Printer jams', userText: 'It jams on page 2. password=hunter2' });
    expect(result).toMatchObject({ kind: 'rejected', clientId: draft.clientId });
    expect(posts).toHaveLength(1);

    const exported = desk.exportFor(draft.clientId);
    expect(exported.text).toContain('Printer jams');
    expect(exported.text).toContain('It jams on page 2.');
    expect(exported.text).toContain(draft.clientId);
    expect(exported.text).not.toContain('hunter2');
    expect(exported.filename).toBe(`firstline-ticket-${draft.clientId}.txt`);

    expect(await desk.copy(draft.clientId)).toEqual({ copied: true });
    expect(await desk.save(draft.clientId)).toEqual({ saved: true });
    expect(copied).toEqual([exported.text]);
    expect(saved).toEqual([{ name: exported.filename, text: exported.text }]);
    // Copying and saving never send the ticket again.
    expect(posts).toHaveLength(1);
  });

  it('exports a ticket whose send failed before the outbox took it (no helpdesk set up)', async () => {
    const { desk, copied } = recordingDesk(await service({}));
    const { draft } = await desk.draft({ lang: 'en' });
    const result = await desk.send({ clientId: draft.clientId, title: 'VPN down', userText: 'Since Monday morning' });
    expect(result.kind).toBe('error');
    expect(desk.exportFor(draft.clientId).text).toContain('Since Monday morning');
    expect(await desk.copy(draft.clientId)).toEqual({ copied: true });
    expect(copied[0]).toContain('VPN down');
  });

  it('answers not-found for an unknown client id and reports false without host ports', async () => {
    const svc = await service({ connector: { type: 'webhook', url: 'http://127.0.0.1:9/tickets' } }, refusingFetch([]));
    const { desk } = recordingDesk(svc);
    expect(() => desk.exportFor('unknown-client-id')).toThrow(expect.objectContaining({ code: 'not-found' }) as Error);
    await expect(desk.copy('unknown-client-id')).rejects.toMatchObject({ code: 'not-found' });
    await expect(desk.save('unknown-client-id')).rejects.toMatchObject({ code: 'not-found' });

    const bare = createTicketDesk({ service: svc, troubleshooter: () => undefined });
    const { draft } = await bare.draft({ lang: 'en' });
    await bare.send({ clientId: draft.clientId, title: 'Refused', userText: '' });
    expect(await bare.copy(draft.clientId)).toEqual({ copied: false });
    expect(await bare.save(draft.clientId)).toEqual({ saved: false });
  });
});
