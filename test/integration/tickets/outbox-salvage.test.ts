/**
 * One bad outbox entry must not cost the others (#11): valid entries are kept and delivered,
 * only the invalid one is moved aside with its raw text, and the move is reported and logged.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../../core/log.ts';
import { createFileSecretStore } from '../../../core/secrets/secret-store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { createTicketService } from '../../../core/tickets/service.ts';
import type { MachineSnapshot, SnapshotPort } from '../../../core/tickets/snapshot.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';

const snapshotData = JSON.parse(readFileSync(new URL('../../fixtures/tickets/snapshot.json', import.meta.url), 'utf8')) as MachineSnapshot;
const snapshot: SnapshotPort = { capture: async () => snapshotData };
let dir: string;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-outbox-salvage-'));
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await rm(dir, { recursive: true, force: true });
});

async function service(answer: 'ok' | 'down', now = '2026-11-24T09:30:00Z') {
  let n = 0;
  const server = await startHelpdesk((req, res) => {
    if (answer === 'down') return sendJson(res, 503, { message: 'maintenance' });
    if (req.method === 'POST') return sendJson(res, 200, { id: `t-${++n}`, number: `T-${n}` });
    res.writeHead(404).end();
  });
  closers.push(server.close);
  const lines: string[] = [];
  const log = createLogger({ redact: (s) => s, echo: (line) => lines.push(line) });
  const config = ticketConfigSchema.parse({ connector: { type: 'webhook', url: `${server.url}/hook` }, timeoutMs: 5000 });
  const svc = await createTicketService({ config, dataDir: dir, secrets: createFileSecretStore(path.join(dir, 'secrets.json')), snapshot, log, clock: { now: () => new Date(now) } });
  closers.push(async () => svc.stop());
  return { svc, server, lines };
}

it('keeps and delivers the valid tickets when one outbox entry is invalid, and moves only that one aside', async () => {
  // Two tickets queued while the helpdesk was down.
  const first = await service('down');
  for (const text of ['Printer prints nothing', 'Teams keeps crashing']) {
    const draft = await first.svc.draft({ lang: 'en', userText: text });
    expect((await first.svc.send(draft)).kind).toBe('queued');
  }
  first.svc.stop();
  // Something (an older version, a hand edit) wrote one entry the schema does not accept.
  const file = path.join(dir, 'outbox.json');
  const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown>[] };
  onDisk.entries.splice(1, 0, { clientId: 'broken-1', state: 'lost-in-space', note: 'raw text to keep' });
  await writeFile(file, JSON.stringify(onDisk, null, 2));

  // An hour later, the retries are due.
  const second = await service('ok', '2026-11-24T10:30:00Z');
  expect(second.svc.storeReport).toMatchObject({ kind: 'store-corrupt', reason: 'invalid-entries', kept: 2, dropped: 1 });
  expect(second.svc.list().map((t) => t.delivery)).toEqual(['queued', 'queued']);
  await second.svc.deliverNow();
  expect(second.server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  expect(second.svc.list().map((t) => t.delivery)).toEqual(['sent', 'sent']);

  const aside = (await readdir(dir)).filter((f) => f.startsWith('outbox.invalid-'));
  expect(aside).toHaveLength(1);
  const kept = await readFile(path.join(dir, aside[0] as string), 'utf8');
  expect(kept).toContain('lost-in-space');
  expect(kept).toContain('raw text to keep');
  expect(second.lines.some((l) => l.includes('outbox') && l.includes('invalid-entries') && l.includes(aside[0] as string))).toBe(true);
  // The outbox itself now holds only valid entries: the next start reports nothing.
  const third = await service('ok', '2026-11-24T10:31:00Z');
  expect(third.svc.storeReport).toBeNull();
  expect(third.svc.list()).toHaveLength(2);
});
