/** An exec port that replays recorded command output, keyed by argv; unknown commands fail the test. */
import type { ExecPort, ExecResult } from '../../../core/engine/ports.ts';

export type Recording = { stdout?: string; stderr?: string; exitCode?: number; notFound?: boolean };

export function recordedExec(recordings: Record<string, Recording>): ExecPort & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    exec(file, args) {
      const key = [file, ...args].join(' ');
      calls.push(key);
      const rec = recordings[key];
      if (!rec) return Promise.reject(new Error(`unexpected command: ${key}`));
      const result: ExecResult = {
        exitCode: rec.notFound ? null : (rec.exitCode ?? 0),
        stdout: rec.stdout ?? '',
        stderr: rec.stderr ?? '',
        timedOut: false,
        notFound: rec.notFound ?? false,
        cancelled: false,
        durationMs: 1,
      };
      return Promise.resolve(result);
    },
  };
}
