/**
 * Parsers for the sound read-outs: `pactl` (C locale), `sc query` (the state number, the same in
 * every Windows language), the Core Audio script's JSON, `system_profiler SPAudioDataType -json`
 * and AppleScript's `get volume settings`. Each returns undefined where it cannot tell.
 */

/** `pactl info` → the server and the default devices. */
export function parsePactlInfo(text: string): { server?: string; defaultSink?: string; defaultSource?: string } {
  const value = (key: string) => new RegExp(`^${key}:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
  const server = value('Server Name');
  const defaultSink = value('Default Sink');
  const defaultSource = value('Default Source');
  return { ...(server ? { server } : {}), ...(defaultSink ? { defaultSink } : {}), ...(defaultSource ? { defaultSource } : {}) };
}

/** `pactl list short sinks|sources` → device names (tab-separated: index, name, driver, spec, state). */
export function parsePactlShort(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split('\t')[1]?.trim() ?? '')
    .filter((name) => name !== '');
}

/** PulseAudio's placeholder when it has no sound card ("Dummy Output"), and a speaker's monitor (records what is played, not a microphone). */
export const isDummySink = (name: string) => name === 'auto_null';
export const isRealSource = (name: string) => !name.endsWith('.monitor') && !name.startsWith('auto_null');

/** `Mute: yes` → true. */
export function parseMute(text: string): boolean | undefined {
  const match = /^Mute:\s*(yes|no)\b/m.exec(text);
  return match ? match[1] === 'yes' : undefined;
}

/** `Volume: front-left: 0 /   0% / -inf dB,   front-right: …` → the loudest channel in percent. */
export function parseVolumePercent(text: string): number | undefined {
  const line = /^Volume:(.*)$/m.exec(text)?.[1];
  if (!line) return undefined;
  const values = [...line.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
  return values.length > 0 ? Math.max(...values) : undefined;
}

/**
 * `sc query Audiosrv`: `STATE : 4  RUNNING`. The key is not read (it may be translated); the state
 * token after the number is what sc prints in every language.
 */
export function parseScState(text: string): 'running' | 'stopped' | 'unknown' {
  const state = /:\s*\d\s+(STOPPED|START_PENDING|STOP_PENDING|RUNNING|CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\b/.exec(text)?.[1];
  if (state === 'RUNNING' || state === 'START_PENDING' || state === 'CONTINUE_PENDING') return 'running';
  if (state === 'STOPPED' || state === 'STOP_PENDING') return 'stopped';
  return 'unknown';
}

export type Level = { muted: boolean; volume: number };
export type WindowsAudio = { outputs: number; inputs: number; output: Level | null; input: Level | null };

const level = (value: unknown): Level | null => {
  if (!value || typeof value !== 'object') return null;
  const { muted, volume } = value as { muted?: unknown; volume?: unknown };
  return typeof muted === 'boolean' && typeof volume === 'number' ? { muted, volume } : null;
};

/** The Core Audio script's JSON (a UTF-8 BOM may lead). */
export function parseWindowsAudio(text: string): WindowsAudio | undefined {
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '').trim()) as Record<string, unknown>;
    if (typeof parsed.outputs !== 'number' || typeof parsed.inputs !== 'number') return undefined;
    return { outputs: parsed.outputs, inputs: parsed.inputs, output: level(parsed.output), input: level(parsed.input) };
  } catch {
    return undefined;
  }
}

export type MacDevices = { outputs: string[]; inputs: string[]; defaultOutput?: string; defaultInput?: string };

/** `system_profiler SPAudioDataType -json`: devices are the leaves of nested `_items` (one level on current macOS, two on older). */
export function parseSystemProfilerAudio(text: string): MacDevices | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const groups = (parsed as { SPAudioDataType?: unknown }).SPAudioDataType;
  if (!Array.isArray(groups)) return undefined;
  const leaves = (node: unknown): Record<string, unknown>[] => {
    if (!node || typeof node !== 'object') return [];
    const items = (node as { _items?: unknown })._items;
    return Array.isArray(items) ? items.flatMap(leaves) : [node as Record<string, unknown>];
  };
  const devices = groups.flatMap(leaves).filter((d) => typeof d._name === 'string');
  const name = (d: Record<string, unknown>) => d._name as string;
  const result: MacDevices = {
    outputs: devices.filter((d) => d.coreaudio_device_output !== undefined).map(name),
    inputs: devices.filter((d) => d.coreaudio_device_input !== undefined).map(name),
  };
  const defaultOutput = devices.find((d) => d.coreaudio_default_audio_output_device === 'spaudio_yes');
  const defaultInput = devices.find((d) => d.coreaudio_default_audio_input_device === 'spaudio_yes');
  if (defaultOutput) result.defaultOutput = name(defaultOutput);
  if (defaultInput) result.defaultInput = name(defaultInput);
  return result;
}

/** `output volume:50, input volume:75, alert volume:100, output muted:false` ("missing value" without a device). */
export function parseVolumeSettings(text: string): { outputVolume?: number; inputVolume?: number; outputMuted?: boolean } {
  const number = (key: string) => {
    const value = new RegExp(`${key}:(\\d+)`).exec(text)?.[1];
    return value === undefined ? undefined : Number(value);
  };
  const muted = /output muted:(true|false)/.exec(text)?.[1];
  const outputVolume = number('output volume');
  const inputVolume = number('input volume');
  return { ...(outputVolume === undefined ? {} : { outputVolume }), ...(inputVolume === undefined ? {} : { inputVolume }), ...(muted ? { outputMuted: muted === 'true' } : {}) };
}
