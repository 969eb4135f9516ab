/** Result shape shared by fix actions: `ok` decides the check, `finding` is the plain sentence shown and ticketed. */
import { z } from 'zod';
import type { ActionContext } from '../../engine/action.ts';
import { briefError, runArgv, succeeded } from './exec.ts';

export const fixResultSchema = z.object({
  ok: z.boolean(),
  /** False when the OS offers no way to do this (command missing, no Wi-Fi): not an error, just not here. */
  available: z.boolean(),
  finding: z.string(),
  /** Which command failed and why, in English, for the ticket. */
  error: z.string().optional(),
  restartRequired: z.boolean().optional(),
});
export type FixResult = z.infer<typeof fixResultSchema>;

export type Command = { file: string; args: readonly string[]; env?: Record<string, string> | undefined };

/** What running a list of commands came to: all done, a command missing, or the first failure (in English). */
export type SequenceResult = { ok: boolean; notFound: boolean; error?: string };

/** The words a fix uses for the three ways its commands can end, already in the employee's language. */
export type SequenceWords = { success: string; notAvailable: string; failed: (reason: string) => string };

/**
 * The one mapping from commands that ran to a fix result, for every fix: done (the success sentence,
 * plus `extra`), not available on this machine, or failed with the reason (also kept in `error` for IT).
 */
export function sequenceOutcome(seq: SequenceResult, words: SequenceWords, extra: Partial<FixResult> = {}): FixResult {
  if (seq.ok) return { ok: true, available: true, finding: words.success, ...extra };
  const error = seq.error ? { error: seq.error } : {};
  if (seq.notFound) return { ok: false, available: false, finding: words.notAvailable, ...error };
  return { ok: false, available: true, finding: words.failed(seq.error ?? ''), ...error };
}

/** Runs commands in order, stopping at the first failure. */
export async function runSequence(ctx: ActionContext, commands: readonly Command[], timeoutMs?: number): Promise<SequenceResult> {
  for (const command of commands) {
    // Windows tools print in the user's language and we only read their exit code, so keep it.
    const result = await runArgv(ctx, command.file, command.args, {
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(command.env ? { env: command.env } : {}),
      locale: ctx.platform === 'win32' ? 'keep' : 'c',
    });
    if (!succeeded(result)) return { ok: false, notFound: result.notFound, error: `${command.file}: ${briefError(result)}` };
  }
  return { ok: true, notFound: false };
}

/** Tries each alternative (e.g. resolvectl, then systemd-resolve) until one exists; the first that ran decides. */
export async function runFirstAvailable(ctx: ActionContext, alternatives: readonly (readonly Command[])[], timeoutMs?: number): Promise<SequenceResult> {
  let last: SequenceResult = { ok: false, notFound: true };
  for (const alternative of alternatives) {
    last = await runSequence(ctx, alternative, timeoutMs);
    if (!last.notFound) break;
  }
  return last;
}
