/** `firstline secret set <name>`: the value comes from stdin, lands in the Node file store, and is never printed. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { secretCommand } from '../../../cli/commands/secret.ts';
import { createFileSecretStore } from '../../../core/secrets/secret-store.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-secret-cli-'));
  dirs.push(dir);
  return dir;
};
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err, all: () => [...out, ...err].join('\n') };
};

describe('firstline secret', () => {
  it('stores the value read from stdin under the name, without the trailing newline, and never prints it', async () => {
    // A data folder that does not exist yet is created.
    const dir = path.join(dataDir(), 'dev-data');
    const c = capture();
    expect(await secretCommand(['set', 'topdesk-api', '--data-dir', dir], c.io, { readStdin: async () => 'svc:pa55 word\n' })).toBe(0);
    expect(await createFileSecretStore(path.join(dir, 'secrets.json')).get('topdesk-api')).toBe('svc:pa55 word');
    expect(c.all()).toContain('topdesk-api');
    expect(c.all()).not.toContain('pa55');

    const list = capture();
    expect(await secretCommand(['list', '--data-dir', dir], list.io)).toBe(0);
    expect(list.out).toEqual(['topdesk-api']);
  });

  it('refuses a value on the command line without storing or echoing it', async () => {
    const dir = dataDir();
    const c = capture();
    let stdinRead = false;
    const code = await secretCommand(['set', 'topdesk-api', 'hunter2-value', '--data-dir', dir], c.io, { readStdin: async () => ((stdinRead = true), 'x') });
    expect(code).toBe(2);
    expect(stdinRead).toBe(false);
    expect(c.all()).not.toContain('hunter2');
    expect(await createFileSecretStore(path.join(dir, 'secrets.json')).names()).toEqual([]);
  });

  it('refuses an empty value and a missing --data-dir', async () => {
    const dir = dataDir();
    expect(await secretCommand(['set', 'a', '--data-dir', dir], capture().io, { readStdin: async () => '\n' })).toBe(2);
    expect(await createFileSecretStore(path.join(dir, 'secrets.json')).names()).toEqual([]);
    expect(await secretCommand(['set', 'a'], capture().io, { readStdin: async () => 'v' })).toBe(2);
  });

  it('works end to end through npm run firstline with the value piped on stdin', async () => {
    const dir = dataDir();
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'secret', 'set', 'zammad-token', '--data-dir', dir], { cwd: repo, timeout: 60_000 }, (error, out) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout: out }),
      );
      child.stdin?.end('zt_9f8e7d6c\n');
    });
    expect(code).toBe(0);
    expect(stdout).not.toContain('zt_9f8e7d6c');
    expect(await createFileSecretStore(path.join(dir, 'secrets.json')).get('zammad-token')).toBe('zt_9f8e7d6c');
    // The development store is not encrypted, so only its owner may read it.
    expect(statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});
