/**
 * Sound and microphone commands per OS, as argv. Linux: `pactl` (PulseAudio, and PipeWire through
 * pipewire-pulse). Windows: Core Audio through a fixed PowerShell script (no value is ever spliced
 * into it) and the Windows Audio service (`Audiosrv`). macOS: AppleScript volume settings,
 * `system_profiler` for the devices and coreaudiod. Restarting the audio service needs
 * administrator rights on Windows and macOS: that command is the broker operation
 * `sound.restart-service` (broker/op-argv.ts) and must stay exactly as built here.
 */
import type { Platform } from '../../kernel/platform.ts';

export type Argv = { file: string; args: string[]; env?: Record<string, string> };

const powershell = (script: string, env?: Record<string, string>): Argv => ({
  file: 'powershell.exe',
  args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
  ...(env ? { env } : {}),
});

/**
 * Core Audio (IMMDeviceEnumerator / IAudioEndpointVolume) declared for PowerShell 5.1. The unused
 * vtable slots are placeholders so the used ones sit at their documented positions
 * (https://learn.microsoft.com/windows/win32/api/endpointvolume/nn-endpointvolume-iaudioendpointvolume).
 * Role 2 is eCommunications: the device calls use by default.
 */
const coreAudio = `Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
[Guid("5CDF2C82-841E-4546-9722-0CF74078229A"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
interface IAudioEndpointVolume {
  int f(); int g(); int h(); int i();
  int SetMasterVolumeLevelScalar(float level, Guid context);
  int j();
  int GetMasterVolumeLevelScalar(out float level);
  int k(); int l(); int m(); int n();
  int SetMute([MarshalAs(UnmanagedType.Bool)] bool mute, Guid context);
  int GetMute(out bool mute);
}
[Guid("D666063F-1587-4E43-81F1-B948E807363F"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
interface IMMDevice { int Activate(ref Guid id, int context, IntPtr parameters, out IAudioEndpointVolume volume); }
[Guid("0BD7A1BE-7A1A-44DB-8397-CC5392387B5E"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
interface IMMDeviceCollection { int GetCount(out int count); }
[Guid("A95664D2-9614-4F35-A746-DE8DB63617E6"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
interface IMMDeviceEnumerator {
  int EnumAudioEndpoints(int flow, int state, out IMMDeviceCollection devices);
  int GetDefaultAudioEndpoint(int flow, int role, out IMMDevice device);
}
[ComImport, Guid("BCDE0395-E52F-467C-8E3D-C4579291692E")] class MMDeviceEnumerator { }
public class FirstlineAudio {
  static IMMDeviceEnumerator E() { return (IMMDeviceEnumerator)(new MMDeviceEnumerator()); }
  public static int Count(int flow) { IMMDeviceCollection c; if (E().EnumAudioEndpoints(flow, 1, out c) != 0) return 0; int n; c.GetCount(out n); return n; }
  public static IAudioEndpointVolume Volume(int flow) {
    IMMDevice d; if (E().GetDefaultAudioEndpoint(flow, 2, out d) != 0) return null;
    Guid id = typeof(IAudioEndpointVolume).GUID; IAudioEndpointVolume v; Marshal.ThrowExceptionForHR(d.Activate(ref id, 23, IntPtr.Zero, out v)); return v;
  }
}
'@
`;

export const windowsSoundScripts = {
  /** {"outputs":n,"inputs":n,"output":{"muted":b,"volume":0-100}|null,"input":…}: 0 = render, 1 = capture. */
  read:
    '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
    coreAudio +
    '$r = [ordered]@{ outputs = [FirstlineAudio]::Count(0); inputs = [FirstlineAudio]::Count(1) }; ' +
    "foreach ($f in @(@(0, 'output'), @(1, 'input'))) { $v = [FirstlineAudio]::Volume($f[0]); if ($v) { $m = $false; $l = 0.0; [void]$v.GetMute([ref]$m); [void]$v.GetMasterVolumeLevelScalar([ref]$l); $r[$f[1]] = [ordered]@{ muted = $m; volume = [int][math]::Round($l * 100) } } else { $r[$f[1]] = $null } }; " +
    '$r | ConvertTo-Json -Compress',
  /**
   * Unmutes the default speaker (0) and/or microphone (1) for calls named in FIRSTLINE_SOUND_FLOWS
   * ("0", "1" or "0,1"; checked again here) and lifts a level of 0 to 50 %; any other level is left alone.
   */
  levels:
    coreAudio +
    "foreach ($f in @($env:FIRSTLINE_SOUND_FLOWS -split ',' | Where-Object { $_ -match '^[01]$' } | ForEach-Object { [int]$_ })) { $v = [FirstlineAudio]::Volume($f); if ($v) { [void]$v.SetMute($false, [Guid]::Empty); $l = 0.0; [void]$v.GetMasterVolumeLevelScalar([ref]$l); if ($l -le 0.001) { [void]$v.SetMasterVolumeLevelScalar(0.5, [Guid]::Empty) } } }",
  restart: 'Restart-Service -Name Audiosrv -Force',
} as const;

/** Read-only commands: the service state and the devices with their levels. */
export function soundReadCommands(platform: Platform): Record<string, Argv> {
  switch (platform) {
    case 'linux':
      return {
        info: { file: 'pactl', args: ['info'] },
        sinks: { file: 'pactl', args: ['list', 'short', 'sinks'] },
        sources: { file: 'pactl', args: ['list', 'short', 'sources'] },
        sinkMute: { file: 'pactl', args: ['get-sink-mute', '@DEFAULT_SINK@'] },
        sinkVolume: { file: 'pactl', args: ['get-sink-volume', '@DEFAULT_SINK@'] },
        sourceMute: { file: 'pactl', args: ['get-source-mute', '@DEFAULT_SOURCE@'] },
        sourceVolume: { file: 'pactl', args: ['get-source-volume', '@DEFAULT_SOURCE@'] },
      };
    case 'win32':
      return { service: { file: 'sc', args: ['query', 'Audiosrv'] }, devices: powershell(windowsSoundScripts.read) };
    case 'darwin':
      return {
        service: { file: 'pgrep', args: ['-x', 'coreaudiod'] },
        devices: { file: 'system_profiler', args: ['SPAudioDataType', '-json'] },
        levels: { file: 'osascript', args: ['-e', 'get volume settings'] },
      };
  }
}

/** Unmute and lift a level of 0 (to 50 % for speakers, 75 % for a Mac's microphone, which has no mute). */
export function soundLevelCommands(platform: Platform, fix: { outputMuted: boolean; outputSilent: boolean; inputMuted: boolean; inputSilent: boolean }): Argv[] {
  switch (platform) {
    case 'win32': {
      const flows = [...(fix.outputMuted || fix.outputSilent ? ['0'] : []), ...(fix.inputMuted || fix.inputSilent ? ['1'] : [])];
      return flows.length === 0 ? [] : [powershell(windowsSoundScripts.levels, { FIRSTLINE_SOUND_FLOWS: flows.join(',') })];
    }
    case 'darwin':
      return [
        ...(fix.outputMuted ? [{ file: 'osascript', args: ['-e', 'set volume output muted false'] }] : []),
        ...(fix.outputSilent ? [{ file: 'osascript', args: ['-e', 'set volume output volume 50'] }] : []),
        ...(fix.inputSilent || fix.inputMuted ? [{ file: 'osascript', args: ['-e', 'set volume input volume 75'] }] : []),
      ];
    case 'linux':
      return [
        ...(fix.outputMuted ? [{ file: 'pactl', args: ['set-sink-mute', '@DEFAULT_SINK@', '0'] }] : []),
        ...(fix.outputSilent ? [{ file: 'pactl', args: ['set-sink-volume', '@DEFAULT_SINK@', '50%'] }] : []),
        ...(fix.inputMuted ? [{ file: 'pactl', args: ['set-source-mute', '@DEFAULT_SOURCE@', '0'] }] : []),
        ...(fix.inputSilent ? [{ file: 'pactl', args: ['set-source-volume', '@DEFAULT_SOURCE@', '75%'] }] : []),
      ];
  }
}

/** Linux only: Windows and macOS have no supported command to change the default device (the employee picks it). */
export function setDefaultCommand(kind: 'output' | 'input', name: string): Argv {
  return { file: 'pactl', args: [kind === 'output' ? 'set-default-sink' : 'set-default-source', name] };
}

/** The broker operation `sound.restart-service` (administrator); undefined on Linux, where the sound server is the user's own. */
export function restartServiceCommand(platform: Platform): Argv | undefined {
  switch (platform) {
    case 'win32':
      return powershell(windowsSoundScripts.restart);
    case 'darwin':
      return { file: 'launchctl', args: ['kickstart', '-k', 'system/com.apple.audio.coreaudiod'] };
    case 'linux':
      return undefined;
  }
}

/**
 * Linux: the sound server runs as the employee, so no rights are needed. Alternatives in order,
 * until one succeeds: PipeWire's user units, PulseAudio's user unit, and PulseAudio started
 * directly where there is no systemd user session.
 */
export const linuxRestartAlternatives: readonly Argv[] = [
  { file: 'systemctl', args: ['--user', 'restart', 'pipewire.service', 'pipewire-pulse.service', 'wireplumber.service'] },
  { file: 'systemctl', args: ['--user', 'restart', 'pulseaudio.service'] },
  { file: 'pulseaudio', args: ['--start'] },
];
