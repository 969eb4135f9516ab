/** zod shapes of what the outage service returns, for the IPC contract (`outage:*` channels). */
import { z } from 'zod';

export const shownOutageSchema = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string(),
  severity: z.enum(['info', 'minor', 'major']),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  link: z.string().optional(),
  troubleshooters: z.array(z.string()),
  categories: z.array(z.string()),
  /** This employee already said "I'm affected too". */
  affected: z.boolean(),
});

export const markAffectedResultSchema = z.union([z.object({ outageId: z.string(), alreadyMarked: z.boolean(), counted: z.boolean() }), z.object({ error: z.literal('unknown-outage') })]);
