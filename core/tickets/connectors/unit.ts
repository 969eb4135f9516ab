/**
 * A helpdesk connector is one unit, the way a fix is one `defineAction`: its `type` (the value of
 * `connector.type` in policy), its config schema, the secret-store names its config refers to
 * (their values are redacted everywhere) and `create`. The table in connectors/index.ts lists the
 * units; the config union, the redaction list and `createConnector` derive from it.
 */
import type { z } from 'zod';
import type { SecretStore } from '../../secrets/secret-store.ts';
import type { Connector } from '../types.ts';

export type ConnectorDeps = {
  secrets: SecretStore;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Pooled SMTP transport (tests: the SMTP server waits per greeting). */
  smtpPool?: boolean;
};

export type ConnectorUnit<Type extends string, Config extends { type: Type }> = {
  type: Type;
  configSchema: z.ZodType<Config>;
  /** Names of secret-store entries the config refers to (absent optional ones as undefined). */
  secretNames(config: Config): readonly (string | undefined)[];
  /** `null`: not a delivering connector (mailto: the employee's mail app sends). */
  create(config: Config, deps: ConnectorDeps): Connector | null | Promise<Connector | null>;
};

/** Identity helper that keeps a unit's schema, secret names and factory on one config type. */
export function defineConnector<Type extends string, Schema extends z.ZodObject<{ type: z.ZodLiteral<Type> }>>(
  unit: { type: Type; configSchema: Schema } & Omit<ConnectorUnit<Type, z.infer<Schema>>, 'type' | 'configSchema'>,
): { type: Type; configSchema: Schema } & Omit<ConnectorUnit<Type, z.infer<Schema>>, 'type' | 'configSchema'> {
  return unit;
}
