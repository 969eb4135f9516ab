/**
 * Built-in actions: the closed set of things a troubleshooter may do. Each declares typed input
 * and result schemas, the platforms it supports and whether it changes the machine (which
 * decides consent and dry-run behaviour). Per-OS work goes through the exec port only.
 */
import type { z } from 'zod';
import type { Lang } from '../kernel/lang.ts';
import type { Platform } from '../kernel/platform.ts';
import type { ExecPort } from './ports.ts';

export type ActionContext = {
  exec: ExecPort;
  platform: Platform;
  signal: AbortSignal;
  /** Milliseconds left for this step. */
  timeoutMs: number;
  /** Environment as seen by the action (injectable in tests: HOME, LOCALAPPDATA, CUPS_SERVER…). */
  env: Readonly<Record<string, string | undefined>>;
  /** Effective policy values (read-only). */
  policy: Readonly<Record<string, unknown>>;
  /** Directory of the catalog the troubleshooter came from (scripts resolve under it). */
  catalogDir: string;
  lang: Lang;
  now(): Date;
  /** The step and phase this invocation belongs to (set by the runner; used by author-test simulation). */
  stepId?: string;
  phase?: 'check' | 'fix' | 'verify';
};

export type ActionDefinition<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> = {
  /** Dotted name used in YAML, e.g. `printer.clear-queue`. */
  name: string;
  input: I;
  result: R;
  platforms: readonly Platform[];
  /** True when running it changes the machine: consent first, never executed in a dry run. */
  changesMachine: boolean;
  /** Localized one-sentence description of what will change (shown in the consent dialog). */
  describe?(input: z.infer<I>, lang: Lang): string;
  run(input: z.infer<I>, ctx: ActionContext): Promise<z.infer<R>>;
  /**
   * A last check once templates are filled in: `raw` is the input as written in the YAML. Returns
   * why the input is refused (the action is then not run), e.g. an answer that would become an option.
   */
  checkSubstituted?(raw: unknown, input: z.infer<I>): string | undefined;
  /** Catalog-relative files this input refers to (e.g. a script); lint reports missing ones. */
  catalogFiles?(input: z.infer<I>): string[];
};

/**
 * What an action module writes: like the definition, but `input` and `result` may be functions
 * that build the schema. Built on first use, not when the module loads: the registry names every
 * action at start, and building all their zod schemas then was most of the core's cold start
 * (issue #17, `npm run bench -- start`); a troubleshooter that uses an action builds its schemas
 * when it is parsed or run.
 */
export type ActionSpec<I extends z.ZodType, R extends z.ZodType> = Omit<ActionDefinition<I, R>, 'input' | 'result'> & { input: I | (() => I); result: R | (() => R) };

/** The schema, built once on first read when the spec gave a function. */
function once<S extends z.ZodType>(schema: S | (() => S)): () => S {
  if (typeof schema !== 'function') return () => schema;
  let built: S | undefined;
  return () => (built ??= schema());
}

/** Keeps input/result types linked; `input`/`result` given as functions are built on first read. */
export function defineAction<I extends z.ZodType, R extends z.ZodType>(spec: ActionSpec<I, R>): ActionDefinition<I, R> {
  const input = once(spec.input);
  const result = once(spec.result);
  const def = { ...spec } as Omit<ActionSpec<I, R>, 'input' | 'result'> & Partial<Pick<ActionSpec<I, R>, 'input' | 'result'>>;
  delete def.input;
  delete def.result;
  return Object.defineProperties(def, { input: { get: input, enumerable: true }, result: { get: result, enumerable: true } }) as ActionDefinition<I, R>;
}
