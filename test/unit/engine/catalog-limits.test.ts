/**
 * Limits that keep one hostile or careless catalog file from hanging or crashing the app (#11):
 * nesting depth of `when:` and `${{ }}`, file size, and a broken file left out of the catalog.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { maxConditionDepth, parseCondition } from '../../../core/engine/condition.ts';
import { loadEntryFile, loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { maxCatalogFileBytes, readCatalogFile } from '../../../core/engine/read-catalog-file.ts';
import { findTemplates } from '../../../core/engine/template.ts';

const registry = builtinRegistry();

/** A valid troubleshooter whose one check step has `when: <when>` (on line 12, value at column 11). */
function troubleshooter(id: string, when: string, command = 'sh'): string {
  return [
    `id: ${id}`,
    'version: "1.0.0"',
    'title: { en: Limits, nl: Limieten, fr: Limites, de: Grenzen }',
    'summary: { en: Fixture, nl: Fixture, fr: Fixture, de: Fixture }',
    'platforms: [linux]',
    'category: other',
    'steps:',
    '  - id: tool',
    '    type: check',
    '    title: { en: Tool, nl: Tool, fr: Outil, de: Werkzeug }',
    '    action: command.exists',
    `    when: ${when}`,
    `    with: { command: ${JSON.stringify(command)} }`,
    '    expect: [{ field: exists, equals: true }]',
    '',
  ].join('\n');
}

const tooDeep = /nested more than 64 levels/;

describe('nesting depth of conditions and templates', () => {
  it('refuses 2,000 nested parentheses in when: at the 65th one, with file, line and column', () => {
    const when = `${'('.repeat(2000)}platform == 'linux'${')'.repeat(2000)}`;
    const result = loadTroubleshooterText(troubleshooter('deep', `"${when}"`), 'deep.yaml', registry);
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => tooDeep.test(d.message));
    // Column 11 is the quote; the 65th "(" is 65 characters further.
    expect(error).toMatchObject({ file: 'deep.yaml', line: 12, column: 11 + 1 + maxConditionDepth, severity: 'error' });
  });

  it('refuses 5,000 chained "not" and a 20,000-term "or" chain instead of overflowing the stack', () => {
    for (const when of ['not '.repeat(5000) + 'true', 'true or '.repeat(20_000) + 'true', `${'['.repeat(3000)}${']'.repeat(3000)}`]) {
      const parsed = parseCondition(when);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(tooDeep);
    }
  });

  it('still accepts conditions up to the limit', () => {
    expect(parseCondition(`${'('.repeat(maxConditionDepth - 1)}true${')'.repeat(maxConditionDepth - 1)}`).ok).toBe(true);
    expect(parseCondition('true and '.repeat(maxConditionDepth) + 'true').ok).toBe(true);
    expect(parseCondition('true and '.repeat(maxConditionDepth + 1) + 'true').ok).toBe(false);
  });

  it('refuses a deeply nested ${{ }} with its position in the text', () => {
    const text = `x \${{ ${'('.repeat(3000)}answers.name${')'.repeat(3000)} }}`;
    const [template] = findTemplates(text);
    expect(template).toMatchObject({ ok: false, pos: 6 + maxConditionDepth });
    expect(template?.ok === false && template.message).toMatch(tooDeep);
    const result = loadTroubleshooterText(troubleshooter('deep-template', "platform == 'linux'", text), 'deep-template.yaml', registry);
    expect(result.diagnostics.some((d) => d.line === 13 && d.severity === 'error' && tooDeep.test(d.message))).toBe(true);
  });

  it('turns YAML nested thousands of levels deep into a located error, not a crash', () => {
    const text = `${troubleshooter('deep-yaml', 'true')}x: ${'{a: '.repeat(1500)}1${'}'.repeat(1500)}\n`;
    const result = loadTroubleshooterText(text, 'deep-yaml.yaml', registry);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toMatch(/^YAML syntax: the file is nested too deeply/);
    expect(result.diagnostics[0]?.line).toBe(15);
  });
});

describe('size limit of catalog files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-limits-'));

  it('refuses a file over 1 MiB with a located error, and accepts one just under it', async () => {
    const base = troubleshooter('big', "platform == 'linux'");
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, `${base}# ${'x'.repeat(maxCatalogFileBytes - base.length)}\n`);
    const refused = await loadEntryFile(big, registry);
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics).toEqual([expect.objectContaining({ file: big, line: 1, column: 1, severity: 'error', message: expect.stringMatching(/over the 1048576 byte limit/) })]);
    const fits = path.join(dir, 'fits.yaml');
    writeFileSync(fits, `${base}# ${'x'.repeat(maxCatalogFileBytes - base.length - 4)}\n`);
    expect((await loadEntryFile(fits, registry)).ok).toBe(true);
    // Text handed in directly (author tests, previews) gets the same limit.
    expect(loadTroubleshooterText('#'.repeat(maxCatalogFileBytes + 1), 'x.yaml', registry).diagnostics[0]?.message).toMatch(/byte limit/);
  });

  it.skipIf(!existsSync('/dev/zero'))('never reads past the limit, even from a file whose size says 0 but never ends', async () => {
    // /dev/zero stats as size 0 and reads forever: a plain readFile would never return.
    const read = await readCatalogFile('/dev/zero', 4096);
    expect(read).toMatchObject({ ok: false, diagnostic: { file: '/dev/zero', line: 1, column: 1, message: expect.stringMatching(/larger than the 4096 byte limit/) } });
  });
});

describe('a broken catalog file', () => {
  it('is left out and reported while the other troubleshooters load', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'firstline-broken-'));
    writeFileSync(path.join(dir, 'a-good.yaml'), troubleshooter('good', "platform == 'linux'"));
    writeFileSync(path.join(dir, 'b-deep.yaml'), troubleshooter('deep', `"${'('.repeat(2000)}true${')'.repeat(2000)}"`));
    writeFileSync(path.join(dir, 'c-syntax.yaml'), 'id: [unclosed\n');
    writeFileSync(path.join(dir, 'd-schema.yaml'), 'id: schema-error\n');
    writeFileSync(path.join(dir, 'e-huge.yaml'), `# ${'x'.repeat(maxCatalogFileBytes)}\n`);
    writeFileSync(path.join(dir, 'f-good.yaml'), troubleshooter('also-good', "platform == 'linux'"));
    const catalog = await loadCatalog(dir, registry);
    expect(catalog.entries.map((e) => e.troubleshooter.id)).toEqual(['good', 'also-good']);
    const failed = new Set(catalog.diagnostics.filter((d) => d.severity === 'error').map((d) => path.basename(d.file)));
    expect([...failed].sort()).toEqual(['b-deep.yaml', 'c-syntax.yaml', 'd-schema.yaml', 'e-huge.yaml']);
  });

  it('that makes the loader itself throw is left out with a diagnostic, not a rejected catalog', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'firstline-throws-'));
    writeFileSync(path.join(dir, 'a.yaml'), troubleshooter('first', "platform == 'linux'"));
    writeFileSync(path.join(dir, 'b.yaml'), troubleshooter('second', "platform == 'linux'"));
    const catalog = await loadCatalog(dir, registry, {
      loadFile: async (file, r) => {
        if (file.endsWith('a.yaml')) throw new RangeError('Maximum call stack size exceeded');
        return loadEntryFile(file, r);
      },
    });
    expect(catalog.entries.map((e) => e.troubleshooter.id)).toEqual(['second']);
    expect(catalog.diagnostics).toEqual([
      expect.objectContaining({ file: path.join(dir, 'a.yaml'), severity: 'error', message: expect.stringMatching(/could not be loaded \(Maximum call stack size exceeded\); it was left out/) }),
    ]);
  });
});
