/**
 * `.ps1` catalog scripts run as `pwsh -File <file> <args>`: an answer starting with "-" would bind
 * as a named parameter (#11). The argv that reaches the OS is recorded at the exec port.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { run } from '../../../core/engine/runner.ts';
import type { ExecPort } from '../../../core/engine/ports.ts';
import type { Platform } from '../../../core/kernel/platform.ts';
import { collect, testPorts } from './helpers.ts';

const registry = builtinRegistry();
const catalogDir = mkdtempSync(path.join(tmpdir(), 'firstline-script-args-'));
mkdirSync(path.join(catalogDir, 'scripts'));
writeFileSync(path.join(catalogDir, 'scripts', 'rename.ps1'), 'param([string]$Name, [switch]$Force)\n');
writeFileSync(path.join(catalogDir, 'scripts', 'rename.sh'), '#!/bin/sh\n');

const troubleshooter = (script: string) => {
  const loaded = loadTroubleshooterText(
    [
      'id: script-args',
      'version: "1.0.0"',
      'title: { en: Args, nl: Args, fr: Args, de: Args }',
      'summary: { en: Fixture, nl: Fixture, fr: Fixture, de: Fixture }',
      'platforms: [win32, linux, darwin]',
      'category: other',
      'steps:',
      '  - id: name',
      '    type: ask',
      '    title: { en: Name, nl: Naam, fr: Nom, de: Name }',
      '    prompt: { en: Name?, nl: Naam?, fr: Nom ?, de: Name? }',
      '    answer: text',
      '  - id: rename',
      '    type: check',
      '    title: { en: Rename, nl: Hernoemen, fr: Renommer, de: Umbenennen }',
      '    action: script.check',
      `    with: { path: scripts/${script}, args: ["-Name", "\${{ answers.name }}", "prefix-\${{ answers.name }}"] }`,
      '    expect: [{ field: ok, equals: true }]',
      '',
    ].join('\n'),
    'inline.yaml',
    registry,
    { baseDir: catalogDir },
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.troubleshooter;
};

async function argvFor(answer: string, platform: Platform, script = 'rename.ps1') {
  const argv: string[][] = [];
  const exec: ExecPort = { exec: async (file, args) => (argv.push([file, ...args]), { exitCode: 0, stdout: '', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1 }) };
  const ports = { ...testPorts({ answers: { name: answer } }), exec };
  const events = await collect(run(troubleshooter(script), ports, { registry, catalogDir, platform, answers: { name: answer } }));
  const result = events.find((e) => e.type === 'action-result');
  return { argv, error: result?.type === 'action-result' ? result.error : undefined };
}

describe('arguments of catalog scripts', () => {
  it('passes an ordinary answer as one value after the parameter IT wrote', async () => {
    const { argv, error } = await argvFor('Alice Smith', 'win32');
    expect(error).toBeUndefined();
    expect(argv).toEqual([
      ['powershell', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', path.join(catalogDir, 'scripts', 'rename.ps1'), '-Name', 'Alice Smith', 'prefix-Alice Smith'],
    ]);
  });

  it.each(['-Force', '–Force', '—Force', '-', '-Name:evil'])('refuses an answer %s that PowerShell would bind as a parameter, and runs nothing', async (answer) => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { argv, error } = await argvFor(answer, platform);
      expect(argv).toEqual([]);
      expect(error).toMatch(/Argument 2 of "scripts\/rename\.ps1" starts with .* read as an option/);
    }
  });

  it('refuses a templated value with a line break, and applies the same rule to .sh scripts', async () => {
    expect((await argvFor('a\nb', 'linux')).argv).toEqual([]);
    const sh = await argvFor('-x', 'linux', 'rename.sh');
    expect(sh.argv).toEqual([]);
    expect(sh.error).toMatch(/read as an option/);
  });

  it('a "-" inside a value is fine: only the first character decides', async () => {
    const { argv } = await argvFor('Jean-Luc', 'win32');
    expect(argv[0]?.slice(-2)).toEqual(['Jean-Luc', 'prefix-Jean-Luc']);
  });
});
