/**
 * Parsers for the PowerShell print cmdlets' JSON (`ConvertTo-Json`). ConvertTo-Json prints a bare
 * object for one item, an array for several, and nothing for none; enum properties arrive as
 * numbers unless the script stringifies them, so both are handled.
 */
import { z } from 'zod';
import { classifyFault, type JobState, type Printer, type PrintJob } from './model.ts';

const one = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((x) => [x])]);

const rawPrinter = z.looseObject({
  Name: z.string(),
  PrinterStatus: z.union([z.string(), z.number()]).optional(),
  Default: z.boolean().optional(),
  WorkOffline: z.boolean().optional(),
});
const rawJob = z.looseObject({
  Id: z.number(),
  PrinterName: z.string(),
  UserName: z.string().nullable().optional(),
  DocumentName: z.string().nullable().optional(),
  JobStatus: z.union([z.string(), z.number()]).nullable().optional(),
});

/** MSFT_PrintJob JobStatus flags that mean the job is stuck (Paused, Error, Offline, PaperOut, Blocked, UserIntervention). */
const stuckFlags = 0x1 | 0x2 | 0x20 | 0x40 | 0x200 | 0x400;

export function jobInError(status: string | number | null | undefined): boolean {
  if (typeof status === 'number') return (status & stuckFlags) !== 0;
  return /error|paused|offline|paperout|blocked|userintervention/i.test(status ?? '');
}

/** PrinterStatus: Win32 enum (3 idle, 4 printing, 7 offline, 1 other?) or the stringified name ("Normal", "Paused", "Error", "Offline"). */
function printerState(status: string | number | undefined): { enabled: boolean; reasons: string[] } {
  if (status === undefined) return { enabled: true, reasons: [] };
  if (typeof status === 'number') {
    // MSFT_Printer PrinterStatus: 0 Normal, 1 Paused, 2 Error, 3 PendingDeletion, 4 PaperJam, 5 PaperOut, …, 7 Offline (flags).
    const names: Array<[number, string]> = [
      [1, 'Paused'],
      [2, 'Error'],
      [4, 'PaperJam'],
      [8, 'PaperOut'],
      [128, 'Offline'],
    ];
    const reasons = names.filter(([flag]) => (status & flag) !== 0).map(([, name]) => name);
    return { enabled: reasons.length === 0, reasons };
  }
  const reasons = status.split(/,\s*/).filter((s) => s && !/^(Normal|Printing|Processing|Idle|WarmingUp)$/i.test(s));
  // Only states that stop the queue count as "stopped"; TonerLow, PowerSave (network printers
  // asleep), Busy, Waiting… are reported but the queue still prints (MSFT_Printer PrinterStatus names).
  return { enabled: !reasons.some((r) => !/^(TonerLow|PowerSave|Busy|IOActive|Waiting|Initializing|OutputBinFull)$/i.test(r)), reasons };
}

function parseJson(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/** MSFT_PrintJob JobStatus flags onto the IPP job states (Printed 0x80 / Complete 0x1000, Deleting 0x4 / Deleted 0x100, Printing 0x10 / Spooling 0x8, Paused 0x1). */
export function jobState(status: string | number | null | undefined): JobState {
  if (status === null || status === undefined || status === '') return 'pending';
  const has = (flag: number, name: RegExp) => (typeof status === 'number' ? (status & flag) !== 0 : name.test(status));
  if (jobInError(status) && !has(0x1, /paused/i)) return 'stopped';
  if (has(0x1, /paused/i)) return 'held';
  if (has(0x80 | 0x1000, /printed|complete/i)) return 'completed';
  if (has(0x4 | 0x100, /delet/i)) return 'canceled';
  if (has(0x10 | 0x8, /printing|spooling/i)) return 'processing';
  return 'pending';
}

export function parseGetPrintJob(text: string): Array<PrintJob & { printer: string }> {
  const parsed = one(rawJob).safeParse(parseJson(text));
  if (!parsed.success) return [];
  return parsed.data.map((j) => ({
    id: String(j.Id),
    printer: j.PrinterName,
    user: j.UserName ?? '',
    ...(j.DocumentName ? { title: j.DocumentName } : {}),
    error: jobInError(j.JobStatus),
    state: jobState(j.JobStatus),
  }));
}

export function parseGetPrinter(printersJson: string, jobsJson: string): Printer[] | undefined {
  const parsed = one(rawPrinter).safeParse(parseJson(printersJson));
  if (!parsed.success) return undefined;
  const jobs = parseGetPrintJob(jobsJson);
  return parsed.data.map((p) => {
    const state = printerState(p.PrinterStatus);
    const enabled = state.enabled && p.WorkOffline !== true;
    const reasons = p.WorkOffline === true ? [...state.reasons, 'Offline'] : state.reasons;
    const fault = classifyFault(enabled, reasons);
    return {
      name: p.Name,
      enabled,
      // Windows has no "reject jobs" switch for a queue; a paused queue still takes jobs.
      accepting: true,
      isDefault: p.Default === true,
      reasons,
      ...(fault ? { fault } : {}),
      jobs: jobs.filter((j) => j.printer === p.Name).map(({ printer: _printer, ...job }) => job),
    };
  });
}
