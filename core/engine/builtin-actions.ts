/**
 * Generic built-in actions every catalog may use. Domain actions (network, printer, Teams,
 * password) live in core/fixes and are registered next to these by the composition root.
 */
import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { defineAction, type ActionContext } from './action.ts';
import { platforms } from '../kernel/platform.ts';
import type { Lang } from '../kernel/lang.ts';
import { createRegistry } from './registry.ts';
import { hasTemplate } from './template.ts';

const scriptInput = z.strictObject({
  path: z
    .string()
    .min(1)
    .refine((p) => !path.isAbsolute(p) && !path.win32.isAbsolute(p) && !p.split(/[\\/]/).includes('..'), {
      message: 'Scripts are referenced by a path relative to the catalog, without "..".',
    })
    .refine((p) => /\.(?:ps1|sh)$/i.test(p), { message: 'Only .ps1 (PowerShell) and .sh scripts can be run.' }),
  args: z.array(z.string()).default([]),
});
const scriptResult = z.object({
  ok: z.boolean(),
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  /** Parsed from stdout when the script prints one JSON object. */
  data: z.record(z.string(), z.unknown()).optional(),
});
type ScriptInput = z.infer<typeof scriptInput>;

/** Resolves a catalog script and refuses anything that leaves the catalog (`..`, symlinks). */
export async function resolveCatalogScript(catalogDir: string, relative: string): Promise<string> {
  const root = await realpath(catalogDir);
  const candidate = path.resolve(root, relative);
  const real = await realpath(candidate);
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`Script "${relative}" is outside the catalog and was refused.`);
  }
  return real;
}

/** argv for a script: never a shell string; the arguments stay separate elements. */
export function scriptCommand(file: string, args: readonly string[], platform: string): { file: string; args: string[] } {
  if (/\.ps1$/i.test(file)) {
    const exe = platform === 'win32' ? 'powershell' : 'pwsh';
    return { file: exe, args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', file, ...args] };
  }
  if (platform === 'win32') throw new Error('Shell scripts (.sh) cannot run on Windows; ship a .ps1 script.');
  return { file: '/bin/sh', args: [file, ...args] };
}

/** PowerShell reads a leading -, – (en dash), — (em dash) or ― as a parameter name. */
const optionLike = /^[-\u2013\u2014\u2015]/;

/**
 * `pwsh -File x.ps1 <args>` binds an argument that starts with "-" to a named parameter (#11), and
 * a shell script's getopts does the same. Arguments IT wrote literally may be options
 * (`-PrinterName`); a value that came from a template (an answer, a result, policy) may not, nor
 * may it hold NUL or a line break.
 */
export function templatedArgumentProblem(raw: unknown, input: ScriptInput): string | undefined {
  const written = raw !== null && typeof raw === 'object' && Array.isArray((raw as { args?: unknown }).args) ? ((raw as { args: unknown[] }).args as unknown[]) : [];
  for (const [i, value] of input.args.entries()) {
    const source = written[i];
    if (typeof source === 'string' && !hasTemplate(source)) continue;
    if (optionLike.test(value)) return `Argument ${i + 1} of "${input.path}" starts with "${value[0] ?? ''}" and would be read as an option by the script; it was not run.`;
    if (/[\0\r\n]/.test(value)) return `Argument ${i + 1} of "${input.path}" holds a line break or NUL character; it was not run.`;
  }
  return undefined;
}

function definedEnv(env: ActionContext['env']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

async function runScript(input: ScriptInput, ctx: ActionContext): Promise<z.infer<typeof scriptResult>> {
  const file = await resolveCatalogScript(ctx.catalogDir, input.path);
  const cmd = scriptCommand(file, input.args, ctx.platform);
  const res = await ctx.exec.exec(cmd.file, cmd.args, {
    timeout: ctx.timeoutMs,
    signal: ctx.signal,
    cwd: path.dirname(file),
    env: definedEnv(ctx.env),
  });
  if (res.notFound) throw new Error(`The interpreter "${cmd.file}" is not installed.`);
  let data: Record<string, unknown> | undefined;
  const text = res.stdout.trim();
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: the output stays an excerpt in the event only.
    }
  }
  return { ok: res.exitCode === 0 && !res.timedOut, exitCode: res.exitCode, timedOut: res.timedOut, ...(data ? { data } : {}) };
}

const scriptDescriptions: Record<Lang, (p: string) => string> = {
  en: (p) => `Run the IT script "${p}".`,
  nl: (p) => `Het IT-script "${p}" uitvoeren.`,
  fr: (p) => `Exécuter le script informatique « ${p} ».`,
  de: (p) => `Das IT-Skript „${p}“ ausführen.`,
};

/** A catalog script that may change the machine: consent first, never run in a dry run. */
export const scriptAction = defineAction({
  name: 'script',
  input: scriptInput,
  result: scriptResult,
  platforms,
  changesMachine: true,
  describe: (input, lang) => scriptDescriptions[lang](input.path),
  run: runScript,
  checkSubstituted: templatedArgumentProblem,
  catalogFiles: (input) => [input.path],
});

/** A catalog script the author declares read-only (a check): runs without consent. */
export const scriptCheckAction = defineAction({
  name: 'script.check',
  input: scriptInput,
  result: scriptResult,
  platforms,
  changesMachine: false,
  run: runScript,
  checkSubstituted: templatedArgumentProblem,
  catalogFiles: (input) => [input.path],
});

/** Is a command on PATH? Pure file-system lookup, no child process. */
export const commandExistsAction = defineAction({
  name: 'command.exists',
  input: () => z.strictObject({ command: z.string().regex(/^[\w.+-]+$/, 'A bare command name such as "nmcli".') }),
  result: () => z.object({ ok: z.boolean(), exists: z.boolean(), path: z.string().optional() }),
  platforms,
  changesMachine: false,
  async run(input, ctx) {
    const win = ctx.platform === 'win32';
    const dirs = (ctx.env.PATH ?? ctx.env.Path ?? '').split(win ? ';' : ':').filter(Boolean);
    const exts = win ? ['', ...(ctx.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')] : [''];
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = path.join(dir, input.command + ext);
        try {
          await access(candidate, win ? constants.F_OK : constants.X_OK);
          return { ok: true, exists: true, path: candidate };
        } catch {
          // Try the next one.
        }
      }
    }
    return { ok: false, exists: false };
  },
});

/** Facts about the running OS, for checks and `${{ steps.<id>.result.* }}`. */
export const envPlatformAction = defineAction({
  name: 'env.platform',
  input: () => z.strictObject({}),
  result: () => z.object({ ok: z.boolean(), platform: z.string(), arch: z.string() }),
  platforms,
  changesMachine: false,
  run: async (_input, ctx) => ({ ok: true, platform: ctx.platform, arch: process.arch }),
});

export const builtinActions = [scriptAction, scriptCheckAction, commandExistsAction, envPlatformAction] as const;
export function builtinRegistry() {
  return createRegistry(builtinActions);
}
