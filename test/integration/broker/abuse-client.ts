/**
 * Runs as an unprivileged user in the abuse tests (bundled by harness.ts). Each scenario prints
 * one JSON line with what the broker answered. argv: <socket> <proofDir> <scenario> [arg].
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { callBroker } from '../../../core/platform/broker-client.ts';

const [socketPath = '', proofDir = '', scenario = '', arg = ''] = process.argv.slice(2);
const client = { socketPath, proofDir, timeoutMs: 20_000 };
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
const codeOf = (reply: Awaited<ReturnType<typeof callBroker>>) => (reply.type === 'error' ? reply.code : reply.type === 'result' ? `result:${String(reply.ok)}` : reply.type);

/** Talks the protocol by hand: `prove` decides what (if anything) is put at the proof path. */
function raw(prove: (file: string, token: string) => void, request: string, die = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let buffer = '';
    let challenged = false;
    socket.setEncoding('utf8');
    socket.on('error', (e) => resolve(`socket-error:${e.message}`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end === -1) return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (!challenged) {
        challenged = true;
        const challenge = JSON.parse(line) as { name: string; token: string };
        prove(path.join(proofDir, challenge.name), challenge.token);
        if (die) {
          socket.write(request.slice(0, 10));
          // Killed mid-request: proof written, half a request sent, no goodbye.
          setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50);
          return;
        }
        socket.write(`${request}\n`);
        return;
      }
      resolve((JSON.parse(line) as { code?: string; type: string }).code ?? (JSON.parse(line) as { type: string }).type);
      socket.destroy();
    });
  });
}

const flushDns = JSON.stringify({ v: 1, type: 'run', op: 'network.flush-dns', args: {} });

async function main(): Promise<void> {
  switch (scenario) {
    case 'requests': {
      const calls = JSON.parse(arg) as { op: string; args: Record<string, string> }[];
      const codes: string[] = [];
      for (const call of calls) codes.push(codeOf(await callBroker(client, { type: 'run', ...call })));
      return print(codes);
    }
    case 'flood': {
      const counts: Record<string, number> = {};
      const started = performance.now();
      // Bounded in count and in time.
      for (let i = 0; i < Number(arg) && performance.now() - started < 60_000; i++) {
        const code = codeOf(await callBroker(client, { type: 'run', op: 'network.flush-dns', args: {} }));
        counts[code] = (counts[code] ?? 0) + 1;
      }
      return print(counts);
    }
    case 'status':
      return print(await callBroker(client, { type: 'status' }));
    case 'no-proof':
      return print(await raw(() => undefined, flushDns));
    case 'wrong-token':
      return print(await raw((file) => writeFileSync(file, '0'.repeat(32), { mode: 0o600 }), flushDns));
    case 'symlink-proof':
      return print(await raw((file) => symlinkSync('/etc/hostname', file), flushDns));
    case 'die':
      await raw((file, token) => writeFileSync(file, token, { mode: 0o600 }), flushDns, true);
      return;
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

await main();
