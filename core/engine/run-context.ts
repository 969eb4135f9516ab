/**
 * Shared state of one run and the one place where actions are invoked: input substitution and
 * validation, the per-step time budget, cancellation, capture of the child's output for the
 * transcript, and redaction before anything becomes an event.
 */
import type { ActionDefinition } from './action.ts';
import type { Lang } from '../kernel/lang.ts';
import type { Platform } from '../kernel/platform.ts';
import { getPath, type ConditionScope } from './condition.ts';
import type { AnswerValue, Phase, RunEvent } from './events.ts';
import type { BrokerPort, ElevationPort, ExecPort, ExecResult, InteractionPort, UrlOpenerPort } from './ports.ts';
import type { Clock } from '../kernel/clock.ts';
import type { ActionRegistry } from './registry.ts';
import { redact, redactDeep, type RedactOptions } from '../redact.ts';
import { substitute } from './template.ts';

export type RunPorts = {
  exec: ExecPort;
  elevation: ElevationPort;
  interaction: InteractionPort;
  urlOpener: UrlOpenerPort;
  clock?: Clock;
  /** The elevation broker, when the app has one (see ports.ts); without it elevation needs an elevated process. */
  broker?: BrokerPort;
};

export type RunOptions = {
  registry: ActionRegistry;
  /** Directory of the catalog the troubleshooter came from (scripts resolve under it). */
  catalogDir: string;
  lang?: Lang;
  platform?: Platform;
  policy?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** Answers given up front (CLI `--answer`, author tests); other questions go to the InteractionPort. */
  answers?: Record<string, AnswerValue>;
  /** Walk the plan without executing any action (see runner.ts). */
  dryRun?: boolean;
  signal?: AbortSignal;
  runId?: string;
  /** Used when a step declares no `timeout` (default 60 s). */
  defaultTimeoutMs?: number;
  /** Upper bound for any step timeout (author tests use a short one so simulated hangs end fast). */
  maxStepTimeoutMs?: number;
  /** Extra secrets/patterns to hide from events (e.g. values from policy). */
  redact?: RedactOptions;
  /** Check action results against the action's result schema (default true; author tests relax it). */
  validateResults?: boolean;
};

type Distribute<T> = T extends unknown ? Omit<T, 'runId' | 'seq' | 'at'> : never;
export type EventBody = Distribute<RunEvent>;

export class CancelledError extends Error {}

export type Invocation = {
  ok: boolean;
  result: Record<string, unknown>;
  error?: string;
  timedOut: boolean;
  event: EventBody;
};

const excerpt = (text: string, max = 2000) => (text.length > max ? `…${text.slice(-max)}` : text);

export class RunContext {
  readonly lang: Lang;
  readonly platform: Platform;
  readonly scope: ConditionScope;
  readonly signal: AbortSignal;
  private seq = 0;
  private readonly steps: Record<string, { outcome: string; result?: Record<string, unknown> }> = {};
  private readonly answers: Record<string, AnswerValue> = {};

  constructor(
    readonly runId: string,
    readonly ports: RunPorts,
    readonly options: RunOptions,
  ) {
    this.lang = options.lang ?? 'en';
    this.platform = options.platform ?? (process.platform as Platform);
    this.signal = options.signal ?? new AbortController().signal;
    this.scope = { platform: this.platform, lang: this.lang, steps: this.steps, answers: this.answers, policy: options.policy ?? {} };
  }

  now(): Date {
    return this.ports.clock?.now() ?? new Date();
  }

  event(body: EventBody): RunEvent {
    return { ...body, runId: this.runId, seq: this.seq++, at: this.now().toISOString() } as RunEvent;
  }

  redactText(text: string): string {
    return redact(text, this.options.redact);
  }

  recordStep(id: string, outcome: string, result?: Record<string, unknown>): void {
    this.steps[id] = { outcome, ...(result ? { result } : {}) };
  }

  recordAnswer(id: string, value: AnswerValue): void {
    this.answers[id] = value;
  }

  throwIfCancelled(): void {
    if (this.signal.aborted) throw new CancelledError();
  }

  /** Runs one action within `budgetMs`; never throws except for cancellation. */
  /** `via` replaces the exec port for this invocation (a fix the elevation broker runs). */
  async invoke(stepId: string, phase: Phase, def: ActionDefinition, rawInput: unknown, budgetMs: number, via?: ExecPort): Promise<Invocation> {
    this.throwIfCancelled();
    const started = performance.now();
    let lastExec: ExecResult | undefined;
    const fail = (error: string, timedOut = false): Invocation => {
      const event: EventBody = {
        type: 'action-result',
        stepId,
        phase,
        action: def.name,
        ok: false,
        skipped: false,
        result: {},
        error: this.redactText(error),
        durationMs: performance.now() - started,
        ...this.execFields(lastExec),
      };
      return { ok: false, result: {}, error, timedOut, event };
    };
    let input: unknown;
    try {
      input = substitute(rawInput ?? {}, this.scope);
    } catch (error) {
      return fail((error as Error).message);
    }
    const parsedInput = def.input.safeParse(input);
    if (!parsedInput.success) return fail(`Invalid input for "${def.name}": ${parsedInput.error.issues.map((i) => i.message).join('; ')}`);
    const refused = def.checkSubstituted?.(rawInput ?? {}, parsedInput.data);
    if (refused !== undefined) return fail(refused);
    if (!def.platforms.includes(this.platform)) return fail(`"${def.name}" is not available on ${this.platform}.`);
    if (budgetMs <= 0) return fail('The step ran out of time.', true);

    const controller = new AbortController();
    const onCancel = () => controller.abort(new CancelledError());
    this.signal.addEventListener('abort', onCancel, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('timeout')), budgetMs);
    const exec: ExecPort = {
      exec: async (file, args, options) => {
        const res = await (via ?? this.ports.exec).exec(file, args, { ...options, signal: controller.signal, timeout: Math.min(options.timeout, budgetMs) });
        lastExec = res;
        return res;
      },
      // Forward the optional detached launcher (ports.ts) so actions can restart an app.
      ...(this.ports.exec.launch ? { launch: this.ports.exec.launch.bind(this.ports.exec) } : {}),
    };
    const pending = def.run(parsedInput.data, {
      exec,
      platform: this.platform,
      signal: controller.signal,
      timeoutMs: budgetMs,
      env: this.options.env ?? process.env,
      policy: this.options.policy ?? {},
      catalogDir: this.options.catalogDir,
      lang: this.lang,
      now: () => this.now(),
      stepId,
      phase,
    });
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
    });
    try {
      const raw = await Promise.race([pending, aborted]);
      if (controller.signal.aborted) throw controller.signal.reason;
      const checked = this.options.validateResults === false ? { success: true as const, data: raw } : def.result.safeParse(raw);
      if (!checked.success) return fail(`"${def.name}" returned an unexpected result: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const result = (checked.data ?? {}) as Record<string, unknown>;
      const ok = result.ok !== false;
      const event: EventBody = {
        type: 'action-result',
        stepId,
        phase,
        action: def.name,
        ok,
        skipped: false,
        result: redactDeep(result, this.options.redact),
        durationMs: performance.now() - started,
        ...this.execFields(lastExec),
      };
      return { ok, result, timedOut: lastExec?.timedOut ?? false, event };
    } catch (error) {
      // Give the action a moment to reap its child, so "step ended" means "child is gone".
      await Promise.race([pending.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
      if (this.signal.aborted) throw new CancelledError();
      if (controller.signal.aborted) return fail(`Stopped after ${budgetMs} ms (step timeout).`, true);
      return fail(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      this.signal.removeEventListener('abort', onCancel);
    }
  }

  private execFields(res: ExecResult | undefined) {
    if (!res) return {};
    return { exitCode: res.exitCode, stdout: excerpt(this.redactText(res.stdout)), stderr: excerpt(this.redactText(res.stderr)) };
  }

  /** A result field by dotted path (`data.ssid`). */
  static field(result: Record<string, unknown>, field: string): unknown {
    return getPath(result, field.split('.'));
  }
}

export type { ActionRegistry, ElevationPort, InteractionPort, UrlOpenerPort };
