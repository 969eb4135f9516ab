/**
 * The helpdesk connectors: one unit per helpdesk (connectors/<name>.ts, `defineConnector`), listed
 * once here. The config union, the secret names to redact and `createConnector` derive from this
 * table, so adding a helpdesk is its file plus one line below. Credentials are resolved by each
 * unit from the secret store, by the names in the config; nothing secret passes through the config
 * or the renderer.
 */
import { z } from 'zod';
import type { Connector } from '../types.ts';
import { emailConnector } from './email.ts';
import { freshserviceConnector } from './freshservice.ts';
import { jiraConnector } from './jira.ts';
import { mailtoConnector } from './mailto.ts';
import { rtConnector } from './rt.ts';
import { servicenowConnector } from './servicenow.ts';
import { topdeskConnector } from './topdesk.ts';
import type { ConnectorDeps } from './unit.ts';
import { webhookConnector } from './webhook.ts';
import { zammadConnector } from './zammad.ts';

/** Keyed by `type`; the order is the order of the config union (and of its JSON Schema). */
export const connectorUnits = {
  topdesk: topdeskConnector,
  servicenow: servicenowConnector,
  jira: jiraConnector,
  zammad: zammadConnector,
  freshservice: freshserviceConnector,
  rt: rtConnector,
  webhook: webhookConnector,
  email: emailConnector,
  mailto: mailtoConnector,
} as const;

type Units = typeof connectorUnits;
export type ConnectorType = keyof Units;
type ConfigOf = { [T in ConnectorType]: z.infer<Units[T]['configSchema']> };

type Schema = Units[ConnectorType]['configSchema'];
/** `Object.values` of a non-empty literal table is non-empty; zod wants that as a tuple type. */
const schemas = Object.values(connectorUnits).map((unit) => unit.configSchema) as [Schema, ...Schema[]];
export const connectorConfigSchema = z.discriminatedUnion('type', schemas);
export type ConnectorConfig = z.infer<typeof connectorConfigSchema>;

/** The table seen through one config type per key, so a unit is looked up and called without a cast. */
const units: {
  [T in ConnectorType]: { secretNames(config: ConfigOf[T]): readonly (string | undefined)[]; create(config: ConfigOf[T], deps: ConnectorDeps): Connector | null | Promise<Connector | null> };
} = connectorUnits;

/** Returns null for `mailto` (not a delivering connector: see `buildMailtoUrl`). */
export async function createConnector<T extends ConnectorType>(config: ConfigOf[T] & { type: T }, deps: ConnectorDeps): Promise<Connector | null> {
  const type: T = config.type;
  return units[type].create(config, deps);
}

/** Names of every secret the config references (so their values can be redacted). */
export function referencedSecretNames<T extends ConnectorType>(config: (ConfigOf[T] & { type: T }) | undefined): string[] {
  if (!config) return [];
  const type: T = config.type;
  return units[type].secretNames(config).filter((name): name is string => typeof name === 'string');
}
