/**
 * Sound and microphone in calls: status (read-only), levels (unmute, lift a zero volume), default
 * device (Linux), restart the sound service (administrator on Windows/macOS: broker operation
 * `sound.restart-service`; the employee's own sound server on Linux).
 */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { briefError, isSafeArgument, runArgv, succeeded } from '../shared/exec.ts';
import { fixResultSchema, runSequence } from '../shared/result.ts';
import { nothingNeeded, say } from '../shared/text.ts';
import { linuxRestartAlternatives, restartServiceCommand, setDefaultCommand, soundLevelCommands } from './commands.ts';
import { readSound, soundProblem, soundProblems, type SoundState } from './read.ts';
import { soundTexts as t } from './texts.ts';

function finding(s: SoundState, ctx: ActionContext): string {
  switch (soundProblem(s)) {
    case 'none':
      return say(t.allGood, ctx.lang);
    case 'not-available':
      return say(t.notAvailable, ctx.lang);
    case 'service-stopped':
      return say(t.serviceStopped, ctx.lang);
    case 'no-output-device':
      return say(t.noOutput, ctx.lang);
    case 'no-input-device':
      return say(t.noInput, ctx.lang);
    case 'wrong-default':
      return say(t.wrongDefault, ctx.lang, { device: (s.wrongOutput ? s.defaultOutput : s.defaultInput) ?? '—' });
    case 'muted':
      return say(t.muted, ctx.lang);
    case 'volume-zero':
      return say(t.silent, ctx.lang);
  }
}

export const soundStatusAction = defineAction({
  name: 'sound.status',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      available: z.boolean(),
      finding: z.string(),
      /** The first problem in repair order (engine outcome.ts names it as the cause). */
      problem: z.enum(soundProblems),
      service: z.enum(['running', 'stopped', 'unknown']),
      outputs: z.number().int(),
      inputs: z.number().int(),
      hasDevices: z.boolean(),
      /** Muted or at volume 0, speaker or microphone: what `sound.levels` repairs. */
      levelsOff: z.boolean(),
      outputMuted: z.boolean(),
      inputMuted: z.boolean(),
      outputVolume: z.number().nullable(),
      inputVolume: z.number().nullable(),
      wrongDefault: z.boolean(),
      defaultOutput: z.string().optional(),
      defaultInput: z.string().optional(),
      error: z.string().optional(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeStatus, lang),
  async run(_input, ctx) {
    const s = await readSound(ctx);
    const problem = soundProblem(s);
    return {
      ok: problem === 'none',
      available: s.available,
      finding: finding(s, ctx),
      problem,
      service: s.service,
      outputs: s.outputs.length,
      inputs: s.inputs.length,
      hasDevices: s.outputs.length > 0 && s.inputs.length > 0,
      levelsOff: s.outputMuted || s.inputMuted || s.outputVolume === 0 || s.inputVolume === 0,
      outputMuted: s.outputMuted,
      inputMuted: s.inputMuted,
      outputVolume: s.outputVolume,
      inputVolume: s.inputVolume,
      wrongDefault: s.wrongOutput || s.wrongInput,
      ...(s.defaultOutput ? { defaultOutput: s.defaultOutput } : {}),
      ...(s.defaultInput ? { defaultInput: s.defaultInput } : {}),
      ...(s.error ? { error: s.error } : {}),
    };
  },
});

export const soundLevelsAction = defineAction({
  name: 'sound.levels',
  input: () => z.object({}).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeLevels, lang),
  async run(_input, ctx) {
    const s = await readSound(ctx);
    const commands = soundLevelCommands(ctx.platform, {
      outputMuted: s.outputMuted,
      outputSilent: s.outputVolume === 0,
      inputMuted: s.inputMuted,
      inputSilent: s.inputVolume === 0,
    });
    // Act only on what was found: a level that is fine is never touched.
    if (commands.length === 0) return { ok: true, available: s.available, finding: say(nothingNeeded, ctx.lang) };
    const result = await runSequence(ctx, commands, 20_000);
    return result.ok
      ? { ok: true, available: true, finding: say(t.levelsFixed, ctx.lang) }
      : { ok: false, available: !result.notFound, finding: say(t.fixFailed, ctx.lang), ...(result.error ? { error: result.error } : {}) };
  },
});

export const soundSetDefaultAction = defineAction({
  name: 'sound.set-default',
  input: () => z.object({}).strict(),
  result: () => fixResultSchema.extend({ output: z.string().optional(), input: z.string().optional() }),
  // Windows and macOS have no supported command for it: the troubleshooter shows where to choose.
  platforms: ['linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeDefault, lang),
  async run(_input, ctx) {
    if (ctx.platform !== 'linux') return { ok: false, available: false, finding: say(t.chooseYourself, ctx.lang) };
    const s = await readSound(ctx);
    // The first real device the sound server lists; its names come from the machine, never from input.
    const output = s.wrongOutput ? s.outputs.find(isSafeArgument) : undefined;
    const input = s.wrongInput ? s.inputs.find(isSafeArgument) : undefined;
    if (!s.wrongOutput && !s.wrongInput) return { ok: true, available: true, finding: say(nothingNeeded, ctx.lang) };
    if (output === undefined && input === undefined) return { ok: false, available: true, finding: say(t.noOtherDevice, ctx.lang) };
    const commands = [...(output ? [setDefaultCommand('output', output)] : []), ...(input ? [setDefaultCommand('input', input)] : [])];
    const result = await runSequence(ctx, commands, 10_000);
    const device = [output, input].filter(Boolean).join(', ');
    return result.ok
      ? { ok: true, available: true, finding: say(t.defaultSet, ctx.lang, { device }), ...(output ? { output } : {}), ...(input ? { input } : {}) }
      : { ok: false, available: true, finding: say(t.fixFailed, ctx.lang), ...(result.error ? { error: result.error } : {}) };
  },
});

export const soundRestartServiceAction = defineAction({
  name: 'sound.restart-service',
  input: () => z.object({}).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeRestart, lang),
  async run(_input, ctx) {
    // Act only on what was diagnosed: a sound service that runs is not restarted.
    const before = await readSound(ctx);
    if (before.service === 'running') return { ok: true, available: true, finding: say(nothingNeeded, ctx.lang) };
    const command = restartServiceCommand(ctx.platform);
    if (command) {
      const result = await runSequence(ctx, [command], 30_000);
      return result.ok
        ? { ok: true, available: true, finding: say(t.restarted, ctx.lang) }
        : { ok: false, available: !result.notFound, finding: say(t.restartFailed, ctx.lang), ...(result.error ? { error: result.error } : {}) };
    }
    const errors: string[] = [];
    for (const alternative of linuxRestartAlternatives) {
      const result = await runArgv(ctx, alternative.file, alternative.args, { timeoutMs: 20_000 });
      if (succeeded(result)) return { ok: true, available: true, finding: say(t.restarted, ctx.lang) };
      errors.push(`${[alternative.file, ...alternative.args].join(' ')}: ${briefError(result)}`);
    }
    return { ok: false, available: true, finding: say(t.restartFailed, ctx.lang), error: errors.join('; ').slice(0, 600) };
  },
});

export const soundActions = [soundStatusAction, soundLevelsAction, soundSetDefaultAction, soundRestartServiceAction];
