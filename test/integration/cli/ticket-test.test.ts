/**
 * `firstline ticket test` against loopback helpdesks that answer like the real ones (TOPdesk's
 * incident API, a webhook), and every failure an admin meets on day one, each explained in plain
 * words: wrong credential (401/403), wrong URL (404), a refused field (400), an untrusted
 * certificate (TLS), a helpdesk that does not answer (timeout), a missing secret. All on 127.0.0.1.
 * The real Request Tracker case is in test/integration/tickets/rt.test.ts.
 */
import { execFile } from 'node:child_process';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { secretCommand } from '../../../cli/commands/secret.ts';
import { ticketCommand } from '../../../cli/commands/ticket.ts';
import { captureIo, cli } from '../../unit/cli/helpers.ts';
import { sendJson, startHelpdesk, type Handler } from '../tickets/helpdesk-server.ts';

let work = '';
let servers: { close(): Promise<void> }[] = [];
const PASSWORD = 'firstline-api:app-pass-1';
const basic = `Basic ${Buffer.from(PASSWORD).toString('base64')}`;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'fl-ticket-test-'));
  const c = captureIo();
  expect(await secretCommand(['set', 'topdesk', '--data-dir', path.join(work, 'data')], c.io, { readStdin: () => Promise.resolve(`${PASSWORD}\n`) })).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function policyFile(connector: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const file = path.join(work, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ helpdesk: { connector, ...extra } }));
  return file;
}

async function ticketTest(policy: string, more: string[] = []) {
  const c = captureIo();
  const code = await ticketCommand(['test', '--policy', policy, '--data-dir', path.join(work, 'data'), ...more], c.io, { machineSecretsFile: path.join(work, 'no-machine-secrets.json') });
  return { code, out: c.stdout(), err: c.stderr() };
}

/** TOPdesk's incident API as reference/ticket-apis.md describes it: Basic auth, briefDescription ≤ 80, externalNumber, attachments by number. */
function topdesk(created: { body?: Record<string, unknown> }): Handler {
  return (req, res) => {
    if (req.headers.authorization !== basic) return sendJson(res, 401, { message: 'Unauthorized' });
    if (req.method === 'POST' && req.path === '/tas/api/incidents') {
      const body = req.json as Record<string, unknown>;
      if (typeof body.briefDescription !== 'string' || body.briefDescription.length > 80) return sendJson(res, 400, [{ message: 'briefDescription too long' }]);
      created.body = body;
      return sendJson(res, 201, { id: 'a1b2-c3', number: 'I 2612 001', processingStatus: { name: 'Logged' } });
    }
    if (req.method === 'POST' && req.path === '/tas/api/incidents/number/I%202612%20001/attachments') return sendJson(res, 200, { id: 'att-1' });
    if (req.method === 'GET' && req.path === '/tas/api/incidents') {
      const wanted = req.url.searchParams.get('query') ?? '';
      return created.body && wanted === `externalNumber=="${String(created.body.externalNumber)}"`
        ? sendJson(res, 200, [{ id: 'a1b2-c3', number: 'I 2612 001', externalNumber: created.body.externalNumber }])
        : void res.writeHead(204).end();
    }
    if (req.method === 'GET' && req.path === '/tas/api/incidents/id/a1b2-c3')
      return sendJson(res, 200, { id: 'a1b2-c3', number: 'I 2612 001', processingStatus: { name: 'Logged' }, completed: false, closed: false });
    res.writeHead(404).end();
  };
}

async function serve(handler: Handler) {
  const server = await startHelpdesk(handler);
  servers.push(server);
  return server;
}

describe('firstline ticket test', () => {
  it('sends one marked test ticket through TOPdesk with the stored credential, shows number and link, finds it and reads its status', async () => {
    const created: { body?: Record<string, unknown> } = {};
    const server = await serve(topdesk(created));
    const result = await ticketTest(policyFile({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk' }));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(created.body?.briefDescription).toMatch(/^\[Firstline test\]/);
    expect(String(created.body?.request)).toContain('no employee is waiting');
    expect(result.out).toContain('OK   create created I 2612 001 (id a1b2-c3)');
    expect(result.out).toContain('OK   search found again by its client id (I 2612 001)');
    expect(result.out).toContain('OK   status open (the helpdesk says "Logged")');
    expect(result.out).toContain(`Ticket I 2612 001: ${server.url}/tas/secure/incident?unid=a1b2-c3`);
    expect(result.out).not.toContain('app-pass-1');
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/tas/api/incidents')).toHaveLength(1);
  });

  it('explains a wrong credential (401) and a credential without rights (403) without printing it', async () => {
    const server = await serve((req, res) => sendJson(res, req.path.includes('forbidden') ? 403 : 401, { message: 'no' }));
    const wrong = await ticketTest(policyFile({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk' }));
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('FAIL create');
    expect(wrong.out).toContain('The helpdesk refused the credential (HTTP 401: it is wrong or expired). Check the secret "topdesk"');
    const forbidden = await ticketTest(policyFile({ type: 'topdesk', baseUrl: `${server.url}/forbidden`, credentialSecret: 'topdesk' }));
    expect(forbidden.out).toContain('HTTP 403: it is known but may not create tickets here');
    expect(wrong.out + forbidden.out).not.toContain('app-pass-1');
  });

  it('explains a wrong URL (404) and a refused field (400)', async () => {
    const server = await serve((req, res) => (req.path.startsWith('/tas/') ? sendJson(res, 400, [{ message: 'Unknown operator group' }]) : void res.writeHead(404).end()));
    const wrongUrl = await ticketTest(policyFile({ type: 'topdesk', baseUrl: `${server.url}/tas/api/x`, credentialSecret: 'topdesk' }));
    expect(wrongUrl.out).toContain('HTTP 400');
    const notFound = await ticketTest(policyFile({ type: 'topdesk', baseUrl: `${server.url}/wrong`, credentialSecret: 'topdesk' }));
    expect(notFound.code).toBe(1);
    expect(notFound.out).toContain('Nothing answered at that address (HTTP 404 for POST /tas/api/incidents). Check the base URL');
    const field = await ticketTest(policyFile({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk', operatorGroup: 'Nobody' }));
    expect(field.out).toContain("The helpdesk refused the ticket's fields (HTTP 400)");
  });

  it('explains a helpdesk that does not answer in time', async () => {
    const server = await serve(() => undefined); // accepts the request, never answers
    const result = await ticketTest(policyFile({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk' }, { timeoutMs: 300 }));
    expect(result.code).toBe(1);
    expect(result.out).toContain(`No answer from ${server.url} within 300 ms`);
  });

  it('explains a missing secret and a policy without a connector', async () => {
    const missing = await ticketTest(policyFile({ type: 'topdesk', baseUrl: 'http://127.0.0.1:9', credentialSecret: 'not-stored' }));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('The credential is missing: the secret "not-stored" is not in the secret store');
    const file = path.join(work, 'no-helpdesk.json');
    writeFileSync(file, JSON.stringify({ helpdesk: { connector: { type: 'topdsk', baseUrl: 'https://x.example' }, fallbackEmail: 'it@example.test' } }));
    const none = await ticketTest(file);
    expect(none.code).toBe(1);
    expect(none.err).toContain('policy: helpdesk');
    expect(none.err).toContain('No helpdesk connector in');
  });

  it('reports a webhook that answers without status reading as working', async () => {
    const server = await serve((req, res) => sendJson(res, 201, { id: String(req.headers['idempotency-key']), number: 'WH-1' }));
    const result = await ticketTest(policyFile({ type: 'webhook', url: `${server.url}/hook` }), ['--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { ok: boolean; ticket: { number: string }; steps: { step: string; detail: string }[] };
    expect(json.ticket.number).toBe('WH-1');
    expect(json.steps.map((s) => s.detail)).toEqual([
      'created WH-1 (id ' + json.steps[0]?.detail.split('(id ')[1],
      'not needed: the receiver deduplicates on the client id',
      'not read: webhook offers no status to read back',
    ]);
  });
});

describe('firstline ticket test over TLS', () => {
  let httpsUrl = '';
  let close: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const key = path.join(work, 'key.pem');
    const cert = path.join(work, 'cert.pem');
    await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=helpdesk.invalid'], { timeout: 30_000 });
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.writeHead(201).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    httpsUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  }, 40_000);
  afterAll(() => close());

  it('explains an untrusted certificate in plain words', async () => {
    const result = await ticketTest(policyFile({ type: 'topdesk', baseUrl: httpsUrl, credentialSecret: 'topdesk' }));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /The secure connection to https:\/\/127\.0\.0\.1:\d+ failed \((DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID|SELF_SIGNED_CERT_IN_CHAIN)\): the helpdesk's certificate is not trusted/,
    );
  });
});

describe('firstline ticket test from the command line', () => {
  it('runs end to end through the CLI entry', async () => {
    const created: { body?: Record<string, unknown> } = {};
    const server = await serve(topdesk(created));
    const result = await cli(['ticket', 'test', '--policy', policyFile({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk' }), '--data-dir', path.join(work, 'data')]);
    expect(result.stdout).toContain('Ticket I 2612 001');
    expect(result.code).toBe(0);
  });
});
