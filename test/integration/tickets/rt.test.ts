/**
 * A real helpdesk: Request Tracker 5 (Debian packages, installed by .ci/install-rt.sh) started by
 * this test on 127.0.0.1 over a throwaway copy of the SQLite database. Tickets are created through
 * the RT connector (REST2, token auth), their status is read back, a re-send after an unknown
 * outcome is deduplicated through the RT search, and an email from the email connector is
 * delivered through rt-mailgate.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { openStore } from '../../../core/store/store.ts';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { createEmailConnector } from '../../../core/tickets/connectors/email-smtp.ts';
import { createConnector } from '../../../core/tickets/connectors/index.ts';
import { rtSubjectTag } from '../../../core/tickets/connectors/rt.ts';
import { createOutbox, emptyOutbox, outboxFileSchema } from '../../../core/tickets/outbox.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';
import { screenshotAttachment } from '../../../core/tickets/screenshot.ts';
import { makePng } from '../../support/png.ts';

const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const RT_MAILGATE = '/usr/bin/rt-mailgate';
const TEMPLATE_DB = process.env.RT_TEMPLATE_DB ?? '/var/lib/firstline-rt/rtdb';
const SETUP = fileURLToPath(new URL('../../fixtures/tickets/rt-setup.pl', import.meta.url));
const missing = [RT_SERVER, RT_MAILGATE, TEMPLATE_DB].filter((f) => !existsSync(f));
const skipReason = missing.length ? `Request Tracker is not installed (missing ${missing.join(', ')}); run .ci/install-rt.sh` : '';
if (skipReason) console.log(`SKIPPED rt.test.ts: ${skipReason}`);

const run = promisify(execFile);
let dir = '';
let server: ChildProcess | null = null;
let baseUrl = '';
let token = '';
let env: NodeJS.ProcessEnv = {};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Resolves when rt-server says it accepts connections (development mode prints that line). */
function waitForAccepting(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`rt-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Accepting connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rt-server exited ${code}:\n${output}`));
    });
  });
}

async function rest(pathAndQuery: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(10_000) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const draft = (clientId: string, title: string): TicketDraft => ({
  clientId,
  title,
  userText: 'Since this morning.',
  details: `What was tried:\n1. Check the print queue\n   Finding: 3 jobs are stuck\n\nFirstline reference: ${clientId}`,
  urgency: 'normal',
  requesterEmail: 'jan.peeters@example.test',
  attachments: [{ filename: 'firstline-transcript.txt', contentType: 'text/plain; charset=utf-8', content: '000 run-started\n001 fix applied\n' }],
  createdAt: '2026-11-24T09:00:00.000Z',
});

describe.skipIf(skipReason !== '')('Request Tracker 5 (real)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fl-rt-'));
    await mkdir(path.join(dir, 'conf.d'));
    await copyFile(TEMPLATE_DB, path.join(dir, 'rtdb'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    await writeFile(
      path.join(dir, 'RT_SiteConfig.pm'),
      [
        `Set($rtname, 'firstline.test');`,
        `Set($Organization, 'firstline.test');`,
        `Set($CorrespondAddress, 'rt@localhost');`,
        `Set($CommentAddress, 'rt-comment@localhost');`,
        `Set($WebPath, '');`,
        `Set($WebDomain, '127.0.0.1');`,
        `Set($WebPort, ${port});`,
        `Set($WebBaseURL, '${baseUrl}');`,
        `Set($DatabaseType, 'SQLite');`,
        `Set($DatabaseName, '${path.join(dir, 'rtdb')}');`,
        `Set($LogToSTDERR, 'error');`,
        `Set($LogToSyslog, undef);`,
        `Set($LogToFile, undef);`,
        // Outgoing mail (auto-replies) goes to a file in the temp dir, never to a network.
        `Set($MailCommand, 'testfile');`,
        `1;`,
      ].join('\n'),
    );
    env = { ...process.env, RT_SITE_CONFIG: path.join(dir, 'RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: path.join(dir, 'conf.d'), TMPDIR: dir };
    token = (await run('perl', [SETUP], { env, timeout: 60_000 })).stdout.trim();
    expect(token).toMatch(/^\d+-\d+-[0-9a-f]{32}$/);
    server = spawn(RT_SERVER, ['--env', 'development', '--host', '127.0.0.1', '--port', String(port)], { env, cwd: dir, detached: true, shell: false });
    await waitForAccepting(server, 60_000);
  }, 120_000);

  afterAll(async () => {
    // rt-server forks workers: signal its own process group.
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.on('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const rtConnector = async () =>
    (await createConnector(connectorConfigSchema.parse({ type: 'rt', baseUrl, tokenSecret: 'rt', queue: 'General' }), {
      secrets: createMemorySecretStore({ rt: token }),
      timeoutMs: 20_000,
    })) as Connector;

  it('creates a ticket with the transcript attached and reads its status back', async () => {
    const connector = await rtConnector();
    const clientId = 'a0000000-0000-4000-8000-000000000001';
    const ref = await connector.create(draft(clientId, 'Printer does not print (not resolved)'), clientId);
    expect(ref.number).toBe(`#${ref.id}`);
    const ticket = await rest(`/REST/2.0/ticket/${ref.id}`);
    expect(ticket.Subject).toBe(`Printer does not print (not resolved) ${rtSubjectTag(clientId)}`);
    expect(JSON.stringify(ticket.Requestor)).toContain('jan.peeters@example.test');
    expect(await connector.status?.(ref)).toEqual({ state: 'open', raw: 'new' });
    const attachments = await rest(`/REST/2.0/ticket/${ref.id}/attachments?fields=Filename,Content`);
    const names = (attachments.items as { Filename?: string }[]).map((a) => a.Filename);
    expect(names).toContain('firstline-transcript.txt');
    expect(await connector.findByClientId(clientId)).toEqual({ id: ref.id, number: ref.number });
    expect(await connector.findByClientId('a0000000-0000-4000-8000-00000000ffff')).toBeNull();
  }, 60_000);

  it('keeps a screenshot byte for byte: RT stores the PNG with its name and type', async () => {
    const connector = await rtConnector();
    const clientId = 'a0000000-0000-4000-8000-000000000004';
    const png = makePng(48, 32, [10, 160, 90]);
    const base = draft(clientId, 'Screen shows an error');
    const ref = await connector.create({ ...base, attachments: [...base.attachments, screenshotAttachment(clientId, png, 'image/png')] }, clientId);
    const list = await rest(`/REST/2.0/ticket/${ref.id}/attachments?fields=Filename,ContentType`);
    const item = (list.items as { Filename?: string; ContentType?: string; id?: string }[]).find((a) => a.Filename === 'screenshot-a0000000.png');
    expect(item?.ContentType).toBe('image/png');
    // The attachment endpoint returns the stored bytes base64-encoded (the list's Content is not binary-safe JSON).
    const stored = await rest(`/REST/2.0/attachment/${item?.id ?? ''}`);
    expect(Buffer.from(String(stored.Content ?? ''), 'base64').equals(png)).toBe(true);
  }, 60_000);

  it('does not create a second ticket when the outbox re-sends after an unknown outcome', async () => {
    const connector = await rtConnector();
    const clientId = 'a0000000-0000-4000-8000-000000000002';
    const clock = { now: () => new Date() };
    const { store } = await openStore({ file: path.join(dir, 'outbox.json'), schema: outboxFileSchema, defaults: emptyOutbox, clock });
    const outbox = createOutbox({ store, connector, clock });
    await outbox.enqueue(draft(clientId, 'VPN drops every few minutes'));
    // The first attempt reached RT, but the app died before recording it.
    await store.update((d) => void Object.assign(d.entries[0] ?? {}, { state: 'sending', attempts: 1 }));
    const first = await connector.create(draft(clientId, 'VPN drops every few minutes'), clientId);
    await outbox.deliverDue();
    expect(outbox.get(clientId)).toMatchObject({ state: 'delivered', ref: { id: first.id } });
    const found = await rest(`/REST/2.0/tickets?query=${encodeURIComponent(`Subject LIKE '${rtSubjectTag(clientId)}'`)}`);
    expect(found.total).toBe(1);
  }, 60_000);

  it('accepts the email connector message through rt-mailgate (ticket exists afterwards)', async () => {
    // A nodemailer transport that hands the finished message to rt-mailgate on stdin.
    const mailgate = nodemailer.createTransport({
      name: 'rt-mailgate',
      version: '1',
      send(mail: { message: { createReadStream(): NodeJS.ReadableStream; messageId(): string } }, callback: (err: Error | null, info?: unknown) => void) {
        const child = spawn(RT_MAILGATE, ['--queue', 'General', '--action', 'correspond', '--url', `${baseUrl}/`], { env, shell: false });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => (code === 0 ? callback(null, { messageId: mail.message.messageId() }) : callback(new Error(`rt-mailgate exited ${code}: ${stderr}`))));
        mail.message.createReadStream().pipe(child.stdin);
      },
    } as unknown as Parameters<typeof nodemailer.createTransport>[0]) as Transporter;
    const config = connectorConfigSchema.parse({ type: 'email', to: 'rt@localhost', from: 'an.janssens@example.test', smtp: { host: '127.0.0.1' } });
    if (config.type !== 'email') throw new Error('unreachable');
    const connector = createEmailConnector(config, { timeoutMs: 20_000, transport: mailgate });
    const clientId = 'a0000000-0000-4000-8000-000000000003';
    const title = `Teams has no sound ${clientId.slice(-4)}`;
    await connector.create({ ...draft(clientId, title), requesterEmail: 'an.janssens@example.test' }, clientId);
    // rt-mailgate exits 0 even when RT refuses the mail: the ticket must really exist.
    const found = await rest(`/REST/2.0/tickets?query=${encodeURIComponent(`Subject = '${title}'`)}`);
    expect(found.total).toBe(1);
    const id = String((found.items as { id: string }[])[0]?.id);
    const ticket = await rest(`/REST/2.0/ticket/${id}`);
    expect(JSON.stringify(ticket.Requestor)).toContain('an.janssens@example.test');
    const attachments = await rest(`/REST/2.0/ticket/${id}/attachments?fields=Filename`);
    expect((attachments.items as { Filename?: string }[]).map((a) => a.Filename)).toContain('firstline-transcript.txt');
  }, 60_000);
  it('firstline ticket test creates one marked ticket in the real RT, finds it by its client id and reads its status', async () => {
    const { ticketCommand } = await import('../../../cli/commands/ticket.ts');
    const { secretCommand } = await import('../../../cli/commands/secret.ts');
    const dataDir = path.join(dir, 'cli-data');
    const noop = { out: () => undefined, err: () => undefined };
    expect(await secretCommand(['set', 'rt', '--data-dir', dataDir], noop, { readStdin: () => Promise.resolve(token) })).toBe(0);
    const policy = path.join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ helpdesk: { connector: { type: 'rt', baseUrl, tokenSecret: 'rt', queue: 'General' }, timeoutMs: 20_000 } }));
    const out: string[] = [];
    const code = await ticketCommand(['test', '--policy', policy, '--data-dir', dataDir], { out: (l) => out.push(l), err: (l) => out.push(l) }, { machineSecretsFile: path.join(dir, 'none.json') });
    const text = out.join('\n');
    expect(text).toMatch(/OK {3}create created #(\d+) \(id \d+\)/);
    expect(text).toMatch(/OK {3}search found again by its client id/);
    expect(text).toContain('OK   status open (the helpdesk says "new")');
    const id = /created #(\d+)/.exec(text)?.[1] ?? '';
    expect(text).toContain(`${baseUrl}/Ticket/Display.html?id=${id}`);
    expect(code).toBe(0);
    const ticket = await rest(`/REST/2.0/ticket/${id}`);
    expect(String(ticket.Subject)).toMatch(/^\[Firstline test\] Connection test/);
  }, 60_000);
});
