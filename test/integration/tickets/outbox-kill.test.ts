/**
 * A real crash between "the helpdesk accepted the ticket" and "the outbox recorded it": the
 * outbox runs in a child process that the test SIGKILLs from inside the server's request handler,
 * after the incident was created and before any answer is written. The child is restarted over
 * the same store file until everything is delivered; each ticket must exist exactly once.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../core/store/store.ts';
import { emptyOutbox, outboxFileSchema } from '../../../core/tickets/outbox.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';

const CHILD = fileURLToPath(new URL('./outbox-child.ts', import.meta.url));
const TICKETS = 24;
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('outbox killed between send and record', () => {
  it('delivers every ticket exactly once across real SIGKILLs of the sending process', async () => {
    const created = new Map<string, { number: string; count: number }>();
    let child: ChildProcess | null = null;
    let posts = 0;
    let kills = 0;
    const server = await startHelpdesk((req, res) => {
      if (req.method === 'GET') {
        const wanted = /externalNumber=="(.*)"/.exec(req.url.searchParams.get('query') ?? '')?.[1] ?? '';
        const hit = created.get(wanted);
        return hit ? sendJson(res, 200, [{ id: hit.number, number: hit.number, externalNumber: wanted }]) : void res.writeHead(204).end();
      }
      const ext = (req.json as { externalNumber: string }).externalNumber;
      const incident = created.get(ext) ?? { number: `I 2411 ${String(created.size + 1).padStart(3, '0')}`, count: 0 };
      incident.count++;
      created.set(ext, incident);
      // Every third accepted ticket: the sender dies before it hears the answer.
      if (++posts % 3 === 0 && child?.pid) {
        kills++;
        child.kill('SIGKILL');
        return;
      }
      sendJson(res, 201, { id: incident.number, number: incident.number });
    });

    const dir = await mkdtemp(path.join(tmpdir(), 'fl-outbox-kill-'));
    dirs.push(dir);
    const file = path.join(dir, 'outbox.json');
    {
      const { store } = await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox });
      const at = new Date().toISOString();
      await store.update((d) => {
        for (let i = 0; i < TICKETS; i++) {
          const clientId = `22222222-0000-4000-8000-${String(i).padStart(12, '0')}`;
          d.entries.push({
            clientId,
            connector: 'topdesk',
            state: 'pending',
            attempts: 0,
            nextAttemptAt: at,
            queuedAt: at,
            draft: { clientId, title: `Ticket ${i}`, userText: '', details: 'x', urgency: 'normal', attachments: [], createdAt: at },
          });
        }
      });
    }

    let runs = 0;
    let finished = false;
    while (!finished && runs < 40) {
      runs++;
      const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, file, server.url], { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (c, s) => resolve({ code: c, signal: s })));
      if (signal !== 'SIGKILL' && code !== 0) throw new Error(`outbox child failed (${code}): ${stderr}`);
      finished = code === 0;
    }
    await server.close();

    const { store } = await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox });
    const delivered = store.data.entries.filter((e) => e.state === 'delivered');
    const duplicates = [...created.values()].reduce((n, c) => n + c.count - 1, 0);
    console.log(`outbox kill test: kills=${kills} runs=${runs} delivered=${delivered.length} duplicates=${duplicates} lost=${TICKETS - delivered.length}`);
    expect(finished).toBe(true);
    expect(kills).toBeGreaterThanOrEqual(5);
    expect(delivered).toHaveLength(TICKETS);
    expect(duplicates).toBe(0);
    for (const e of delivered) expect(e.ref?.number).toBe(created.get(e.clientId)?.number);
  }, 120_000);
});
