/**
 * Camera commands for Windows and macOS, as argv, and the parsers of their output.
 * - Windows: one fixed PowerShell script (nothing is spliced into it) reads the cameras
 *   (`Get-PnpDevice -Class Camera,Image`), the privacy switches of the per-user consent store
 *   (`HKCU\…\CapabilityAccessManager\ConsentStore\webcam`: `Value` for apps, `NonPackaged\Value`
 *   for desktop apps such as Zoom), the machine-wide one (HKLM, IT's), the Group Policy
 *   `LetAppsAccessCamera` (2 = forced off), and which apps use the camera right now (an app's
 *   `LastUsedTimeStop` is 0 while it has the camera; only its name is kept). Turning the employee's
 *   own switches back on is `reg add` on HKCU; the machine-wide one needs administrator rights.
 * - macOS: `system_profiler SPCameraDataType -json` lists the cameras. The camera permission of
 *   each app (TCC) cannot be read or changed by an app: the troubleshooter guides the employee to
 *   System Settings → Privacy & Security → Camera.
 */
import type { Platform } from '../../kernel/platform.ts';

export type Argv = { file: string; args: string[] };

export const consentKey = 'Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam';

const powershell = (script: string): Argv => ({ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script] });

export const windowsCameraScript =
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
  `$base = '${consentKey}'; ` +
  'function V($root, $sub) { try { [string](Get-ItemProperty -LiteralPath "Registry::$root\\$base$sub" -Name Value -ErrorAction Stop).Value } catch { $null } }; ' +
  '$r = [ordered]@{ ' +
  'devices = @(Get-PnpDevice -Class Camera,Image -PresentOnly -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ name = [string]$_.FriendlyName; status = [string]$_.Status } }); ' +
  "user = V 'HKEY_CURRENT_USER' ''; desktop = V 'HKEY_CURRENT_USER' '\\NonPackaged'; machine = V 'HKEY_LOCAL_MACHINE' ''; " +
  "policy = $(try { [int](Get-ItemProperty -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\AppPrivacy' -Name LetAppsAccessCamera -ErrorAction Stop).LetAppsAccessCamera } catch { $null }); " +
  'inUse = @(foreach ($k in @(Get-ChildItem -LiteralPath "Registry::HKEY_CURRENT_USER\\$base" -ErrorAction SilentlyContinue) + @(Get-ChildItem -LiteralPath "Registry::HKEY_CURRENT_USER\\$base\\NonPackaged" -ErrorAction SilentlyContinue)) { $p = Get-ItemProperty -LiteralPath $k.PSPath -ErrorAction SilentlyContinue; if ($p.LastUsedTimeStart -gt 0 -and $p.LastUsedTimeStop -eq 0) { ($k.PSChildName -split \'#\')[-1] } }) ' +
  '}; $r | ConvertTo-Json -Compress -Depth 3';

export function cameraReadCommand(platform: Exclude<Platform, 'linux'>): Argv {
  return platform === 'win32' ? powershell(windowsCameraScript) : { file: 'system_profiler', args: ['SPCameraDataType', '-json'] };
}

/** Which switch to turn back on: the employee's own (apps, desktop apps) or the machine-wide one. */
export type CameraSwitch = 'user' | 'desktop' | 'machine';

/** `reg add` for one switch: exactly these keys, the value `Allow`, nothing taken from input. */
export function allowCommand(which: CameraSwitch): Argv {
  const key = which === 'machine' ? `HKLM\\${consentKey}` : which === 'desktop' ? `HKCU\\${consentKey}\\NonPackaged` : `HKCU\\${consentKey}`;
  return { file: 'reg', args: ['add', key, '/v', 'Value', '/t', 'REG_SZ', '/d', 'Allow', '/f'] };
}

export type WindowsCamera = {
  devices: Array<{ name: string; status: string }>;
  user: string | null;
  desktop: string | null;
  machine: string | null;
  policy: number | null;
  inUse: string[];
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The script's JSON (with the BOM Windows PowerShell may write); undefined when it is not that JSON. */
export function parseWindowsCamera(stdout: string): WindowsCamera | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(stdout.replace(/^\uFEFF/, '').trim());
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || !('devices' in raw)) return undefined;
  const r = raw as Record<string, unknown>;
  return {
    devices: list(r.devices).flatMap((d) => {
      const o = d as { name?: unknown; status?: unknown };
      return typeof o?.name === 'string' ? [{ name: o.name, status: typeof o.status === 'string' ? o.status : '' }] : [];
    }),
    user: text(r.user),
    desktop: text(r.desktop),
    machine: text(r.machine),
    policy: typeof r.policy === 'number' ? r.policy : null,
    inUse: [
      ...new Set(
        list(r.inUse)
          .filter((n): n is string => typeof n === 'string' && n !== '') // "Zoom.exe" → Zoom; a packaged app "MSTeams_8wekyb3d8bbwe" → MSTeams (its publisher id dropped).
          .map((n) => n.replace(/\.exe$/i, '').replace(/_[a-z0-9]{13}$/, '')),
      ),
    ].slice(0, 5),
  };
}

/** Camera names from `system_profiler SPCameraDataType -json`; undefined when it is not that JSON. */
export function parseSystemProfilerCamera(stdout: string): string[] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  const items = (raw as { SPCameraDataType?: unknown })?.SPCameraDataType;
  if (!Array.isArray(items)) return undefined;
  return items.flatMap((i) => (typeof (i as { _name?: unknown })?._name === 'string' ? [(i as { _name: string })._name] : []));
}
