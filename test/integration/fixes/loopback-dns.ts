/**
 * A tiny DNS responder on 127.0.0.1 for the network probes: answers A queries for the names it
 * knows, NXDOMAIN otherwise. Hand-rolled (RFC 1035 §4) instead of adding a dependency: a test
 * needs one question, one answer record, nothing else.
 */
import { createSocket, type Socket } from 'node:dgram';

export type LoopbackDns = { port: number; queries: string[]; close(): Promise<void> };

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = offset;
  while (i < msg.length) {
    const len = msg[i] ?? 0;
    if (len === 0) return { name: labels.join('.'), end: i + 1 };
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += len + 1;
  }
  throw new Error('truncated name');
}

export function answer(query: Buffer, records: ReadonlyMap<string, string>): Buffer {
  const { name, end } = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const address = records.get(name.toLowerCase());
  const found = address !== undefined && qtype === 1;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header.writeUInt16BE(0x8180 | (address === undefined ? 3 : 0), 2); // response, RD+RA, NXDOMAIN when unknown
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(found ? 1 : 0, 6);
  if (!found) return Buffer.concat([header, question]);
  const rr = Buffer.alloc(16);
  rr.writeUInt16BE(0xc00c, 0); // pointer to the question name
  rr.writeUInt16BE(1, 2); // A
  rr.writeUInt16BE(1, 4); // IN
  rr.writeUInt32BE(60, 6); // TTL
  rr.writeUInt16BE(4, 10);
  address.split('.').forEach((octet, k) => rr.writeUInt8(Number(octet), 12 + k));
  return Buffer.concat([header, question, rr]);
}

export async function startLoopbackDns(records: Record<string, string>): Promise<LoopbackDns> {
  const table = new Map(Object.entries(records).map(([k, v]) => [k.toLowerCase(), v]));
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    try {
      queries.push(readName(msg, 12).name);
      socket.send(answer(msg, table), rinfo.port, rinfo.address);
    } catch {
      // Malformed query: drop it, as a real server would.
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
