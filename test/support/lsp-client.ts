/**
 * A minimal Language Server Protocol client over stdio for tests: JSON-RPC with Content-Length
 * framing, requests matched by id, notifications waited on by predicate (never by time), and the
 * server's own requests (workspace/configuration, capability registration) answered.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
type Waiter = { match: (m: Message) => boolean; resolve: (m: Message) => void };

export type LspClient = {
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  /** Resolves with the first notification (past or future, not yet consumed) that matches. */
  notification(method: string, match?: (params: unknown) => boolean): Promise<unknown>;
  /** Everything the server wrote on stderr, for a failing assertion's message. */
  stderr(): string;
  stop(): Promise<void>;
};

export function startLspServer(command: string, args: readonly string[], answer: (method: string, params: unknown) => unknown): LspClient {
  const child: ChildProcessWithoutNullStreams = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let errText = '';
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const unclaimed: Message[] = [];
  const waiters: Waiter[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`language server exited (${String(code)}): ${errText}`));
    pending.clear();
  });

  const send = (message: Omit<Message, 'jsonrpc'>) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };

  const handle = (m: Message) => {
    if (m.method !== undefined && m.id !== undefined) {
      // A request from the server: answer it so it never waits on us.
      send({ id: m.id, result: answer(m.method, m.params) ?? null });
      return;
    }
    if (m.method === undefined && typeof m.id === 'number') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
      return;
    }
    const i = waiters.findIndex((w) => w.match(m));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m);
    else unclaimed.push(m);
  };

  child.stderr.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1];
      if (length === undefined) throw new Error('language server sent a message without Content-Length');
      const end = headerEnd + 4 + Number(length);
      if (buffer.length < end) return;
      handle(JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8')) as Message);
      buffer = buffer.subarray(end);
    }
  });

  return {
    request: <T>(method: string, params: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        send({ id, method, params });
      }),
    notify: (method, params) => send({ method, params }),
    notification: (method, match = () => true) => {
      const test = (m: Message) => m.method === method && match(m.params);
      const i = unclaimed.findIndex(test);
      if (i >= 0) return Promise.resolve(unclaimed.splice(i, 1)[0]?.params);
      return new Promise((resolve) => waiters.push({ match: test, resolve: (m) => resolve(m.params) }));
    },
    stderr: () => errText,
    stop: async () => {
      if (child.exitCode === null) {
        await Promise.race([
          (async () => {
            await new Promise<unknown>((resolve, reject) => {
              const id = nextId++;
              pending.set(id, { resolve, reject });
              send({ id, method: 'shutdown', params: null });
            });
            send({ method: 'exit', params: null });
          })().catch(() => undefined),
          exited,
        ]);
        if (child.exitCode === null && !child.killed) {
          child.stdin.end();
          await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
          if (child.exitCode === null) child.kill();
        }
      }
      await exited;
    },
  };
}
