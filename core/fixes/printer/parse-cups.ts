/**
 * Parsers for CUPS `lpstat` and `ipptool` output, read in the C locale.
 *
 * `lpstat -l -p` prints the raw queue name, `lpstat -o` percent-encodes it as in the job URI
 * ("Imprimante-%C3%A9tage-2-13"), so job lines are decoded before they are matched to a queue.
 */
import { classifyFault, type JobState, type PrintJob, type Printer } from './model.ts';

export type CupsQueue = { name: string; enabled: boolean; reasons: string[]; description?: string; stateReasons: string[]; printing?: string };

/** Keys of the long listing (`lpstat -l -p`) that are attributes, not the state message. */
const longKeys =
  /^(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|Interface|On fault|After fault|Users allowed|Users denied|Forms allowed|Banner|Charset|Default|Rejecting Jobs|Accepting Jobs)\b/;

/**
 * `lpstat -p` / `lpstat -l -p`: "printer NAME is idle.  enabled since…", "printer NAME now printing
 * NAME-ID.  enabled since…", "printer NAME disabled since… -", then the state message on indented
 * lines and, in the long form, "Description:", "Alerts:" (printer-state-reasons) and other keys.
 */
export function parseLpstatPrinters(text: string): CupsQueue[] {
  const out: CupsQueue[] = [];
  let inKeys = false;
  for (const line of text.split(/\r?\n/)) {
    const head = /^printer (\S+) (?:is idle|now printing (\S+?)\.?(?=\s|$)|disabled since)/.exec(line);
    if (head?.[1]) {
      out.push({ name: head[1], enabled: !/ disabled since /.test(line), reasons: [], stateReasons: [], ...(head[2] ? { printing: decodeName(head[2]) } : {}) });
      inKeys = false;
      continue;
    }
    const last = out[out.length - 1];
    const indented = /^\t(\S.*?)\s*$/.exec(line)?.[1] ?? /^ {1,8}(\S.*?)\s*$/.exec(line)?.[1];
    if (!last || indented === undefined) continue;
    if (longKeys.test(indented)) inKeys = true;
    const description = /^Description: ?(.*)$/.exec(indented)?.[1];
    if (description !== undefined) {
      if (description.trim() !== '') last.description = description.trim();
      continue;
    }
    const alerts = /^Alerts: ?(.*)$/.exec(indented)?.[1];
    if (alerts !== undefined) {
      last.stateReasons = alerts.split(/[\s,]+/).filter((k) => k !== '' && k !== 'none');
      continue;
    }
    if (!inKeys && !/^\(/.test(indented)) last.reasons.push(indented);
  }
  return out;
}

/** `lpstat -a`: "NAME accepting requests since…" / "NAME not accepting requests since… -". */
export function parseLpstatAccepting(text: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const match of text.matchAll(/^(\S+) (not )?accepting requests/gm)) if (match[1]) out.set(match[1], match[2] === undefined);
  return out;
}

/** Percent-decoding that never throws (a literal "%" stays as it is). */
export function decodeName(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** "Mon Nov 30 21:49:14 2026" (C locale %c, local time) → ISO, or undefined. */
function cupsDate(text: string): string | undefined {
  const m = /([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d \d{4})/.exec(text);
  if (!m?.[1]) return undefined;
  const t = new Date(m[1].replace(/\s+/g, ' '));
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

export type CupsJob = PrintJob & { printer: string; alerts: string[] };

/**
 * `lpstat -o` / `lpstat -l -o`: "NAME-ID  USER  SIZE  DATE", then (long form) "Status: …",
 * "Alerts: …" (job-state-reasons) and "queued for NAME". The printer is what precedes the last
 * "-" (queue names may contain dashes and digits), decoded.
 */
export function parseLpstatJobs(text: string): CupsJob[] {
  const out: CupsJob[] = [];
  for (const line of text.split(/\r?\n/)) {
    const head = /^(\S+)-(\d+)\s+(\S+)\s+\d+\s+(.*)$/.exec(line);
    if (head?.[1] && head[2] && head[3]) {
      const printer = decodeName(head[1]);
      const since = cupsDate(head[4] ?? '');
      out.push({ id: `${printer}-${head[2]}`, printer, user: head[3], error: false, alerts: [], ...(since ? { since } : {}) });
      continue;
    }
    const last = out[out.length - 1];
    const detail = /^\s+(\S.*?)\s*$/.exec(line)?.[1];
    if (!last || detail === undefined) continue;
    const status = /^Status: ?(.*)$/.exec(detail)?.[1];
    if (status !== undefined && status.trim() !== '') last.message = status.trim();
    const alerts = /^Alerts: ?(.*)$/.exec(detail)?.[1];
    if (alerts !== undefined) last.alerts = alerts.split(/[\s,]+/).filter((k) => k !== '' && k !== 'none');
  }
  return out;
}

/** The number after the last "-" of a CUPS job id ("Imprimante-étage-2-13" → "13"). */
export function jobNumber(id: string): string | undefined {
  return /-(\d+)$/.exec(id)?.[1] ?? (/^\d+$/.test(id) ? id : undefined);
}

const ippStates: Record<string, JobState> = {
  pending: 'pending',
  'pending-held': 'held',
  processing: 'processing',
  'processing-stopped': 'stopped',
  canceled: 'canceled',
  cancelled: 'canceled',
  aborted: 'aborted',
  completed: 'completed',
  '3': 'pending',
  '4': 'held',
  '5': 'processing',
  '6': 'stopped',
  '7': 'canceled',
  '8': 'aborted',
  '9': 'completed',
};

/** `ipptool -c … get-jobs.test` / `get-completed-jobs.test`: CSV with a header naming job-id and job-state. */
export function parseIppJobStates(text: string): Map<string, JobState> {
  const out = new Map<string, JobState>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.split(',') ?? [];
  const idAt = header.indexOf('job-id');
  const stateAt = header.indexOf('job-state');
  if (idAt < 0 || stateAt < 0) return out;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const id = cells[idAt]?.trim();
    const state = ippStates[cells[stateAt]?.trim().toLowerCase() ?? ''];
    if (id && /^\d+$/.test(id) && state) out.set(id, state);
  }
  return out;
}

/** `lpstat -d`: "system default destination: NAME". */
export function parseLpstatDefault(text: string): string | undefined {
  return /^system default destination: (\S+)/m.exec(text)?.[1];
}

/** A pending job the printer has not picked up for this long is stuck; a processing one gets longer (big documents). */
export const stuckPendingMs = 5 * 60_000;
export const stuckProcessingMs = 15 * 60_000;

const faultText = (j: CupsJob) => [j.message ?? ''];

/** Why a job on a running queue cannot print, or undefined when it is fine (or simply waiting its turn). */
function jobError(job: CupsJob, queue: { fault: Printer['fault'] }, now: Date): boolean {
  if (job.state === 'stopped' || job.state === 'aborted') return true;
  // A job held on purpose (lp -H, a hold-until time) is the employee's choice, not a fault.
  if (job.state === 'held') return !job.alerts.some((a) => /^job-hold-until-specified$|^job-held-by-user$/.test(a));
  if (queue.fault === 'not-responding' || queue.fault === 'device-error') return true;
  if (classifyFault(true, faultText(job)) !== undefined) return true;
  if (job.since) {
    const age = now.getTime() - Date.parse(job.since);
    const printing = job.state === 'processing' || job.alerts.includes('job-printing');
    if (age > (printing ? stuckProcessingMs : stuckPendingMs)) return true;
  }
  return false;
}

export type CupsTexts = { printers: string; accepting: string; jobs: string; default: string; states?: string };

export function combineCups(texts: CupsTexts, now: Date): Printer[] {
  const accepting = parseLpstatAccepting(texts.accepting);
  const states = parseIppJobStates(texts.states ?? '');
  const jobs = parseLpstatJobs(texts.jobs).map((j) => {
    const state = states.get(jobNumber(j.id) ?? '');
    return state ? { ...j, state } : j;
  });
  const fallback = parseLpstatDefault(texts.default);
  return parseLpstatPrinters(texts.printers).map((p) => {
    // The "now printing" job's message is the device's latest word on an enabled queue.
    const fault = classifyFault(
      p.enabled,
      p.reasons.filter((r) => p.enabled || r !== 'Paused'),
      p.stateReasons,
    );
    const own = jobs.filter((j) => j.printer === p.name);
    return {
      name: p.name,
      ...(p.description && p.description !== p.name ? { description: p.description } : {}),
      enabled: p.enabled,
      accepting: accepting.get(p.name) ?? true,
      isDefault: p.name === fallback,
      reasons: p.reasons,
      stateReasons: p.stateReasons,
      ...(fault ? { fault } : {}),
      jobs: own.map(({ printer: _printer, alerts: _alerts, ...job }) => ({ ...job, error: jobError({ ...job, printer: p.name, alerts: _alerts }, { fault }, now) })),
    };
  });
}
