/**
 * The email connector: tickets go to the helpdesk's intake address over SMTP. The SMTP code
 * (nodemailer) is imported only when this connector is created (email-smtp.ts).
 */
import { z } from 'zod';
import { secretName } from './fields.ts';
import { requireSecret } from './http.ts';
import { defineConnector } from './unit.ts';

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
export type EmailConfig = z.infer<typeof emailConfigSchema>;

export const emailConnector = defineConnector({
  type: 'email',
  configSchema: emailConfigSchema,
  secretNames: (config) => [config.smtp.credentialSecret],
  async create(config, deps) {
    const credential = config.smtp.credentialSecret ? await requireSecret(deps.secrets, config.smtp.credentialSecret) : undefined;
    const colon = credential?.indexOf(':') ?? -1;
    const password = credential && colon > 0 ? { user: credential.slice(0, colon), pass: credential.slice(colon + 1) } : undefined;
    const { createEmailConnector } = await import('./email-smtp.ts');
    return createEmailConnector(config, { timeoutMs: deps.timeoutMs, ...(password ? { password } : {}), ...(deps.smtpPool ? { pool: true } : {}) });
  },
});
