/**
 * Print-queue commands per OS, as argv. On Windows the PowerShell scripts are fixed text: the
 * printer name and user reach them only through environment variables (FIRSTLINE_PRINTER,
 * USERNAME), so no value is ever spliced into code. CUPS tools get the name as one argv element.
 */
import type { Platform } from '../../kernel/platform.ts';

export type Argv = { file: string; args: string[]; env?: Record<string, string> };

const powershell = (script: string, env: Record<string, string> = {}): Argv => ({
  file: 'powershell.exe',
  args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
  env,
});

/**
 * Windows PowerShell 5.1 writes redirected output in the console's OEM code page, so "Drucker Büro"
 * or "Imprimante étage 2" would reach us garbled and no longer match the queue when sent back.
 * The read scripts switch stdout to UTF-8 first (a BOM may lead; the parser drops it).
 */
const utf8Out = '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ';

export const windowsScripts = {
  printers:
    utf8Out +
    "$default = (Get-CimInstance -ClassName Win32_Printer -Filter 'Default=TRUE').Name; " +
    '@(Get-Printer | ForEach-Object { [pscustomobject]@{ Name = $_.Name; PrinterStatus = "$($_.PrinterStatus)"; Default = ($_.Name -eq $default) } }) | ConvertTo-Json -Compress',
  jobs: `${utf8Out}Get-Printer | Get-PrintJob | ConvertTo-Json -Depth 2 -Compress`,
  clearOwn: 'Get-PrintJob -PrinterName $env:FIRSTLINE_PRINTER | Where-Object { $_.UserName -eq $env:USERNAME } | Remove-PrintJob',
  /**
   * Cancels the jobs diagnosed as stuck, by id, and only the employee's own (the spooler lets
   * every user manage their own documents; a colleague's job is refused by the filter, not tried).
   * FIRSTLINE_JOB_IDS is a comma-separated list of numbers, checked again here.
   */
  cancelOwnByIds:
    "$ids = @($env:FIRSTLINE_JOB_IDS -split ',' | Where-Object { $_ -match '^[0-9]{1,10}$' } | ForEach-Object { [int]$_ }); " +
    'Get-PrintJob -PrinterName $env:FIRSTLINE_PRINTER | Where-Object { $ids -contains $_.Id -and $_.UserName -eq $env:USERNAME } | Remove-PrintJob',
  /** One printer's jobs, for waiting on a test page (same JSON as `jobs`). */
  printerJobs: `${utf8Out}Get-PrintJob -PrinterName $env:FIRSTLINE_PRINTER | ConvertTo-Json -Depth 2 -Compress`,
  clearAll: 'Get-PrintJob -PrinterName $env:FIRSTLINE_PRINTER | Remove-PrintJob',
  resume: 'Get-CimInstance -ClassName Win32_Printer | Where-Object { $_.Name -eq $env:FIRSTLINE_PRINTER } | Invoke-CimMethod -MethodName Resume | Out-Null',
  testPage: 'Get-CimInstance -ClassName Win32_Printer | Where-Object { $_.Name -eq $env:FIRSTLINE_PRINTER } | Invoke-CimMethod -MethodName PrintTestPage | Out-Null',
  restartSpooler: 'Restart-Service -Name Spooler -Force',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The CUPS scheduler the client tools talk to, as `host[:port]` for an ipp:// URI: CUPS_SERVER
 * when it names a host, else the local scheduler (a domain-socket path is the local one too).
 */
export function cupsHost(env: Env): string {
  const server = (env.CUPS_SERVER ?? '').trim().replace(/\/version=[\d.]+$/, '');
  if (server === '' || server.startsWith('/') || !/^[A-Za-z0-9.:[\]-]{1,255}$/.test(server)) return 'localhost';
  return server;
}

/**
 * True when CUPS_SERVER points the client tools at a scheduler that is not this computer's own
 * print service (another host, or a private cupsd on another port): restarting the local
 * service would not touch it (issue #12: act only on what was diagnosed).
 */
export function usesOtherCupsServer(env: Env): boolean {
  const server = (env.CUPS_SERVER ?? '').trim();
  if (server === '') return false;
  if (/^\/(var\/)?run\/cups\/cups\.sock$|^\/private\/var\/run\/cupsd$/.test(server)) return false;
  return !/^(localhost|127\.0\.0\.1|\[::1\]|::1)(:631)?$/i.test(server.replace(/\/version=[\d.]+$/, ''));
}

/** Commands that list printers, their state and jobs (read-only). */
export function listCommands(platform: Platform, env: Env = {}): Record<string, Argv> {
  if (platform === 'win32') return { printers: powershell(windowsScripts.printers), jobs: powershell(windowsScripts.jobs) };
  return {
    // Long forms: the printer's description (its display name), printer-state-reasons ("Alerts:"),
    // and per job its status message and job-state-reasons.
    printers: { file: 'lpstat', args: ['-l', '-p'] },
    accepting: { file: 'lpstat', args: ['-a'] },
    jobs: { file: 'lpstat', args: ['-l', '-o'] },
    default: { file: 'lpstat', args: ['-d'] },
    // Job states (held, stopped…) that lpstat does not print; ipptool ships with CUPS and finds
    // the test file in its own data directory. Optional: without it, jobs are judged from lpstat.
    states: jobStatesCommand(env, false),
  };
}

/** IPP Get-Jobs for every queue of the scheduler: not-completed jobs, or completed/canceled/aborted ones. */
export function jobStatesCommand(env: Env, completed: boolean, printer?: string): Argv {
  const path = printer === undefined ? '/' : `/printers/${encodeURIComponent(printer)}`;
  return { file: 'ipptool', args: ['-c', '-T', '5', `ipp://${cupsHost(env)}${path}`, completed ? 'get-completed-jobs.test' : 'get-jobs.test'] };
}

export function clearQueueCommand(platform: Platform, printer: string, scope: 'own' | 'all', user: string): Argv {
  if (platform === 'win32') return powershell(scope === 'own' ? windowsScripts.clearOwn : windowsScripts.clearAll, { FIRSTLINE_PRINTER: printer });
  return scope === 'own' ? { file: 'cancel', args: ['-u', user, printer] } : { file: 'cancel', args: ['-a', printer] };
}

/**
 * Cancels the employee's own jobs by id. Under the stock CUPS policy `cancel -u USER QUEUE` is a
 * Purge-Jobs request that only an administrator may make ("Unauthorized"); Cancel-Job on a job
 * one owns is allowed to everyone. Windows: Remove-PrintJob on own documents needs no rights.
 * `ids` are CUPS job ids ("QUEUE-12") or Windows job numbers.
 */
export function cancelJobsCommand(platform: Platform, printer: string, ids: readonly string[]): Argv {
  // `cancel` without a job id cancels the current job of the default printer: never build that.
  if (!ids.some((id) => /\d$/.test(id))) throw new Error('cancelJobsCommand needs at least one job id');
  if (platform === 'win32')
    return powershell(windowsScripts.cancelOwnByIds, {
      FIRSTLINE_PRINTER: printer,
      FIRSTLINE_JOB_IDS: ids
        .map((id) => /(\d+)$/.exec(id)?.[1] ?? '')
        .filter(Boolean)
        .join(','),
    });
  // The number alone: "cancel 12" needs no queue name (which lpstat printed encoded).
  return { file: 'cancel', args: ids.map((id) => /(\d+)$/.exec(id)?.[1] ?? '').filter(Boolean) };
}

/** Re-enable a stopped queue and make it accept jobs again. */
export function resumeCommands(platform: Platform, printer: string): Argv[] {
  if (platform === 'win32') return [powershell(windowsScripts.resume, { FIRSTLINE_PRINTER: printer })];
  return [
    { file: 'cupsenable', args: [printer] },
    { file: 'cupsaccept', args: [printer] },
  ];
}

export function restartSpoolerCommand(platform: Platform): Argv {
  switch (platform) {
    case 'win32':
      return powershell(windowsScripts.restartSpooler);
    case 'darwin':
      return { file: 'launchctl', args: ['kickstart', '-k', 'system/org.cups.cupsd'] };
    case 'linux':
      return { file: 'systemctl', args: ['restart', 'cups'] };
  }
}

/** CUPS ships its test page under /usr/share/cups/data (name differs between versions). */
export const cupsTestPages = ['/usr/share/cups/data/default-testpage.pdf', '/usr/share/cups/data/testprint'];

export function testPageCommand(platform: Platform, printer: string, file: string): Argv {
  if (platform === 'win32') return powershell(windowsScripts.testPage, { FIRSTLINE_PRINTER: printer });
  return { file: 'lp', args: ['-d', printer, '-t', 'Firstline test page', file] };
}
