/**
 * Processes that keep the computer busy, found by sampling twice: CPU time used between the two
 * samples (per core: 100% = one core fully busy) and resident memory in both. Only names leave
 * this file (no command lines, no paths, no PIDs in results: names only go into the ticket).
 * - Linux: /proc/<pid>/stat (utime+stime in clock ticks, USER_HZ = 100 on every mainstream
 *   kernel) and rss pages (4 KiB).
 * - macOS: `ps -A -o pid=,time=,rss=,comm=` (time as [dd-]hh:mm:ss or mm:ss.cc, rss in KiB).
 * - Windows: Get-Process as JSON (CPU in seconds, WorkingSet64 in bytes).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionContext } from '../../engine/action.ts';
import { runArgv, succeeded } from '../shared/exec.ts';

export type Snapshot = Map<number, { name: string; cpuSeconds: number; rssBytes: number }>;

export const windowsProcessScript =
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
  '@(Get-Process | ForEach-Object { [pscustomobject]@{ Id = $_.Id; Name = $_.ProcessName; CPU = [double]$_.CPU; WS = [int64]$_.WorkingSet64 } }) | ConvertTo-Json -Compress';

export const psArgs = ['-A', '-o', 'pid=,time=,rss=,comm='];

/** "1-02:03:04", "02:03:04", "3:04.56" → seconds. */
export function parseCpuTime(text: string): number | undefined {
  const m = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

export function parsePs(text: string): Snapshot {
  const out: Snapshot = new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\S+)\s+(\d+)\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const cpu = parseCpuTime(m[2] as string);
    if (cpu === undefined) continue;
    out.set(Number(m[1]), { name: path.posix.basename(m[4] as string), cpuSeconds: cpu, rssBytes: Number(m[3]) * 1024 });
  }
  return out;
}

export function parseGetProcess(text: string): Snapshot {
  const out: Snapshot = new Map();
  let rows: unknown;
  try {
    rows = JSON.parse(text.replace(/^\uFEFF/, '').trim());
  } catch {
    return out;
  }
  for (const row of Array.isArray(rows) ? rows : [rows]) {
    const r = row as { Id?: unknown; Name?: unknown; CPU?: unknown; WS?: unknown };
    if (typeof r.Id !== 'number' || typeof r.Name !== 'string') continue;
    out.set(r.Id, { name: r.Name, cpuSeconds: typeof r.CPU === 'number' ? r.CPU : 0, rssBytes: typeof r.WS === 'number' ? r.WS : 0 });
  }
  return out;
}

/** `/proc/<pid>/stat`: the name is in parentheses and may itself hold ") "; fields after it are space-separated. */
export function parseProcStat(text: string): { name: string; cpuSeconds: number; rssBytes: number } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const fields = text.slice(close + 2).split(' ');
  // After the name: state(0) ppid(1) … utime(11) stime(12) … rss(21).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rss = Number(fields[21]);
  if (![utime, stime, rss].every(Number.isFinite)) return undefined;
  return { name: text.slice(open + 1, close), cpuSeconds: (utime + stime) / 100, rssBytes: rss * 4096 };
}

export async function snapshot(ctx: ActionContext, procRoot = '/proc'): Promise<Snapshot | undefined> {
  if (ctx.platform === 'linux') {
    const out: Snapshot = new Map();
    for (const entry of await readdir(procRoot).catch(() => [] as string[])) {
      if (!/^\d+$/.test(entry)) continue;
      const parsed = parseProcStat(await readFile(path.join(procRoot, entry, 'stat'), 'utf8').catch(() => ''));
      if (parsed) out.set(Number(entry), parsed);
    }
    return out.size > 0 ? out : undefined;
  }
  const [file, args] = ctx.platform === 'win32' ? ['powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', windowsProcessScript]] : ['ps', psArgs];
  const result = await runArgv(ctx, file as string, args as string[], { timeoutMs: 20_000 });
  if (!succeeded(result)) return undefined;
  const parsed = ctx.platform === 'win32' ? parseGetProcess(result.stdout) : parsePs(result.stdout);
  return parsed.size > 0 ? parsed : undefined;
}

export type Busy = { name: string; cpuPercent: number; memoryPercent: number; reason: 'cpu' | 'memory' };

/**
 * Processes busy in both intervals (a short spike is not a slow computer): CPU over `cpuPercent`
 * of one core between a→b and b→c, or memory over `memoryPercent` of RAM in all three samples.
 * Names only, merged (ten Chrome helpers are one "chrome"), busiest first.
 */
export function busyProcesses(
  samples: readonly [Snapshot, Snapshot, Snapshot],
  seconds: readonly [number, number],
  totalMemory: number,
  cpuPercent: number,
  memoryPercent: number,
  self?: number,
): Busy[] {
  const [a, b, c] = samples;
  const byName = new Map<string, { cpu1: number; cpu2: number; mem: number }>();
  for (const [pid, last] of c) {
    const first = a.get(pid);
    const middle = b.get(pid);
    if (!first || !middle || pid === self || first.name !== last.name) continue;
    const sum = byName.get(last.name) ?? { cpu1: 0, cpu2: 0, mem: 0 };
    sum.cpu1 += ((middle.cpuSeconds - first.cpuSeconds) / seconds[0]) * 100;
    sum.cpu2 += ((last.cpuSeconds - middle.cpuSeconds) / seconds[1]) * 100;
    sum.mem += Math.min(first.rssBytes, middle.rssBytes, last.rssBytes);
    byName.set(last.name, sum);
  }
  const out: Busy[] = [];
  for (const [name, s] of byName) {
    const cpu = Math.round(Math.min(s.cpu1, s.cpu2));
    const mem = Math.round((s.mem / totalMemory) * 100);
    if (cpu >= cpuPercent) out.push({ name, cpuPercent: cpu, memoryPercent: mem, reason: 'cpu' });
    else if (mem >= memoryPercent) out.push({ name, cpuPercent: cpu, memoryPercent: mem, reason: 'memory' });
  }
  return out.sort((x, y) => y.cpuPercent + y.memoryPercent - (x.cpuPercent + x.memoryPercent)).slice(0, 5);
}
