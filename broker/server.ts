/**
 * The broker's local channel: a Unix socket (Linux, macOS) or a named pipe (Windows) that every
 * local user may connect to.
 * One connection, one request: challenge → proof of identity (identity.ts) → request → answer.
 * A client that stalls, floods or disappears mid-request costs the broker one bounded socket and
 * nothing else; a failure in one connection never stops the service.
 */
import { chmod, chown, lstat, mkdir, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { handleRequest, type BrokerDeps } from './handle.ts';
import { checkProofDir, newChallenge, sweepProofDir, verifyProof, type OwnerReader, type ProofChallenge } from './identity.ts';
import { maxRequestBytes, protocolVersion, type BrokerResponse } from './protocol.ts';

export type ServerOptions = {
  socketPath: string;
  proofDir: string;
  deps: BrokerDeps;
  /** Time a client has to send its request (ms). */
  requestTimeoutMs?: number;
  maxConnections?: number;
  /**
   * Windows: the proof's owner comes from NTFS (windows-identity.ts), and the folders are secured
   * by `prepareState` (windows-state.ts) instead of chmod/chown.
   */
  windows?: { owner: OwnerReader; prepareState: () => Promise<void> };
};

/** Creates the drop folder for identity proofs: root-owned, mode 1733 (see identity.ts). */
export async function prepareProofDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const uid = process.getuid?.() ?? 0;
  await chown(dir, uid, process.getgid?.() ?? 0);
  await chmod(dir, 0o1733);
  const problem = await checkProofDir(dir, uid);
  if (problem) throw new Error(problem);
}

function send(socket: Socket, response: BrokerResponse): void {
  if (!socket.destroyed) socket.end(`${JSON.stringify(response)}\n`);
}

function serve(socket: Socket, options: ServerOptions): void {
  const challenge: ProofChallenge = newChallenge();
  let buffer = '';
  let handled = false;
  socket.setEncoding('utf8');
  socket.setTimeout(options.requestTimeoutMs ?? 10_000, () => {
    if (!handled) socket.destroy();
  });
  // A client killed mid-request leaves at most its proof file, removed here.
  socket.once('close', () => {
    if (!handled) void unlink(path.join(options.proofDir, challenge.name)).catch(() => undefined);
  });
  socket.on('error', () => undefined);
  socket.on('data', (chunk: string) => {
    if (handled) return;
    buffer += chunk;
    const end = buffer.indexOf('\n');
    if (end === -1 && Buffer.byteLength(buffer) <= maxRequestBytes) return;
    handled = true;
    socket.pause();
    if (end === -1 || Buffer.byteLength(buffer.slice(0, end)) > maxRequestBytes) {
      void unlink(path.join(options.proofDir, challenge.name)).catch(() => undefined);
      send(socket, { v: protocolVersion, type: 'error', code: 'bad-request', message: `A request is one line of at most ${maxRequestBytes} bytes.` });
      return;
    }
    const line = buffer.slice(0, end);
    void (async () => {
      try {
        const caller = await verifyProof(options.proofDir, challenge, options.windows?.owner);
        send(socket, await handleRequest(line, caller, options.deps));
      } catch {
        send(socket, { v: protocolVersion, type: 'error', code: 'internal', message: 'The broker could not handle the request.' });
      }
    })();
  });
  socket.write(`${JSON.stringify({ v: protocolVersion, type: 'challenge', ...challenge })}\n`);
}

export async function startServer(options: ServerOptions): Promise<Server> {
  if (options.windows) {
    await options.windows.prepareState();
  } else {
    await prepareProofDir(options.proofDir);
    const existing = await lstat(options.socketPath).catch(() => undefined);
    if (existing?.isSocket()) await unlink(options.socketPath);
    else if (existing) throw new Error(`${options.socketPath} exists and is not a socket`);
    await mkdir(path.dirname(options.socketPath), { recursive: true, mode: 0o755 });
  }
  await sweepProofDir(options.proofDir, 0);

  const server = createServer({ allowHalfOpen: false }, (socket) => serve(socket, options));
  server.maxConnections = options.maxConnections ?? 32;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Every local user may connect; who they are is proven per request. On Windows libuv then adds
    // an Everyone read/write entry to the pipe (its default lets others only read); it creates the
    // pipe as the first instance, so a pipe an employee squatted first makes the start fail, visibly.
    server.listen({ path: options.socketPath, readableAll: Boolean(options.windows), writableAll: Boolean(options.windows) }, () => (server.off('error', reject), resolve()));
  });
  if (!options.windows) await chmod(options.socketPath, 0o666);
  const sweeper = setInterval(() => void sweepProofDir(options.proofDir, 60_000), 60_000);
  sweeper.unref();
  server.once('close', () => clearInterval(sweeper));
  return server;
}
