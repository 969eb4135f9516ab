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
  clearAll: 'Get-PrintJob -PrinterName $env:FIRSTLINE_PRINTER | Remove-PrintJob',
  resume: 'Get-CimInstance -ClassName Win32_Printer | Where-Object { $_.Name -eq $env:FIRSTLINE_PRINTER } | Invoke-CimMethod -MethodName Resume | Out-Null',
  testPage: 'Get-CimInstance -ClassName Win32_Printer | Where-Object { $_.Name -eq $env:FIRSTLINE_PRINTER } | Invoke-CimMethod -MethodName PrintTestPage | Out-Null',
  restartSpooler: 'Restart-Service -Name Spooler -Force',
} as const;

/** Commands that list printers, their state and jobs (read-only). */
export function listCommands(platform: Platform): Record<string, Argv> {
  if (platform === 'win32') return { printers: powershell(windowsScripts.printers), jobs: powershell(windowsScripts.jobs) };
  return {
    printers: { file: 'lpstat', args: ['-p'] },
    accepting: { file: 'lpstat', args: ['-a'] },
    jobs: { file: 'lpstat', args: ['-o'] },
    default: { file: 'lpstat', args: ['-d'] },
  };
}

export function clearQueueCommand(platform: Platform, printer: string, scope: 'own' | 'all', user: string): Argv {
  if (platform === 'win32') return powershell(scope === 'own' ? windowsScripts.clearOwn : windowsScripts.clearAll, { FIRSTLINE_PRINTER: printer });
  return scope === 'own' ? { file: 'cancel', args: ['-u', user, printer] } : { file: 'cancel', args: ['-a', printer] };
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
