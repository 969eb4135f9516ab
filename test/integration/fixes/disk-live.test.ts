/**
 * Live disk-full fix on Linux: a 64 MB tmpfs (in a private mount namespace, so nothing outlives the
 * test) holds a home with documents, temporary internet files and a full trash. The disk-full
 * troubleshooter runs through the real engine and actions, as root and as an unprivileged
 * employee; free space is read back from the file system, documents must be untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.platform === 'linux' && process.getuid?.() === 0;
const canUnshare = root && spawnSync('unshare', ['--mount', '--', 'true']).status === 0;
if (!canUnshare) console.log('disk-live: skipped, mounting a private tmpfs needs Linux, root and unshare (CI runs as root)');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Line = {
  name: string;
  uid: number;
  before: number;
  after: number;
  intact: boolean;
  outcome: string;
  reasonCode: string;
  steps: Array<[string, string]>;
  clean?: { freedBytes: number };
  trash?: { freedBytes: number };
};

function runChild(uid?: number): Line[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-disk-live-'));
  dirs.push(dir);
  const child = new URL('./disk-live-child.ts', import.meta.url).pathname;
  const result = spawnSync('unshare', ['--mount', '--propagation', 'private', '--', process.execPath, '--import', 'tsx', child, 'mount', dir, ...(uid === undefined ? [] : [String(uid)])], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.stderr).toBe('');
  return result.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

function employee(): number {
  const user = 'firstline-employee';
  if (spawnSync('id', ['-u', user]).status !== 0) spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user]);
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function assertRuns(lines: Line[], who: string, uid: number) {
  const [cache, trash] = lines;
  const MB = 1024 * 1024;
  expect(lines.map((l) => [l.name, l.uid])).toEqual([
    [`${who}-cache-enough`, uid],
    [`${who}-trash-needed`, uid],
  ]);
  // Temporary internet files were enough: verified by reading free space again; the trash was not touched.
  expect(cache).toMatchObject({ outcome: 'resolved', reasonCode: 'verified', intact: true });
  expect(cache?.steps.filter(([, s]) => s !== 'skipped')).toEqual([
    ['space', 'failed'],
    ['clean', 'fixed'],
  ]);
  expect((cache?.after ?? 0) - (cache?.before ?? 0)).toBeGreaterThan(50 * MB);
  expect(cache?.clean?.freedBytes).toBeGreaterThan(50 * MB);
  // Too few temporary files: the clean-up is not called a fix; emptying the trash is, after its re-check.
  expect(trash).toMatchObject({ outcome: 'resolved', reasonCode: 'verified', intact: true });
  expect(trash?.steps.filter(([, s]) => s !== 'skipped')).toEqual([
    ['space', 'failed'],
    ['clean', 'failed'],
    ['trash', 'fixed'],
  ]);
  expect(trash?.trash?.freedBytes).toBeGreaterThan(50 * MB);
}

describe.skipIf(!canUnshare)('disk-full on a real, nearly full file system', () => {
  it('as root and as an unprivileged employee', () => {
    const uid = employee();
    const lines = runChild(uid);
    assertRuns(lines.slice(0, 2), 'root', 0);
    assertRuns(lines.slice(2), 'employee', uid);
  });
});
