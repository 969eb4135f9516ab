/**
 * One logger with scopes. Every line is redacted before it is written; lines are JSON so the
 * admin can grep and ship them. Writes are appended synchronously: log lines are few and a
 * crash must not lose the last one. The file is the employee's alone: created 0600 in a 0700
 * folder, and a file or folder left wider by an older version is tightened on start (#11).
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
  scope(name: string): Logger;
};

export function createLogger(options: {
  file?: string;
  redact: (text: string) => string;
  level?: Level;
  scope?: string;
  /** Extra sink, e.g. stderr in development. */
  echo?: (line: string) => void;
}): Logger {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(options.level ?? 'info');
  if (options.file) prepareLogFile(options.file);

  const write = (level: Level, message: string, details?: unknown) => {
    if (order.indexOf(level) < min) return;
    const record = { at: new Date().toISOString(), level, scope: options.scope ?? 'app', message, details };
    let line: string;
    try {
      line = JSON.stringify(record);
    } catch {
      line = JSON.stringify({ ...record, details: '[unserialisable]' });
    }
    line = options.redact(line);
    if (options.file) appendFileSync(options.file, line + '\n', { mode: 0o600 });
    options.echo?.(line);
  };

  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    scope: (name) => createLogger({ ...options, scope: options.scope ? `${options.scope}:${name}` : name }),
  };
}

/** Creates the folder 0700 and tightens an existing folder and file (chmod is a no-op on Windows; ACLs there come from the profile). */
function prepareLogFile(file: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
    if (existsSync(file)) chmodSync(file, 0o600);
  } catch {
    // Not ours to change (a shared folder an admin pointed the log at): the mode on create still applies.
  }
}
