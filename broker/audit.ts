/**
 * The audit log: one JSON line per request — who (uid from the OS), what, when, the result and
 * the exact commands run. Written by the broker as administrator into a file only administrators
 * can read or write (0600, refused if it is a symlink), so an employee can neither read other
 * employees' lines nor forge or erase their own.
 */
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';

export type AuditEntry = {
  at: string;
  uid: number | null;
  /** Windows: the caller's SID and account name (uid is then null). */
  sid?: string;
  account?: string;
  op: string;
  args?: Record<string, string>;
  result: 'ok' | 'failed' | 'refused';
  code?: string;
  commands?: { file: string; args: string[]; exitCode: number | null }[];
  durationMs: number;
};

/** Values from the request are untrusted: shown JSON-escaped and cut, never as raw lines. */
export function auditArgs(args: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!args) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(args).slice(0, 4)) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
    out[key.slice(0, 32)] = text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
  }
  return out;
}

export type AuditLog = { write(entry: AuditEntry): Promise<void> };

export function createAuditLog(file: string): AuditLog {
  let chain: Promise<void> = Promise.resolve();
  const append = async (line: string) => {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o750 });
    const handle = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
    try {
      await handle.chmod(0o600);
      await handle.write(line);
    } finally {
      await handle.close();
    }
  };
  return {
    write(entry) {
      // One writer at a time so lines never interleave.
      chain = chain
        .then(() => append(`${JSON.stringify(entry)}\n`))
        .catch((error: unknown) => {
          process.stderr.write(`firstline-broker: cannot write the audit log ${file}: ${(error as Error).message}\n`);
        });
      return chain;
    },
  };
}
