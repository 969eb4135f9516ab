/**
 * The app's side of the elevation broker (broker/): connect to its local socket, prove who we
 * are by creating the file it names in its drop folder (broker/identity.ts), send one request,
 * read one answer. Every failure — no broker installed, refused, timed out — is a value, never a
 * throw, so the engine can fall back to honest escalation.
 */
import { constants } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { challengeSchema, protocolVersion, responseSchema, type BrokerResponse } from '../../broker/protocol.ts';

export type BrokerClientOptions = { socketPath: string; proofDir: string; timeoutMs?: number };
export type BrokerCall = { type: 'status' } | { type: 'run'; op: string; args: Record<string, string> };
export type BrokerReply = BrokerResponse | { v: 1; type: 'unavailable'; message: string };

const maxReplyBytes = 256 * 1024;

async function writeProof(dir: string, name: string, token: string): Promise<boolean> {
  try {
    const handle = await open(path.join(dir, name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      await handle.write(token);
    } finally {
      await handle.close();
    }
    return true;
  } catch {
    return false;
  }
}

export function callBroker(options: BrokerClientOptions, call: BrokerCall): Promise<BrokerReply> {
  return new Promise((resolve) => {
    const socket = connect(options.socketPath);
    let buffer = '';
    let stage: 'challenge' | 'reply' = 'challenge';
    let proof: string | undefined;
    let settled = false;
    const finish = (reply: BrokerReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (proof) void unlink(proof).catch(() => undefined);
      resolve(reply);
    };
    const unavailable = (message: string) => finish({ v: protocolVersion, type: 'unavailable', message });
    const timer = setTimeout(() => unavailable('The broker did not answer in time.'), options.timeoutMs ?? 90_000);
    socket.setEncoding('utf8');
    socket.on('error', (error: NodeJS.ErrnoException) =>
      unavailable(error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? 'The broker is not installed or not running.' : `The broker cannot be reached (${error.code ?? error.message}).`),
    );
    socket.on('close', () => unavailable('The broker closed the connection.'));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > maxReplyBytes) return unavailable('The broker sent too much.');
      let end: number;
      while ((end = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          return unavailable('The broker sent something that is not JSON.');
        }
        if (stage === 'challenge') {
          const challenge = challengeSchema.safeParse(json);
          if (!challenge.success) return unavailable('The broker did not start with a challenge.');
          stage = 'reply';
          void writeProof(options.proofDir, challenge.data.name, challenge.data.token).then((written) => {
            if (!written) return unavailable('Cannot write the proof of identity for the broker.');
            proof = path.join(options.proofDir, challenge.data.name);
            socket.write(`${JSON.stringify({ v: protocolVersion, ...call })}\n`);
          });
        } else {
          const reply = responseSchema.safeParse(json);
          return reply.success ? finish(reply.data) : unavailable('The broker sent an answer of an unknown shape.');
        }
      }
    });
  });
}
