/**
 * A connector is one unit listed once (core/tickets/connectors/index.ts): the config union and the
 * secret names to redact derive from the table. These tests pin the invariants a new unit must keep.
 */
import { describe, expect, it } from 'vitest';
import { connectorConfigSchema, connectorUnits, createConnector, referencedSecretNames, type ConnectorConfig } from '../../../core/tickets/connectors/index.ts';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';

/** One valid config per type, with every secret field set to a distinct name. */
const samples: Record<keyof typeof connectorUnits, unknown> = {
  topdesk: { type: 'topdesk', baseUrl: 'https://td.example.test', credentialSecret: 's-td' },
  servicenow: { type: 'servicenow', baseUrl: 'https://sn.example.test', credentialSecret: 's-sn' },
  jira: { type: 'jira', baseUrl: 'https://jira.example.test', credentialSecret: 's-jira', serviceDeskId: '1', requestTypeId: '2' },
  zammad: { type: 'zammad', baseUrl: 'https://zammad.example.test', tokenSecret: 's-zammad' },
  freshservice: { type: 'freshservice', baseUrl: 'https://fs.example.test', apiKeySecret: 's-fs' },
  rt: { type: 'rt', baseUrl: 'https://rt.example.test', tokenSecret: 's-rt-token', basicSecret: 's-rt-basic' },
  webhook: { type: 'webhook', url: 'https://hook.example.test/tickets', bearerSecret: 's-hook' },
  email: { type: 'email', to: 'hd@example.test', from: 'fl@example.test', smtp: { host: '127.0.0.1', credentialSecret: 's-smtp' } },
  mailto: { type: 'mailto', to: 'hd@example.test' },
};

/** Every value of a key ending in `Secret`, at any depth. */
function secretFields(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k.endsWith('Secret') && typeof v === 'string' ? [v] : secretFields(v)));
}

describe('connector units', () => {
  it('keys each unit by its own type, in the order of the config union', () => {
    for (const [key, unit] of Object.entries(connectorUnits)) expect(unit.type).toBe(key);
    expect(connectorConfigSchema.options.map((o) => o.shape.type.value)).toEqual(Object.keys(connectorUnits));
  });

  it.each(Object.entries(samples))('%s: the union accepts its config and names every *Secret field for redaction', (_type, sample) => {
    const config: ConnectorConfig = connectorConfigSchema.parse(sample);
    const expected = secretFields(sample);
    expect(referencedSecretNames(config).sort()).toEqual(expected.sort());
  });

  it('builds nothing for mailto (the employee mail program sends) and an HTTP connector for the others', async () => {
    const deps = { secrets: createMemorySecretStore({}), timeoutMs: 1000 };
    expect(await createConnector(connectorConfigSchema.parse(samples.mailto), deps)).toBeNull();
    const topdesk = await createConnector(connectorConfigSchema.parse(samples.topdesk), deps);
    expect(topdesk?.kind).toBe('topdesk');
    expect(topdesk?.close).toBeUndefined();
  });

  it('leaves no secret unnamed when optional secrets are absent', () => {
    expect(referencedSecretNames(connectorConfigSchema.parse({ type: 'webhook', url: 'https://hook.example.test/' }))).toEqual([]);
    expect(referencedSecretNames(undefined)).toEqual([]);
  });
});
