/**
 * Helpdesk configuration (from policy; for now a JSON file). Only non-secret settings live here:
 * credentials are referenced by the NAME of an entry in the secret store (`*Secret` fields), so
 * the config can be shown, logged and sent to the renderer without leaking anything.
 * Every URL is configurable; nothing has a built-in host.
 */
import { z } from 'zod';
import { isAllowedRemoteUrl } from '../security/remote-url.ts';
import { urgencySchema } from './types.ts';

// https, or http to loopback only: helpdesk credentials and tickets never travel unencrypted.
const url = z.url({ protocol: /^https?$/ }).refine(isAllowedRemoteUrl, { message: 'must be an https:// URL (http is allowed only to 127.0.0.1/localhost)' });
const secretName = z.string().min(1).meta({ description: 'Name of an entry in the secret store.' });
/** Troubleshooter category (kebab-case) → helpdesk category name/id. */
const categoryMap = z.record(z.string(), z.string()).default({});
const urgencyMap = <T extends z.ZodType>(value: T) => z.partialRecord(urgencySchema, value).default({});

export const topdeskConfigSchema = z.object({
  type: z.literal('topdesk'),
  baseUrl: url,
  /** Secret value: `<login>:<application password>`. */
  credentialSecret: secretName,
  callerEmail: z.string().optional(),
  categories: categoryMap,
  /** Urgency names as configured in TOPdesk (e.g. "Medium"); omitted → TOPdesk's default. */
  urgencies: urgencyMap(z.string()),
  entryType: z.string().optional(),
  callType: z.string().optional(),
  operatorGroup: z.string().optional(),
});

export const servicenowConfigSchema = z.object({
  type: z.literal('servicenow'),
  baseUrl: url,
  /** Secret value: `<user>:<password>` (a service account; see reference/ticket-apis.md). */
  credentialSecret: secretName,
  callerId: z.string().optional(),
  assignmentGroup: z.string().optional(),
  contactType: z.string().default('self-service'),
  categories: categoryMap,
  /** Field that carries the client id; `correlation_id` exists on every instance. */
  correlationField: z.string().default('correlation_id'),
  titleLimit: z.number().int().min(20).max(160).default(80),
});

export const jiraConfigSchema = z.object({
  type: z.literal('jira'),
  baseUrl: url,
  /** Secret value: `<email>:<API token>`. */
  credentialSecret: secretName,
  serviceDeskId: z.string(),
  requestTypeId: z.string(),
  raiseOnBehalfOf: z.string().optional().meta({ description: 'Atlassian accountId (not an email).' }),
});

export const zammadConfigSchema = z.object({
  type: z.literal('zammad'),
  baseUrl: url,
  tokenSecret: secretName,
  group: z.string().default('Users'),
  customerEmail: z.string().optional(),
});

export const freshserviceConfigSchema = z.object({
  type: z.literal('freshservice'),
  baseUrl: url,
  apiKeySecret: secretName,
  requesterEmail: z.string().optional(),
  categories: categoryMap,
  priorities: urgencyMap(z.number().int().min(1).max(4)),
});

export const rtConfigSchema = z.object({
  type: z.literal('rt'),
  baseUrl: url,
  /** Either a token secret (`Authorization: token …`) or a `<user>:<password>` basic secret. */
  tokenSecret: secretName.optional(),
  basicSecret: secretName.optional(),
  queue: z.string().default('General'),
  requestor: z.string().optional(),
  /** Custom field holding the client id; without it a `[fl:<id>]` subject tag is used. */
  clientIdCustomField: z.string().optional(),
  priorities: urgencyMap(z.number().int()),
});

export const webhookConfigSchema = z.object({
  type: z.literal('webhook'),
  url,
  /** Optional secret sent as `Authorization: Bearer <value>`. */
  bearerSecret: secretName.optional(),
});

export const emailConfigSchema = z.object({
  type: z.literal('email'),
  to: z.string().min(3),
  from: z.string().min(3),
  smtp: z.object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().default(false),
    /** Secret value `<user>:<password>`; omitted → no SMTP auth (relay by IP). */
    credentialSecret: secretName.optional(),
  }),
});

export const mailtoConfigSchema = z.object({
  type: z.literal('mailto'),
  to: z.string().min(3),
});

export const connectorConfigSchema = z.discriminatedUnion('type', [
  topdeskConfigSchema,
  servicenowConfigSchema,
  jiraConfigSchema,
  zammadConfigSchema,
  freshserviceConfigSchema,
  rtConfigSchema,
  webhookConfigSchema,
  emailConfigSchema,
  mailtoConfigSchema,
]);
export type ConnectorConfig = z.infer<typeof connectorConfigSchema>;
export type ConnectorType = ConnectorConfig['type'];

export const ticketConfigSchema = z.object({
  /** No connector configured → mailto fallback to `fallbackEmail` (if any). */
  connector: connectorConfigSchema.optional(),
  fallbackEmail: z.string().optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  redaction: z
    .object({
      /** Names of further secret-store entries whose values are hidden everywhere. */
      secretNames: z.array(z.string()).default([]),
      /** Extra regular expressions (admin-defined); matches are replaced. */
      extraPatterns: z.array(z.string()).default([]),
    })
    .default({ secretNames: [], extraPatterns: [] }),
  outbox: z
    .object({
      baseDelayMs: z.number().int().min(1).default(5_000),
      maxDelayMs: z.number().int().min(1).default(30 * 60_000),
      concurrency: z.number().int().min(1).max(16).default(2),
      statusRefreshMs: z.number().int().min(60_000).default(15 * 60_000),
      keepDelivered: z.number().int().min(1).default(200),
    })
    .default({ baseDelayMs: 5_000, maxDelayMs: 30 * 60_000, concurrency: 2, statusRefreshMs: 15 * 60_000, keepDelivered: 200 }),
});
export type TicketConfig = z.infer<typeof ticketConfigSchema>;

/** Names of every secret the config references (so their values can be redacted). */
export function referencedSecretNames(config: ConnectorConfig | undefined): string[] {
  if (!config) return [];
  const names: (string | undefined)[] = [];
  switch (config.type) {
    case 'topdesk':
    case 'servicenow':
    case 'jira':
      names.push(config.credentialSecret);
      break;
    case 'zammad':
      names.push(config.tokenSecret);
      break;
    case 'freshservice':
      names.push(config.apiKeySecret);
      break;
    case 'rt':
      names.push(config.tokenSecret, config.basicSecret);
      break;
    case 'webhook':
      names.push(config.bearerSecret);
      break;
    case 'email':
      names.push(config.smtp.credentialSecret);
      break;
    case 'mailto':
      break;
  }
  return names.filter((n): n is string => typeof n === 'string');
}
