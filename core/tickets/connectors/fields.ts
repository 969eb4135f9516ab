/** Config fields every connector schema shares. Only non-secret settings: secrets are named, never inlined. */
import { z } from 'zod';
import { isAllowedRemoteUrl } from '../../security/remote-url.ts';
import { urgencySchema } from '../types.ts';

// https, or http to loopback only: helpdesk credentials and tickets never travel unencrypted.
export const url = z.url({ protocol: /^https?$/ }).refine(isAllowedRemoteUrl, { message: 'must be an https:// URL (http is allowed only to 127.0.0.1/localhost)' });
export const secretName = z.string().min(1).meta({ description: 'Name of an entry in the secret store.' });
/** Troubleshooter category (kebab-case) → helpdesk category name/id. */
export const categoryMap = z.record(z.string(), z.string()).default({});
export const urgencyMap = <T extends z.ZodType>(value: T) => z.partialRecord(urgencySchema, value).default({});
