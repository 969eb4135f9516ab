/**
 * Sound and microphone fix: parsers against recorded outputs (pactl: real captures from
 * PulseAudio 16.1; sc: a real recording; Core Audio JSON, system_profiler and AppleScript:
 * modelled, see test/fixtures/fixes/README.md) and the exact argv per OS, through a fake exec.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restartServiceCommand, soundLevelCommands, windowsSoundScripts } from '../../../core/fixes/sound/commands.ts';
import { parseMute, parsePactlInfo, parsePactlShort, parseScState, parseSystemProfilerAudio, parseVolumePercent, parseVolumeSettings, parseWindowsAudio } from '../../../core/fixes/sound/parse.ts';
import { soundLevelsAction, soundRestartServiceAction, soundSetDefaultAction, soundStatusAction } from '../../../core/fixes/sound/actions.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');

describe('sound parsers on recorded outputs', () => {
  it('pactl: default devices, device lists, mute and the loudest channel', () => {
    expect(parsePactlInfo(fixture('pactl-info.dummy-default.txt'))).toEqual({ server: 'pulseaudio', defaultSink: 'auto_null', defaultSource: 'mic' });
    expect(parsePactlShort(fixture('pactl-list-short-sinks.txt'))).toEqual(['auto_null', 'headset']);
    expect(parsePactlShort(fixture('pactl-list-short-sources.txt'))).toEqual(['auto_null.monitor', 'headset.monitor', 'mic']);
    expect(parseMute(fixture('pactl-get-sink-mute.yes.txt'))).toBe(true);
    expect(parseMute(fixture('pactl-get-source-mute.no.txt'))).toBe(false);
    expect(parseVolumePercent(fixture('pactl-get-sink-volume.zero.txt'))).toBe(0);
    expect(parseVolumePercent(fixture('pactl-get-source-volume.full.txt'))).toBe(100);
    expect(parseVolumePercent('Volume: front-left: 0 /   0% / -inf dB,   front-right: 32768 /  50% / -18.06 dB')).toBe(50);
    expect(parseMute('garbage')).toBeUndefined();
  });

  it('sc query: the state token, whatever the key is called, CRLF or not', () => {
    expect(parseScState(fixture('real/sc-query-audiosrv.running.txt'))).toBe('running');
    expect(parseScState(fixture('sc-query-audiosrv.stopped.txt'))).toBe('stopped');
    expect(parseScState('[SC] EnumQueryServicesStatus:OpenService FAILED 1060')).toBe('unknown');
    // A single-digit TYPE line must not be read as the state.
    expect(parseScState('        TYPE               : 1  KERNEL_DRIVER\r\n        STATE              : 1  STOPPED\r\n')).toBe('stopped');
  });

  it('Core Audio JSON (with the BOM PowerShell writes), system_profiler and AppleScript', () => {
    expect(parseWindowsAudio(fixture('core-audio.muted-speaker.json'))).toEqual({ outputs: 2, inputs: 1, output: { muted: true, volume: 0 }, input: { muted: false, volume: 80 } });
    expect(parseWindowsAudio(fixture('core-audio.no-devices.json'))).toEqual({ outputs: 0, inputs: 0, output: null, input: null });
    expect(parseWindowsAudio('Add-Type : error')).toBeUndefined();
    expect(parseSystemProfilerAudio(fixture('system-profiler-audio.json'))).toEqual({
      outputs: ['Jabra Evolve2 65', 'MacBook Pro Speakers'],
      inputs: ['Jabra Evolve2 65', 'MacBook Pro Microphone'],
      defaultOutput: 'MacBook Pro Speakers',
      defaultInput: 'Jabra Evolve2 65',
    });
    // Older macOS nests one level deeper.
    expect(parseSystemProfilerAudio(JSON.stringify({ SPAudioDataType: [{ _items: [{ _items: [{ _name: 'Speakers', coreaudio_device_output: 2 }] }] }] }))?.outputs).toEqual(['Speakers']);
    expect(parseVolumeSettings(fixture('osascript-volume-settings.muted.txt'))).toEqual({ outputVolume: 0, inputVolume: 75, outputMuted: true });
    expect(parseVolumeSettings(fixture('osascript-volume-settings.no-device.txt'))).toEqual({});
  });
});

const linuxReplies = (over: Record<string, string> = {}) => ({
  'pactl info': { stdout: over.info ?? fixture('pactl-info.dummy-default.txt') },
  'pactl list short sinks': { stdout: fixture('pactl-list-short-sinks.txt') },
  'pactl list short sources': { stdout: fixture('pactl-list-short-sources.txt') },
  'pactl get-sink-mute': { stdout: over.sinkMute ?? 'Mute: no\n' },
  'pactl get-sink-volume': { stdout: fixture('pactl-get-source-volume.full.txt') },
  'pactl get-source-mute': { stdout: over.sourceMute ?? fixture('pactl-get-source-mute.no.txt') },
  'pactl get-source-volume': { stdout: over.sourceVolume ?? fixture('pactl-get-source-volume.full.txt') },
  'pactl set-default-sink': {},
  'pactl set-source-mute': {},
  'pactl set-source-volume': {},
});

describe('sound actions on Linux (argv)', () => {
  it('calls "Dummy Output" as default while a headset exists a wrong default, and switches to the headset by name', async () => {
    const exec = fakeExec(linuxReplies());
    const status = await soundStatusAction.run({}, makeContext({ exec, platform: 'linux' }));
    expect(status).toMatchObject({ ok: false, problem: 'wrong-default', wrongDefault: true, outputs: 1, inputs: 1, defaultOutput: 'auto_null' });
    const fixed = await soundSetDefaultAction.run({}, makeContext({ exec, platform: 'linux' }));
    expect(fixed).toMatchObject({ ok: true, output: 'headset' });
    expect(exec.lines()).toContain('pactl set-default-sink headset');
    expect(exec.lines().filter((l) => l.startsWith('pactl set-default-source'))).toEqual([]);
  });

  it('unmutes only what is muted and lifts only a level at zero', async () => {
    const info = fixture('pactl-info.dummy-default.txt').replace('Default Sink: auto_null', 'Default Sink: headset');
    const exec = fakeExec(linuxReplies({ info, sourceMute: 'Mute: yes\n', sourceVolume: fixture('pactl-get-sink-volume.zero.txt') }));
    const status = await soundStatusAction.run({}, makeContext({ exec, platform: 'linux' }));
    expect(status).toMatchObject({ problem: 'muted', levelsOff: true, inputMuted: true, outputMuted: false, inputVolume: 0 });
    expect(await soundLevelsAction.run({}, makeContext({ exec, platform: 'linux' }))).toMatchObject({ ok: true });
    const changes = exec.lines().filter((l) => l.includes(' set-'));
    expect(changes).toEqual(['pactl set-source-mute @DEFAULT_SOURCE@ 0', 'pactl set-source-volume @DEFAULT_SOURCE@ 75%']);
    // Output parsing runs in the C locale.
    expect(exec.calls[0]?.options.env?.LC_ALL).toBe('C');
  });

  it('a sound server that refuses connections is "stopped"; restarting tries PipeWire, PulseAudio, then pulseaudio --start', async () => {
    const exec = fakeExec({
      'pactl info': { exitCode: 1, stderr: fixture('pactl-info.refused.txt') },
      'systemctl --user restart': { exitCode: 1, stderr: 'Failed to connect to bus: No medium found' },
      'pulseaudio --start': { exitCode: 0 },
    });
    expect(await soundStatusAction.run({}, makeContext({ exec, platform: 'linux' }))).toMatchObject({ problem: 'service-stopped', service: 'stopped' });
    expect(await soundRestartServiceAction.run({}, makeContext({ exec, platform: 'linux' }))).toMatchObject({ ok: true });
    expect(exec.lines().filter((l) => !l.startsWith('pactl'))).toEqual([
      'systemctl --user restart pipewire.service pipewire-pulse.service wireplumber.service',
      'systemctl --user restart pulseaudio.service',
      'pulseaudio --start',
    ]);
  });

  it('without pactl nothing is guessed', async () => {
    const exec = fakeExec({});
    expect(await soundStatusAction.run({}, makeContext({ exec, platform: 'linux' }))).toMatchObject({ ok: false, available: false, problem: 'not-available' });
  });

  it('a running sound server is not restarted', async () => {
    const exec = fakeExec(linuxReplies());
    expect(await soundRestartServiceAction.run({}, makeContext({ exec, platform: 'linux' }))).toMatchObject({ ok: true });
    expect(exec.lines().some((l) => l.startsWith('systemctl') || l.startsWith('pulseaudio'))).toBe(false);
  });
});

describe('sound actions on Windows and macOS (argv)', () => {
  it('Windows: the service state, then the Core Audio read-out; a muted speaker at zero is unmuted through the fixed script', async () => {
    const exec = fakeExec({ 'sc query Audiosrv': { stdout: fixture('real/sc-query-audiosrv.running.txt') }, 'powershell.exe': { stdout: fixture('core-audio.muted-speaker.json') } });
    const status = await soundStatusAction.run({}, makeContext({ exec, platform: 'win32' }));
    expect(status).toMatchObject({ problem: 'muted', outputMuted: true, outputVolume: 0, inputMuted: false, outputs: 2, inputs: 1 });
    await soundLevelsAction.run({}, makeContext({ exec, platform: 'win32' }));
    const fix = exec.calls.at(-1)!;
    expect(fix.args.at(-1)).toBe(windowsSoundScripts.levels);
    // Only the speaker (0): the microphone was fine and is left alone. The value reaches the script as data.
    expect(fix.options.env?.FIRSTLINE_SOUND_FLOWS).toBe('0');
    expect(windowsSoundScripts.levels).not.toMatch(/\$\{/);
  });

  it('Windows: a stopped Windows Audio service is reported before anything else and restarted with the broker operation argv', async () => {
    const exec = fakeExec({ 'sc query Audiosrv': { stdout: fixture('sc-query-audiosrv.stopped.txt') }, 'powershell.exe': { exitCode: 0 } });
    expect(await soundStatusAction.run({}, makeContext({ exec, platform: 'win32' }))).toMatchObject({ problem: 'service-stopped' });
    expect(await soundRestartServiceAction.run({}, makeContext({ exec, platform: 'win32' }))).toMatchObject({ ok: true });
    const restart = exec.calls.find((c) => c.file === 'powershell.exe')!;
    expect({ file: restart.file, args: restart.args }).toEqual(restartServiceCommand('win32'));
    expect(restart.args.at(-1)).toBe('Restart-Service -Name Audiosrv -Force');
  });

  it('Windows: no devices at all is "no output device"', async () => {
    const exec = fakeExec({ 'sc query Audiosrv': { stdout: fixture('real/sc-query-audiosrv.running.txt') }, 'powershell.exe': { stdout: fixture('core-audio.no-devices.json') } });
    expect(await soundStatusAction.run({}, makeContext({ exec, platform: 'win32' }))).toMatchObject({ problem: 'no-output-device', hasDevices: false });
  });

  it('macOS: devices from system_profiler, levels from AppleScript, and only the needed AppleScript commands', async () => {
    const exec = fakeExec({
      'pgrep -x coreaudiod': { stdout: '312\n' },
      'system_profiler SPAudioDataType -json': { stdout: fixture('system-profiler-audio.json') },
      'osascript -e get volume settings': { stdout: fixture('osascript-volume-settings.muted.txt') },
      'osascript -e set': {},
    });
    expect(await soundStatusAction.run({}, makeContext({ exec, platform: 'darwin' }))).toMatchObject({
      problem: 'muted',
      outputMuted: true,
      outputVolume: 0,
      inputVolume: 75,
      defaultInput: 'Jabra Evolve2 65',
    });
    await soundLevelsAction.run({}, makeContext({ exec, platform: 'darwin' }));
    expect(exec.lines().filter((l) => l.startsWith('osascript -e set'))).toEqual(['osascript -e set volume output muted false', 'osascript -e set volume output volume 50']);
    expect(soundLevelCommands('darwin', { outputMuted: false, outputSilent: false, inputMuted: false, inputSilent: true })).toEqual([
      { file: 'osascript', args: ['-e', 'set volume input volume 75'] },
    ]);
  });

  it('macOS: coreaudiod not running is restarted with launchctl kickstart (the broker operation)', async () => {
    const exec = fakeExec({ 'pgrep -x coreaudiod': { exitCode: 1 }, 'launchctl kickstart': {} });
    expect(await soundStatusAction.run({}, makeContext({ exec, platform: 'darwin' }))).toMatchObject({ problem: 'service-stopped' });
    await soundRestartServiceAction.run({}, makeContext({ exec, platform: 'darwin' }));
    expect(exec.lines()).toContain('launchctl kickstart -k system/com.apple.audio.coreaudiod');
  });

  it('the default device is only ever switched on Linux', async () => {
    const exec = fakeExec({});
    expect(await soundSetDefaultAction.run({}, makeContext({ exec, platform: 'win32' }))).toMatchObject({ ok: false, available: false });
    expect(exec.calls).toEqual([]);
  });
});
