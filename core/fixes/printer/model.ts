/** One shape for printers on CUPS and Windows. */
import { z } from 'zod';

/**
 * Where a job is in its life (IPP job-state, RFC 8011 §5.3.7, with Windows JobStatus mapped onto
 * it). `unknown` when the platform did not say.
 */
export const jobStateSchema = z.enum(['pending', 'held', 'processing', 'stopped', 'canceled', 'aborted', 'completed', 'unknown']);
export type JobState = z.infer<typeof jobStateSchema>;

export const jobSchema = z.object({
  id: z.string(),
  user: z.string(),
  title: z.string().optional(),
  /** True when the job cannot print as things stand (stopped, held by an error, or its printer fails). */
  error: z.boolean(),
  state: jobStateSchema.optional(),
  /** When the job was queued (ISO 8601), where the platform says. */
  since: z.string().optional(),
  /** What the spooler says about this job ("Unable to open serial port…"). */
  message: z.string().optional(),
});

/**
 * What is wrong with the device behind a queue, as an IT person would name it:
 * `not-responding` (cannot be reached), `device-error` (reached, but reports an error or the
 * connection fails), `paused` (someone switched the queue off by hand).
 */
export const faultSchema = z.enum(['not-responding', 'device-error', 'paused']);
export type Fault = z.infer<typeof faultSchema>;

export const printerSchema = z.object({
  /** The queue id (CUPS) or printer name (Windows): what commands are given. */
  name: z.string(),
  /** The name the desktop shows (CUPS printer-info); Windows shows `name` itself. */
  description: z.string().optional(),
  enabled: z.boolean(),
  accepting: z.boolean(),
  isDefault: z.boolean(),
  /** Why the queue is stopped, as the spooler says it ("Paused", "Unable to connect…"). */
  reasons: z.array(z.string()),
  /** IPP printer-state-reasons keywords (CUPS "Alerts:"), "none" left out. */
  stateReasons: z.array(z.string()).optional(),
  /** The device fault the spooler reports, if any. */
  fault: faultSchema.optional(),
  jobs: z.array(jobSchema),
});
export type PrintJob = z.infer<typeof jobSchema>;
export type Printer = z.infer<typeof printerSchema>;

/**
 * A queue needs attention when it is stopped, refuses jobs, holds a job in error, or its device
 * reports a fault although the queue is on (CUPS leaves an unreachable printer enabled: "The
 * printer is offline.", Alerts: offline-report).
 */
export function hasProblem(p: Printer): boolean {
  return !p.enabled || !p.accepting || p.jobs.some((j) => j.error) || p.fault === 'not-responding' || p.fault === 'device-error';
}

/** States from which a job will not move on its own. */
export const finalJobStates: readonly JobState[] = ['canceled', 'aborted', 'completed'];

/**
 * The spooler's words for "cannot reach the device" and "the device or its connection failed"
 * (CUPS backends' messages and IPP printer-state-reasons; Windows PrinterStatus names).
 */
const notRespondingPattern =
  /not respond|may not exist|unavailable|unable to connect|connection refused|host is down|no route|timed? ?out|unable to locate printer|waiting for printer|network host .* is busy|offline|connecting-to-device/i;
const deviceErrorPattern =
  /error|unable to (open|send|write|read)|failed|no such|jam|paper ?out|media-empty|media-jam|door-open|cover-open|toner-empty|marker-supply-empty|input-tray-missing|interlock|permission denied|usercheck|user ?intervention/i;

/** Names the device fault from the spooler's message and reason keywords; `paused` for a plain manual pause. */
export function classifyFault(enabled: boolean, texts: readonly string[], keywords: readonly string[] = []): Fault | undefined {
  // "-warning" and "-report" keywords (toner-low-warning, media-low-report) leave the printer working.
  const serious = keywords.filter((k) => k !== 'paused' && k !== 'none' && !/-warning$/.test(k) && (!/-report$/.test(k) || /^offline/.test(k)));
  const all = [...texts, ...serious];
  if (all.some((s) => notRespondingPattern.test(s))) return 'not-responding';
  if (all.some((s) => deviceErrorPattern.test(s) || /-error$/.test(s))) return 'device-error';
  return enabled ? undefined : 'paused';
}
