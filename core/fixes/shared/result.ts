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

/** Runs commands in order, stopping at the first failure. */
export async function runSequence(ctx: ActionContext, commands: readonly Command[], timeoutMs?: number): Promise<{ ok: boolean; notFound: boolean; error?: string }> {
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
