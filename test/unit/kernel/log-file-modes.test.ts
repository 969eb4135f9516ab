/** The log file holds what went wrong on the employee's machine: only that user may read it (#11). */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../../core/log.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const posix = process.platform !== 'win32';
if (!posix) console.log('log-file-modes: skipped, POSIX file modes do not apply on Windows');

it.skipIf(!posix)('creates the log file 0600 and its folder 0700, whatever the umask', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-log-modes-'));
  dirs.push(dir);
  const file = path.join(dir, 'logs', 'firstline.log');
  const old = process.umask(0o022);
  try {
    createLogger({ file, redact: (s) => s }).info('started');
  } finally {
    process.umask(old);
  }
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
});

it.skipIf(!posix)('tightens a log file and folder left readable by an older version', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-log-modes-'));
  dirs.push(dir);
  const file = path.join(dir, 'logs', 'firstline.log');
  createLogger({ file, redact: (s) => s }).info('first');
  chmodSync(file, 0o644);
  chmodSync(path.dirname(file), 0o755);
  createLogger({ file, redact: (s) => s }).info('second');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
});
