/**
 * Fault injection: 200+ tickets through the outbox into a TOPdesk-shaped server that answers 500s
 * (with and without having created the incident), holds responses past the client timeout,
 * resets connections before and after creating, and "kills" the outbox process right after the
 * server accepted a ticket (the instance loses its disk; a new outbox is built over the same store
 * file, as after a crash). The outbox is also restarted periodically. Afterwards every ticket must
 * exist exactly once at the helpdesk and be recorded as delivered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { openStore } from '../../../core/store/store.ts';
import type { Store } from '../../../core/store/store.ts';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { createConnector } from '../../../core/tickets/connectors/index.ts';
import { createOutbox, emptyOutbox, outboxFileSchema } from '../../../core/tickets/outbox.ts';
import type { OutboxFile } from '../../../core/tickets/outbox.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';

const TICKETS = 200;
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A store whose process "dies": after kill(), nothing more reaches the disk. */
function killable<T>(inner: Store<T>) {
  let dead = false;
  const store: Store<T> = {
    file: inner.file,
    get data() {
      return inner.data;
    },
    update: (fn) => (dead ? Promise.reject(new Error('process killed')) : inner.update(fn)),
  };
  return { store, kill: () => void (dead = true) };
}

const draftFor = (i: number): TicketDraft => ({
  clientId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  title: `Ticket ${i}: the VPN drops every few minutes`,
  userText: '',
  details: `What was tried:\n1. Check VPN\n\nFirstline reference: ${i}`,
  urgency: 'normal',
  attachments: [],
  createdAt: '2026-11-24T09:00:00.000Z',
});

describe('outbox under faults', () => {
  it(`delivers ${TICKETS} tickets exactly once through 500s, timeouts, resets, crashes and restarts`, async () => {
    const random = prng(20261124);
    const faults = { error500: 0, createdThen500: 0, slow: 0, resetBefore: 0, resetAfter: 0, crashAfterAccept: 0, findError: 0, ok: 0 };
    const created = new Map<string, { id: string; number: string; count: number }>();
    let crashCurrent: (() => void) | null = null;
    let crashes = 0;

    const create = (externalNumber: string) => {
      const existing = created.get(externalNumber);
      if (existing) {
        existing.count++;
        return existing;
      }
      const n = created.size + 1;
      const incident = { id: `inc-${n}`, number: `I 2411 ${String(n).padStart(3, '0')}`, count: 1 };
      created.set(externalNumber, incident);
      return incident;
    };

    const server = await startHelpdesk((req, res, socket) => {
      if (req.method === 'GET' && req.path === '/tas/api/incidents') {
        if (random() < 0.1) {
          faults.findError++;
          return sendJson(res, 500, { message: 'search unavailable' });
        }
        const wanted = /externalNumber=="(.*)"/.exec(req.url.searchParams.get('query') ?? '')?.[1] ?? '';
        const hit = created.get(wanted);
        if (!hit) return void res.writeHead(204).end();
        return sendJson(res, 200, [{ id: hit.id, number: hit.number, externalNumber: wanted }]);
      }
      if (req.method !== 'POST' || req.path !== '/tas/api/incidents') return void res.writeHead(404).end();
      const ext = (req.json as { externalNumber: string }).externalNumber;
      const r = random();
      if (r < 0.12) {
        faults.error500++;
        return sendJson(res, 500, { message: 'internal error' });
      }
      if (r < 0.38 && r >= 0.3) {
        faults.resetBefore++;
        return void socket.destroy();
      }
      const incident = create(ext);
      const body = { id: incident.id, number: incident.number };
      if (r < 0.22) {
        faults.createdThen500++;
        return sendJson(res, 500, { message: 'created but failed afterwards' });
      }
      if (r < 0.3) {
        // Never answers: the client's timeout fires; the socket closes when it aborts.
        faults.slow++;
        return;
      }
      if (r < 0.46) {
        faults.resetAfter++;
        return void socket.destroy();
      }
      if (r < 0.52 && crashCurrent) {
        faults.crashAfterAccept++;
        crashCurrent();
        return sendJson(res, 201, body);
      }
      faults.ok++;
      sendJson(res, 201, body);
    });

    const dir = await mkdtemp(path.join(tmpdir(), 'fl-outbox-faults-'));
    dirs.push(dir);
    const file = path.join(dir, 'outbox.json');
    let now = Date.parse('2026-11-24T09:00:00Z');
    const clock = { now: () => new Date(now) };
    const config = connectorConfigSchema.parse({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'td' });
    const secrets = createMemorySecretStore({ td: 'api:pw' });

    let restarts = 0;
    const boot = async () => {
      const { store, report } = await openStore<OutboxFile>({ file, schema: outboxFileSchema, defaults: emptyOutbox, clock });
      expect(report).toBeNull();
      const process = killable(store);
      let dead = false;
      crashCurrent = () => {
        dead = true;
        crashes++;
        process.kill();
      };
      const connector = (await createConnector(config, { secrets, timeoutMs: 100 })) as Connector;
      const outbox = createOutbox({ store: process.store, connector, clock, random, baseDelayMs: 1000, maxDelayMs: 60_000, concurrency: 4, keepDelivered: 1000 });
      return { outbox, isDead: () => dead };
    };

    let instance = await boot();
    for (let i = 0; i < TICKETS; i++) await instance.outbox.enqueue(draftFor(i));

    for (let round = 0; round < 600; round++) {
      await instance.outbox.deliverDue();
      if (instance.isDead() || round % 20 === 19) {
        if (!instance.isDead()) restarts++;
        instance = await boot();
      }
      const next = instance.outbox.nextDueAt();
      if (!next) break;
      now = Math.max(now, next.getTime());
    }
    await server.close();

    const entries = instance.outbox.entries();
    const delivered = entries.filter((e) => e.state === 'delivered');
    const duplicates = [...created.values()].reduce((sum, c) => sum + (c.count - 1), 0);
    const lost = TICKETS - new Set(delivered.map((e) => e.clientId)).size;
    console.log(`outbox faults: ${JSON.stringify(faults)} crashes=${crashes} restarts=${restarts}`);
    console.log(`delivered=${delivered.length} duplicates=${duplicates} lost=${lost}`);

    expect(delivered).toHaveLength(TICKETS);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(created.size).toBe(TICKETS);
    for (const e of delivered) expect(e.ref?.number).toBe(created.get(e.clientId)?.number);
    // Every kind of fault really happened.
    for (const [kind, count] of Object.entries(faults)) expect(count, kind).toBeGreaterThan(0);
    expect(crashes).toBeGreaterThan(0);
  }, 120_000);
});
