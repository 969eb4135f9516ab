/** Reads the sound state of this computer: service, devices, the default devices and their mute/volume. */
import type { ActionContext } from '../../engine/action.ts';
import { runArgv, succeeded } from '../shared/exec.ts';
import { soundReadCommands, type Argv } from './commands.ts';
import { isDummySink, isRealSource, parseMute, parsePactlInfo, parsePactlShort, parseScState, parseSystemProfilerAudio, parseVolumePercent, parseVolumeSettings, parseWindowsAudio } from './parse.ts';

export const soundProblems = ['none', 'not-available', 'service-stopped', 'no-output-device', 'no-input-device', 'wrong-default', 'muted', 'volume-zero'] as const;
export type SoundProblem = (typeof soundProblems)[number];

export type SoundState = {
  /** False when this computer offers no way to read it (pactl missing, script failed). */
  available: boolean;
  service: 'running' | 'stopped' | 'unknown';
  outputs: string[];
  inputs: string[];
  outputMuted: boolean;
  inputMuted: boolean;
  outputVolume: number | null;
  inputVolume: number | null;
  defaultOutput?: string;
  defaultInput?: string;
  /** Linux: the default is PulseAudio's "Dummy Output" or a speaker's monitor while a real device exists. */
  wrongOutput: boolean;
  wrongInput: boolean;
  error?: string;
};

const nothing: Omit<SoundState, 'available' | 'service'> = {
  outputs: [],
  inputs: [],
  outputMuted: false,
  inputMuted: false,
  outputVolume: null,
  inputVolume: null,
  wrongOutput: false,
  wrongInput: false,
};

const exec = (ctx: ActionContext, command: Argv) => runArgv(ctx, command.file, command.args, { timeoutMs: 20_000, locale: ctx.platform === 'win32' ? 'keep' : 'c' });

async function readLinux(ctx: ActionContext): Promise<SoundState> {
  const c = soundReadCommands('linux');
  const info = await exec(ctx, c.info!);
  if (info.notFound) return { available: false, service: 'unknown', ...nothing, error: 'pactl: command not found' };
  // pactl cannot reach a sound server: "Connection failure: Connection refused".
  if (!succeeded(info)) return { available: true, service: 'stopped', ...nothing, error: `pactl info: ${(info.stderr || info.stdout).trim().split('\n')[0] ?? ''}` };
  const { defaultSink, defaultSource } = parsePactlInfo(info.stdout);
  const [sinks, sources, sinkMute, sinkVolume, sourceMute, sourceVolume] = await Promise.all(
    [c.sinks!, c.sources!, c.sinkMute!, c.sinkVolume!, c.sourceMute!, c.sourceVolume!].map((command) => exec(ctx, command)),
  );
  const outputs = parsePactlShort(sinks!.stdout).filter((n) => !isDummySink(n));
  const inputs = parsePactlShort(sources!.stdout).filter(isRealSource);
  const wrongOutput = outputs.length > 0 && (defaultSink === undefined || !outputs.includes(defaultSink));
  const wrongInput = inputs.length > 0 && (defaultSource === undefined || !inputs.includes(defaultSource));
  return {
    available: true,
    service: 'running',
    outputs,
    inputs,
    outputMuted: outputs.length > 0 && !wrongOutput && parseMute(sinkMute!.stdout) === true,
    inputMuted: inputs.length > 0 && !wrongInput && parseMute(sourceMute!.stdout) === true,
    outputVolume: outputs.length > 0 ? (parseVolumePercent(sinkVolume!.stdout) ?? null) : null,
    inputVolume: inputs.length > 0 ? (parseVolumePercent(sourceVolume!.stdout) ?? null) : null,
    ...(defaultSink ? { defaultOutput: defaultSink } : {}),
    ...(defaultSource ? { defaultInput: defaultSource } : {}),
    wrongOutput,
    wrongInput,
  };
}

async function readWindows(ctx: ActionContext): Promise<SoundState> {
  const c = soundReadCommands('win32');
  const service = parseScState((await exec(ctx, c.service!)).stdout);
  if (service === 'stopped') return { available: true, service, ...nothing };
  const devices = await exec(ctx, c.devices!);
  const audio = succeeded(devices) ? parseWindowsAudio(devices.stdout) : undefined;
  if (!audio) return { available: false, service, ...nothing, error: `Core Audio read-out: ${(devices.stderr || devices.stdout).trim().split('\n')[0] ?? 'no output'}` };
  // Windows names devices in the employee's language; the count and the defaults' levels are what matter here.
  const names = (n: number, kind: string) => Array.from({ length: n }, (_, i) => `${kind} ${i + 1}`);
  return {
    available: true,
    service,
    outputs: names(audio.outputs, 'output'),
    inputs: names(audio.inputs, 'input'),
    outputMuted: audio.output?.muted ?? false,
    inputMuted: audio.input?.muted ?? false,
    outputVolume: audio.output?.volume ?? null,
    inputVolume: audio.input?.volume ?? null,
    // Windows always picks a default while a device exists; "no default" with devices means none for calls.
    wrongOutput: audio.outputs > 0 && audio.output === null,
    wrongInput: audio.inputs > 0 && audio.input === null,
  };
}

async function readMac(ctx: ActionContext): Promise<SoundState> {
  const c = soundReadCommands('darwin');
  const running = await exec(ctx, c.service!);
  // pgrep: exit 1 = no such process.
  if (running.exitCode === 1) return { available: true, service: 'stopped', ...nothing };
  const [devices, levels] = await Promise.all([exec(ctx, c.devices!), exec(ctx, c.levels!)]);
  const found = succeeded(devices) ? parseSystemProfilerAudio(devices.stdout) : undefined;
  if (!found) return { available: false, service: succeeded(running) ? 'running' : 'unknown', ...nothing, error: 'system_profiler SPAudioDataType gave no device list' };
  const volume = parseVolumeSettings(levels.stdout);
  return {
    available: true,
    service: 'running',
    outputs: found.outputs,
    inputs: found.inputs,
    outputMuted: volume.outputMuted === true,
    // A Mac's microphone has no mute: a level of 0 is how it is silenced.
    inputMuted: false,
    outputVolume: volume.outputVolume ?? null,
    inputVolume: volume.inputVolume ?? null,
    ...(found.defaultOutput ? { defaultOutput: found.defaultOutput } : {}),
    ...(found.defaultInput ? { defaultInput: found.defaultInput } : {}),
    wrongOutput: false,
    wrongInput: false,
  };
}

export function readSound(ctx: ActionContext): Promise<SoundState> {
  switch (ctx.platform) {
    case 'linux':
      return readLinux(ctx);
    case 'win32':
      return readWindows(ctx);
    case 'darwin':
      return readMac(ctx);
  }
}

/** The first problem, in the order the troubleshooter repairs them. */
export function soundProblem(s: SoundState): SoundProblem {
  if (!s.available) return 'not-available';
  if (s.service === 'stopped') return 'service-stopped';
  if (s.outputs.length === 0) return 'no-output-device';
  if (s.inputs.length === 0) return 'no-input-device';
  if (s.wrongOutput || s.wrongInput) return 'wrong-default';
  if (s.outputMuted || s.inputMuted) return 'muted';
  if (s.outputVolume === 0 || s.inputVolume === 0) return 'volume-zero';
  return 'none';
}
