/**
 * Servers the benchmarks point the product at. Every one listens on 127.0.0.1 with a random port:
 * the benchmarks never send a packet anywhere else.
 */
import { createSocket } from 'node:dgram';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

export type Loopback = { port: number; close(): Promise<void> };

export type DelayedHttp = Loopback & { url: string; onArrival?: () => void };

/** An HTTP server that answers every request with 204 after `delayMs`. */
export async function startDelayedHttp(delayMs: number): Promise<DelayedHttp> {
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    result.onArrival?.();
    req.resume();
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.writeHead(204).end();
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const result: DelayedHttp = {
    port,
    url: `http://127.0.0.1:${port}/probe`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return result;
}

/** An HTTP server that serves one fixed HTML page (the "blank page" baseline of the UI figure). */
export async function startStaticHttp(html: string): Promise<Loopback & { url: string }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A TCP listener that accepts and closes: the gateway probe's fallback knock lands here. */
export async function startTcp(): Promise<Loopback> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A minimal DNS responder on UDP: every A question is answered with 127.0.0.1, anything else
 * with an empty answer. Enough for the diagnosis' "does name resolution work" probe.
 */
export async function startDns(): Promise<Loopback & { server: string }> {
  const socket = createSocket('udp4');
  socket.on('message', (query, from) => {
    if (query.length < 17) return;
    let at = 12;
    while (at < query.length && query[at] !== 0) at += query[at]! + 1;
    const questionEnd = at + 5; // zero label + QTYPE + QCLASS
    if (questionEnd > query.length) return;
    const qtype = query.readUInt16BE(at + 1);
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180, 2); // response, recursion desired + available, no error
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(qtype === 1 ? 1 : 0, 6);
    const question = query.subarray(12, questionEnd);
    const answer = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
    const reply = Buffer.concat(qtype === 1 ? [header, question, answer] : [header, question]);
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = socket.address().port;
  return { port, server: `127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
