/**
 * Email path: a real SMTP receiver (smtp-server) on 127.0.0.1 receives the ticket from the email
 * connector with the transcript attached, after SMTP AUTH with the credential from the secret store.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { emailMessageId } from '../../../core/tickets/connectors/email-smtp.ts';
import { createConnector } from '../../../core/tickets/connectors/index.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';

type Received = { from: string; to: string[]; raw: string; user: string | undefined };
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    disableReverseLookup: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    // The test server has no trusted certificate; STARTTLS is the client default on port 587.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'firstline' && auth.password === 'smtp-pass-9') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Decodes the MIME part whose Content-Disposition names `filename`. */
function attachmentText(raw: string, filename: string): string | null {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1];
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`)) {
    if (!part.includes(`filename=${filename}`) && !part.includes(`filename="${filename}"`)) continue;
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n').trim();
    if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
      return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    return body;
  }
  return null;
}

describe('email connector', () => {
  it('delivers the ticket over SMTP with the transcript attached and a Message-ID from the client id', async () => {
    const clientId = '7a1c5e20-9f7e-4c0b-8d4e-1b2c3d4e5f60';
    const transcript = '000 2026-11-24T09:10:00Z run-started {"title":"Printer"}\n001 fix applied\n';
    const draft: TicketDraft = {
      clientId,
      title: 'Printer does not print (not resolved)',
      userText: 'Needed for the 11:00 meeting.',
      details: `What was tried:\n1. Check the print queue\n\nFirstline reference: ${clientId}`,
      urgency: 'normal',
      requesterEmail: 'an.janssens@example.test',
      requesterName: 'An Janssens',
      attachments: [{ filename: 'firstline-transcript.txt', contentType: 'text/plain; charset=utf-8', content: transcript }],
      createdAt: '2026-11-24T09:12:00.000Z',
    };
    const config = connectorConfigSchema.parse({
      type: 'email',
      to: 'helpdesk@example.test',
      from: 'firstline@example.test',
      smtp: { host: '127.0.0.1', port, secure: false, credentialSecret: 'smtp' },
    });
    const connector = (await createConnector(config, {
      secrets: createMemorySecretStore({ smtp: 'firstline:smtp-pass-9' }),
      timeoutMs: 5000,
      smtpPool: true,
    })) as Connector & { close(): void };
    try {
      const ref = await connector.create(draft, clientId);
      expect(ref.id).toBe(emailMessageId(clientId));
    } finally {
      connector.close();
    }
    expect(received).toHaveLength(1);
    const mail = received[0] as Received;
    expect(mail.user).toBe('firstline');
    expect(mail.from).toBe('firstline@example.test');
    expect(mail.to).toEqual(['helpdesk@example.test']);
    expect(mail.raw).toMatch(/^Subject: Printer does not print \(not resolved\)/m);
    expect(mail.raw).toMatch(/^Reply-To: an.janssens@example.test/m);
    expect(mail.raw).toContain(`Message-ID: <${clientId}@firstline.invalid>`);
    expect(mail.raw).toMatch(new RegExp(`^X-Firstline-Client-Id: ${clientId}`, 'im'));
    expect(mail.raw).toContain('Needed for the 11:00 meeting.');
    expect(attachmentText(mail.raw, 'firstline-transcript.txt')?.replace(/\r\n/g, '\n')).toBe(transcript);
    expect(await connector.findByClientId(clientId)).toBe('unsupported');
  });
});
