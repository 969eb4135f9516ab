import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { connectorConfigSchema, referencedSecretNames } from '../../../core/tickets/connectors/index.ts';

describe('ticket config', () => {
  it('accepts the documented example file', () => {
    const example = JSON.parse(readFileSync(new URL('../../fixtures/tickets/ticket-config.example.json', import.meta.url), 'utf8'));
    const config = ticketConfigSchema.parse(example);
    expect(config.connector?.type).toBe('topdesk');
    expect(referencedSecretNames(config.connector)).toEqual(['topdesk-api']);
  });

  it('has defaults for everything but the connector', () => {
    expect(ticketConfigSchema.parse({})).toMatchObject({ timeoutMs: 15000, outbox: { concurrency: 2 }, redaction: { extraPatterns: [] } });
  });

  it('references credentials by secret name only and rejects non-http URLs', () => {
    expect(connectorConfigSchema.safeParse({ type: 'zammad', baseUrl: 'file:///etc/passwd', tokenSecret: 'z' }).success).toBe(false);
    const rt = connectorConfigSchema.parse({ type: 'rt', baseUrl: 'http://127.0.0.1:8080', tokenSecret: 'rt-token', basicSecret: 'rt-basic' });
    expect(referencedSecretNames(rt)).toEqual(['rt-token', 'rt-basic']);
    const email = connectorConfigSchema.parse({ type: 'email', to: 'hd@x.test', from: 'fl@x.test', smtp: { host: '127.0.0.1', credentialSecret: 'smtp' } });
    expect(referencedSecretNames(email)).toEqual(['smtp']);
  });
});

describe('helpdesk endpoints never in clear text', () => {
  it('refuses plain http to anything but loopback', async () => {
    const { ticketConfigSchema } = await import('../../../core/tickets/config.ts');
    const topdesk = (baseUrl: string) => ticketConfigSchema.safeParse({ connector: { type: 'topdesk', baseUrl, credentialSecret: 'td' } }).success;
    expect(topdesk('https://example.topdesk.net')).toBe(true);
    expect(topdesk('http://127.0.0.1:8080')).toBe(true);
    expect(topdesk('http://example.topdesk.net')).toBe(false);
    expect(topdesk('http://10.0.0.5')).toBe(false);
  });
});
