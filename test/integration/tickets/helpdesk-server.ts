/**
 * A local HTTP server for connector tests: records every request (method, path, headers, body)
 * and lets each test answer like the real helpdesk would. Bound to 127.0.0.1 on a free port.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Recorded = {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  json: unknown;
  /** Parsed multipart body when the request was multipart/form-data. */
  form: FormData | null;
};

export type Handler = (req: Recorded, res: ServerResponse, socket: IncomingMessage['socket']) => void | Promise<void>;

export async function startHelpdesk(handler: Handler) {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const type = req.headers['content-type'] ?? '';
      let json: unknown = null;
      let form: FormData | null = null;
      if (type.includes('application/json') && raw.length) json = JSON.parse(raw.toString('utf8'));
      if (type.includes('multipart/form-data')) form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const recorded: Recorded = { method: req.method ?? '', path: url.pathname, url, headers: req.headers, raw, json, form };
      requests.push(recorded);
      try {
        await handler(recorded, res, req.socket);
      } catch (error) {
        res.writeHead(599).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
