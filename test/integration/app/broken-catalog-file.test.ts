/**
 * A broken catalog file never stops the app (#11): it is left out, logged with file:line:column,
 * and listed for IT under Company settings (policy:about catalogProblems), while every other
 * troubleshooter loads.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline } from '../../../app/compose.ts';
import { createDispatcher } from '../../../app/dispatcher.ts';
import { createLogger } from '../../../core/log.ts';
import { maxCatalogFileBytes } from '../../../core/engine/read-catalog-file.ts';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('starts with the good troubleshooters and reports each broken file with its location', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-broken-catalog-'));
  dirs.push(dir);
  const catalogDir = path.join(dir, 'catalog');
  cpSync(fixture, catalogDir, { recursive: true });
  const deep = [
    'id: deep',
    'version: "1.0.0"',
    'title: { en: Deep, nl: Diep, fr: Profond, de: Tief }',
    'summary: { en: Deep, nl: Diep, fr: Profond, de: Tief }',
    'platforms: [linux]',
    'category: other',
    'steps:',
    '  - id: tool',
    '    type: check',
    '    title: { en: Tool, nl: Tool, fr: Outil, de: Werkzeug }',
    '    action: command.exists',
    `    when: "${'('.repeat(3000)}true${')'.repeat(3000)}"`,
    '    with: { command: sh }',
    '    expect: [{ field: exists, equals: true }]',
    '',
  ].join('\n');
  writeFileSync(path.join(catalogDir, 'deep.yaml'), deep);
  writeFileSync(path.join(catalogDir, 'huge.yaml'), `# ${'x'.repeat(maxCatalogFileBytes)}\n`);
  writeFileSync(path.join(catalogDir, 'syntax.yaml'), 'id: [unclosed\n');
  const lines: string[] = [];
  const log = createLogger({ redact: (s) => s, echo: (line) => lines.push(line) });
  const app = await createFirstline({ ...testAppDefaults(dir), catalogDir, platform: 'linux', log });
  try {
    const call = createDispatcher(app.handlers, log);
    const list = (await call('catalog:list', { lang: 'en' }, { trusted: true })) as { ok: true; value: { id: string }[] };
    expect(list.value.map((s) => s.id)).toContain('label-file');
    const about = (await call('policy:about', {}, { trusted: true })) as { ok: true; value: { catalogProblems?: { file: string; line: number; column: number; message: string }[] } };
    const problems = about.value.catalogProblems ?? [];
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}`)).toEqual(expect.arrayContaining(['deep.yaml:12:76', 'huge.yaml:1:1', 'syntax.yaml:2:1']));
    expect(problems.find((p) => p.file.endsWith('deep.yaml'))?.message).toMatch(/nested more than 64 levels/);
    expect(problems.find((p) => p.file.endsWith('huge.yaml'))?.message).toMatch(/byte limit/);
    const logged = lines.filter((l) => l.includes('catalog: troubleshooter left out')).join('\n');
    expect(logged).toContain(`${path.join(catalogDir, 'deep.yaml')}:12:76`);
    expect(logged).toContain(`${path.join(catalogDir, 'huge.yaml')}:1:1`);
  } finally {
    await app.dispose();
  }
});
