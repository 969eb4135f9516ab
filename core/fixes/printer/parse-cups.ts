/** Parsers for CUPS `lpstat` output, read in the C locale. */
import type { PrintJob, Printer } from './model.ts';

/** `lpstat -p`: "printer NAME is idle.  enabled since…", "printer NAME disabled since… -" + indented reasons. */
export function parseLpstatPrinters(text: string): Array<{ name: string; enabled: boolean; reasons: string[] }> {
  const out: Array<{ name: string; enabled: boolean; reasons: string[] }> = [];
  for (const line of text.split(/\r?\n/)) {
    const head = /^printer (\S+) (?:is idle|now printing \S+|disabled since)/.exec(line);
    if (head?.[1]) {
      out.push({ name: head[1], enabled: !/ disabled since /.test(line), reasons: [] });
      continue;
    }
    const reason = /^\s+(\S.*)$/.exec(line)?.[1];
    const last = out[out.length - 1];
    if (reason && last && !/^(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|On fault|After fault|Users allowed|Forms allowed|Banner|Charset|Default|Interface|\(|Rejecting Jobs$)/.test(reason)) {
      last.reasons.push(reason);
    }
  }
  return out;
}

/** `lpstat -a`: "NAME accepting requests since…" / "NAME not accepting requests since… -". */
export function parseLpstatAccepting(text: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const match of text.matchAll(/^(\S+) (not )?accepting requests/gm)) if (match[1]) out.set(match[1], match[2] === undefined);
  return out;
}

/** `lpstat -o`: "NAME-ID  USER  SIZE  DATE"; the printer is what precedes the last "-". */
export function parseLpstatJobs(text: string): Array<PrintJob & { printer: string }> {
  const out: Array<PrintJob & { printer: string }> = [];
  for (const match of text.matchAll(/^(\S+)-(\d+)\s+(\S+)\s+\d+\s+/gm)) {
    if (match[1] && match[2] && match[3]) out.push({ id: `${match[1]}-${match[2]}`, printer: match[1], user: match[3], error: false });
  }
  return out;
}

/** `lpstat -d`: "system default destination: NAME". */
export function parseLpstatDefault(text: string): string | undefined {
  return /^system default destination: (\S+)/m.exec(text)?.[1];
}

export function combineCups(printersText: string, acceptingText: string, jobsText: string, defaultText: string): Printer[] {
  const accepting = parseLpstatAccepting(acceptingText);
  const jobs = parseLpstatJobs(jobsText);
  const fallback = parseLpstatDefault(defaultText);
  return parseLpstatPrinters(printersText).map((p) => ({
    name: p.name,
    enabled: p.enabled,
    accepting: accepting.get(p.name) ?? true,
    isDefault: p.name === fallback,
    reasons: p.reasons,
    jobs: jobs.filter((j) => j.printer === p.name).map(({ printer: _printer, ...job }) => job),
  }));
}
