import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../core/engine/action.ts';
import { builtinRegistry, commandExistsAction, scriptCommand } from '../../../core/engine/builtin-actions.ts';
import { composeRegistries, createRegistry } from '../../../core/engine/registry.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'firstline-builtin-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ctx = (env: Record<string, string>, platform: ActionContext['platform'] = 'linux'): ActionContext => ({
  exec: { exec: () => Promise.reject(new Error('not used')) },
  platform,
  signal: new AbortController().signal,
  timeoutMs: 1000,
  env,
  policy: {},
  catalogDir: dir,
  lang: 'en',
  now: () => new Date(),
});

describe('built-in actions', () => {
  it('builds PowerShell and sh argv with the script arguments as separate elements', () => {
    expect(scriptCommand('C:\\cat\\fix.ps1', ['a b', '"; x'], 'win32')).toEqual({
      file: 'powershell',
      args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', 'C:\\cat\\fix.ps1', 'a b', '"; x'],
    });
    expect(scriptCommand('/cat/fix.sh', ['$(x)'], 'linux')).toEqual({ file: '/bin/sh', args: ['/cat/fix.sh', '$(x)'] });
    expect(scriptCommand('/cat/fix.ps1', [], 'darwin').file).toBe('pwsh');
    expect(() => scriptCommand('C:\\cat\\fix.sh', [], 'win32')).toThrow(/cannot run on Windows/);
  });

  it('command.exists finds an executable on PATH without running anything', async () => {
    mkdirSync(path.join(dir, 'bin'));
    writeFileSync(path.join(dir, 'bin', 'nmcli'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'bin', 'nmcli'), 0o755);
    writeFileSync(path.join(dir, 'bin', 'notexec'), 'x');
    const env = { PATH: `${path.join(dir, 'missing')}:${path.join(dir, 'bin')}` };
    expect(await commandExistsAction.run({ command: 'nmcli' }, ctx(env))).toEqual({ ok: true, exists: true, path: path.join(dir, 'bin', 'nmcli') });
    expect(await commandExistsAction.run({ command: 'lpstat' }, ctx(env))).toEqual({ ok: false, exists: false });
    expect((await commandExistsAction.run({ command: 'notexec' }, ctx(env))).exists).toBe(false);
  });

  it('refuses to register or compose two actions with the same name', () => {
    expect(() => composeRegistries(builtinRegistry(), builtinRegistry())).toThrow(/registered twice/);
    const composed = composeRegistries(builtinRegistry(), createRegistry([{ ...commandExistsAction, name: 'extra.exists' }]));
    expect(composed.names()).toEqual(['command.exists', 'env.platform', 'extra.exists', 'script', 'script.check']);
  });
});
