/**
 * The broker's wire format, shared by the broker (broker/server.ts) and the app's client
 * (core/platform/broker-client.ts). One connection carries one exchange, each message one JSON
 * line: the broker sends a challenge, the client proves who it is (broker/identity.ts) and sends
 * one request, the broker answers once and closes. Every message is parsed with a strict schema:
 * unknown keys, unknown operations and oversized strings are refused with a typed error.
 */
import { z } from 'zod';
import { opNames } from './op-argv.ts';

export const protocolVersion = 1;
/** One request line is tiny (an operation and one name); anything longer is refused unread. */
export const maxRequestBytes = 1024;

const hex32 = z.string().regex(/^[0-9a-f]{32}$/);

export const challengeSchema = z.strictObject({ v: z.literal(protocolVersion), type: z.literal('challenge'), name: hex32, token: hex32 });
export type Challenge = z.infer<typeof challengeSchema>;

/**
 * Names are limited to what a CUPS queue or a network adapter can be called: no control
 * characters, no leading `-` (so no value is ever read as an option), at most 127 characters.
 * Windows printer names may hold spaces and accents, so the check is a deny-list of dangerous
 * shapes here; the broker then accepts only a name the machine itself lists.
 */
export const nameSchema = z
  .string()
  .min(1)
  .max(127)
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), { message: 'control character' })
  .refine((s) => !s.startsWith('-'), { message: 'leading dash' })
  .refine((s) => s.trim() === s, { message: 'leading or trailing space' });

export const opNameSchema = z.enum(opNames);

export const operationRequestSchema = z.strictObject({
  v: z.literal(protocolVersion),
  type: z.literal('run'),
  op: z.string().max(64),
  args: z.strictObject({ queue: z.string().max(4096).optional(), adapter: z.string().max(4096).optional() }).default({}),
});
export const statusRequestSchema = z.strictObject({ v: z.literal(protocolVersion), type: z.literal('status') });
export const requestSchema = z.discriminatedUnion('type', [operationRequestSchema, statusRequestSchema]);
export type BrokerRequest = z.infer<typeof requestSchema>;

export const brokerErrorCodes = [
  'bad-request', // not JSON, wrong shape, too long
  'unknown-op', // not on the closed list
  'bad-args', // an argument is malformed or missing
  'not-found', // the queue or adapter does not exist on this machine
  'not-supported', // the operation does not exist on this OS
  'disabled', // policy turned the broker off
  'not-allowed', // policy restricts the broker to other operations
  'identity', // the caller could not prove who it is
  'rate-limited',
  'busy',
  'failed', // the command ran and failed
  'internal',
] as const;
export type BrokerErrorCode = (typeof brokerErrorCodes)[number];

export const commandRunSchema = z.strictObject({
  file: z.string(),
  args: z.array(z.string()),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  timedOut: z.boolean(),
  notFound: z.boolean(),
});
export type CommandRun = z.infer<typeof commandRunSchema>;

export const responseSchema = z.discriminatedUnion('type', [
  z.strictObject({ v: z.literal(protocolVersion), type: z.literal('result'), op: opNameSchema, ok: z.boolean(), commands: z.array(commandRunSchema) }),
  z.strictObject({ v: z.literal(protocolVersion), type: z.literal('status'), enabled: z.boolean(), operations: z.array(opNameSchema) }),
  z.strictObject({ v: z.literal(protocolVersion), type: z.literal('error'), code: z.enum(brokerErrorCodes), message: z.string().max(500) }),
]);
export type BrokerResponse = z.infer<typeof responseSchema>;
