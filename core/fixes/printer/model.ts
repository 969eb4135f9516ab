/** One shape for printers on CUPS and Windows. */
import { z } from 'zod';

export const jobSchema = z.object({ id: z.string(), user: z.string(), title: z.string().optional(), error: z.boolean() });
export const printerSchema = z.object({
  name: z.string(),
  enabled: z.boolean(),
  accepting: z.boolean(),
  isDefault: z.boolean(),
  /** Why the queue is stopped, as the spooler says it ("Paused", "Unable to connect…"). */
  reasons: z.array(z.string()),
  jobs: z.array(jobSchema),
});
export type PrintJob = z.infer<typeof jobSchema>;
export type Printer = z.infer<typeof printerSchema>;

/** A queue needs fixing when it is stopped, refuses jobs, or holds a job in error. */
export function hasProblem(p: Printer): boolean {
  return !p.enabled || !p.accepting || p.jobs.some((j) => j.error);
}
