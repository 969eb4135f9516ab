/** Test helpers for the fixes: an ActionContext over any exec port, and a scripted fake exec that records argv. */
import type { ActionContext } from '../../../core/engine/action.ts';
import type { Lang } from '../../../core/kernel/lang.ts';
import type { Platform } from '../../../core/kernel/platform.ts';
import type { ExecOptions, ExecPort, ExecResult } from '../../../core/engine/ports.ts';

export type Call = { file: string; args: string[]; options: ExecOptions };
export type Reply = Partial<ExecResult> | ((call: Call) => Partial<ExecResult>);

/** Replies are matched by `file args…` prefix; unmatched commands report "not found" like a missing binary. */
export function fakeExec(replies: Record<string, Reply | Reply[]> = {}): ExecPort & { calls: Call[]; lines(): string[] } {
  const calls: Call[] = [];
  const used = new Map<string, number>();
  return {
    calls,
    lines: () => calls.map((c) => [c.file, ...c.args].join(' ')),
    async exec(file, args, options) {
      const call: Call = { file, args: [...args], options };
      calls.push(call);
      const line = [file, ...args].join(' ');
      const key = Object.keys(replies)
        .filter((k) => line === k || line.startsWith(`${k} `))
        .sort((a, b) => b.length - a.length)[0];
      const base: ExecResult = { exitCode: 0, stdout: '', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1 };
      if (key === undefined) return { ...base, exitCode: null, notFound: true, stderr: `spawn ${file} ENOENT` };
      const entry = replies[key];
      let reply: Reply | undefined;
      if (Array.isArray(entry)) {
        const i = used.get(key) ?? 0;
        used.set(key, i + 1);
        reply = entry[Math.min(i, entry.length - 1)];
      } else reply = entry;
      const value = typeof reply === 'function' ? reply(call) : (reply ?? {});
      return { ...base, ...value };
    },
  };
}

export function makeContext(overrides: Partial<ActionContext> & { exec: ExecPort; platform: Platform; lang?: Lang }): ActionContext {
  return {
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    env: {},
    policy: {},
    catalogDir: '/nonexistent',
    lang: 'en',
    now: () => new Date('2026-11-24T10:00:00Z'),
    ...overrides,
  };
}
