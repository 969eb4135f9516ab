/**
 * `firstline lint --lang nl|fr|de` prints no English sentence (issue 16, round 4): broken files
 * with every kind of finding the linter makes (test/fixtures/lint-words, test/fixtures/engine/invalid
 * and a few made here: images, huge and unreadable files, catalogs, author tests) are linted in the
 * four languages. Every finding must have a code whose English wording is its `message`; in nl, fr
 * and de it must differ from English and, once the quoted names and the argument values are taken
 * out, contain no English words. Every code and part in locales/en/lint.json must be produced by at
 * least one of these files, unless listed below with the reason it cannot be.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintCommand } from '../../../cli/commands/lint.ts';
import { cliRegistry } from '../../../cli/registry.ts';
import { runAuthorTestFile } from '../../../core/engine/author-test.ts';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { lintMessage, localizedMessage, type LintCode } from '../../../core/engine/lint-messages.ts';
import { loadEntryFile, loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { readCatalogFile, tooLargeDiagnostic } from '../../../core/engine/read-catalog-file.ts';
import type { Diagnostic } from '../../../core/kernel/diagnostics.ts';
import en from '../../../locales/en/lint.json' with { type: 'json' };
import { captureIo } from '../cli/helpers.ts';

const fixtures = path.resolve(import.meta.dirname, '..', '..', 'fixtures');

/** Parts no file can produce today, and why; a part that becomes reachable must leave this list. */
const unreachable: Record<string, string> = {
  'issue.tooShort': 'no schema has a minimum text length above 1 (min(1) is worded "must not be empty")',
  'issue.lessThan': 'no schema has an exclusive maximum',
  'issue.format': 'every format check in the schemas has its own rule.* sentence',
  'issue.multipleOf': 'no schema has a multipleOf check',
  'yaml.convert': 'the yaml package fails toJS only on aliases (yaml.tooManyAliases) once the document parsed',
  'yaml.missingCharacter': 'the parser reports its missing characters as quotes, flow ends or list items, each worded on its own',
  'schema.untranslatedRule': 'only for a schema rule without its rule.* translation, which lint-i18n.test.ts refuses',
  'action.untranslatedRule': 'only for an action input rule without its rule.* translation, which lint-i18n.test.ts refuses',
};

const t4 = (x: string) => `{ en: ${x}, nl: ${x}, fr: ${x}, de: ${x} }`;
const yamlTexts: Record<string, string> = {
  'yaml-indent.yaml': 'id: x\nsteps:\n  - id: a\n  title: t\n',
  'yaml-item.yaml': 'id: x\nsteps:\n  - id: a\n    title: t\n   kind: check\n',
  'yaml-two-keys.yaml': 'id: x\nsteps:\n  - id: a title: b\n',
  'yaml-quote.yaml': 'id: x\ntitle: "unclosed\nsummary: y\n',
  'yaml-colon.yaml': 'id: x\nsteps\n  - id: a\n',
  'yaml-at.yaml': 'id: x\ntitle: @home\n',
  'yaml-list-open.yaml': 'id: x\nplatforms: [linux, win32\nsummary: y\n',
  'yaml-dup-unnamed.yaml': '? \n: 1\n? \n: 2\n',
  'yaml-tag.yaml': 'id: !foo x\n',
  'yaml-directive.yaml': '%FOO bar\n---\nid: x\n',
  'yaml-unexpected.yaml': 'id: x\n]\n',
  'yaml-alias.yaml': 'id: *nope\n',
  'yaml-aliases.yaml': `a: &a [1]\nb: [${Array(60).fill('*a').join(', ')}]\n`,
  'yaml-deep.yaml': `id: x\nx: ${'{a: '.repeat(1500)}1${'}'.repeat(1500)}\n`,
  'article-long.yaml': `kind: article\nid: long\nversion: "1.0.0"\ntitle: ${t4('A')}\nsummary: ${t4('A')}\ncategory: x\nsteps:\n${`  - text: ${t4('A')}\n`.repeat(21)}`,
};

let dir = '';
const all: Diagnostic[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-lint-words-'));
  cpSync(path.join(fixtures, 'lint-words'), dir, { recursive: true });
  cpSync(path.join(fixtures, 'engine', 'invalid'), dir, { recursive: true });
  for (const [name, text] of Object.entries(yamlTexts)) writeFileSync(path.join(dir, name), text);
  // Article images that are a folder, too large, or a link out of the catalog.
  mkdirSync(path.join(dir, 'images', 'folder.png'), { recursive: true });
  writeFileSync(path.join(dir, 'images', 'big.png'), Buffer.alloc(3 * 1024 * 1024));
  writeFileSync(path.join(tmpdir(), `fl-outside-${path.basename(dir)}.png`), 'x');
  symlinkSync(path.join(tmpdir(), `fl-outside-${path.basename(dir)}.png`), path.join(dir, 'images', 'outside.png'));
  writeFileSync(path.join(dir, 'huge.yaml'), `id: huge\n# ${'x'.repeat(1024 * 1024)}\n`);

  const registry = cliRegistry();
  for (const name of [...Object.keys(yamlTexts), 'huge.yaml', 'article-broken.yaml', 'schema-kinds.yaml', 'semantics-all.yaml', 'conditions.yaml', 'schema.yaml', 'semantics.yaml']) {
    all.push(...(await loadEntryFile(path.join(dir, name), registry)).diagnostics);
  }
  for (const name of ['yaml-tab.yaml', 'yaml-duplicate.yaml', 'yaml-other.yaml', 'yaml-list.yaml', 'yaml-two-docs.yaml', 'yaml-syntax.yaml', 'missing-script.yaml']) {
    all.push(...(await loadEntryFile(path.join(dir, name), registry)).diagnostics);
  }
  // What `lint` cannot reach through the CLI registry, the catalog or the file system here.
  const small = builtinRegistry();
  const head = `id: t\nversion: "1.0.0"\ntitle: ${t4('T')}\nsummary: ${t4('S')}\nplatforms: [linux]\ncategory: test\nsteps:\n`;
  all.push(...loadTroubleshooterText(`${head}  - id: a\n    type: check\n    title: ${t4('A')}\n    action: nothing.here\n`, 'small.yaml', small).diagnostics);
  all.push(...loadTroubleshooterText(`kind: article\nid: a\nversion: "1.0.0"\ntitle: ${t4('A')}\nsummary: ${t4('A')}\ncategory: x\nsteps:\n  - text: ${t4('A')}\n`, 'article.yaml', small).diagnostics);
  all.push(tooLargeDiagnostic('growing.yaml', undefined));
  const unreadable = await readCatalogFile(path.join(dir, 'images'));
  if (!unreadable.ok) all.push(unreadable.diagnostic);

  // A catalog: two files with one id, a step pointing to an article it lacks, a file that breaks the loader.
  const catalog = path.join(dir, 'catalog');
  mkdirSync(catalog);
  const info = `  - id: i\n    type: info\n    title: ${t4('I')}\n    text: ${t4('I')}\n    article: not-here\n`;
  writeFileSync(path.join(catalog, 'a.yaml'), head + info);
  writeFileSync(path.join(catalog, 'b.yaml'), head + info);
  writeFileSync(path.join(catalog, 'c.yaml'), head + info.replace('id: i', 'id: j'));
  all.push(...(await loadCatalog(catalog, small)).diagnostics);
  all.push(...(await loadCatalog(catalog, small, { loadFile: () => Promise.reject(new Error('boom')) })).diagnostics.slice(0, 1));
  all.push(...(await loadCatalog(path.join(dir, 'no-such-folder'), small)).diagnostics);

  // Author tests: names that do not exist, an unreadable file, a file that is not a mapping.
  cpSync(path.join(fixtures, 'engine', 'catalog'), path.join(dir, 'tests', 'catalog'), { recursive: true });
  cpSync(path.join(fixtures, 'engine', 'author-tests'), path.join(dir, 'tests', 'author-tests'), { recursive: true });
  const typos = path.join(dir, 'tests', 'author-tests', 'typos.test.yaml');
  writeFileSync(typos, `${(await import('node:fs')).readFileSync(typos, 'utf8')}      steps: { nope: passed }\n`);
  all.push(...(await runAuthorTestFile(typos, registry)).diagnostics);
  all.push(...(await runAuthorTestFile(path.join(dir, 'tests', 'none.test.yaml'), registry)).diagnostics);
  writeFileSync(path.join(dir, 'tests', 'list.test.yaml'), '- a\n');
  all.push(...(await runAuthorTestFile(path.join(dir, 'tests', 'list.test.yaml'), registry)).diagnostics);
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(tmpdir(), `fl-outside-${path.basename(dir)}.png`), { force: true });
});

/** Words that are English and not Dutch, French or German (in a sentence, outside quotes and values). */
const englishWords = new Set(
  (
    'the must should only with without which there this that does cannot needs found expected unknown step line value file use used missing allowed give either ' +
    'both never always before after add language least most characters empty can here than instead larger split several read write replaced ' +
    'listed under such closed nested deeply levels did you mean are has have not and or to be its is of at entries too few many'
  ).split(' '),
);
const dutchToo = new Set(['is', 'of']); // Dutch words too: judged only in fr and de

/** The English words left in `text` once argument values, quoted names and code-like tokens are taken out. */
function englishLeft(text: string, d: Diagnostic, lang: string): string[] {
  let rest = text;
  const values = Object.values(d.args ?? {}).flatMap((v) => (Array.isArray(v) ? v : v === undefined ? [] : [String(v)]));
  for (const v of values.filter((x) => x.length > 1).sort((a, b) => b.length - a.length)) rest = rest.split(v).join(' ');
  rest = rest
    .replace(/"[^"]*"|«[^»]*»|„[^“]*“|'[^']*'/g, ' ')
    .replace(/\bnot in \[[^\]]*\]/g, ' ')
    .replace(/\b[a-z-]+:(?=[\s)]|$)/g, ' ') // YAML keys: "when:", "with:"
    .replace(/\S*\w[._<>/\\-]\w\S*/g, ' ');
  return rest
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => englishWords.has(w) && (lang !== 'nl' || !dutchToo.has(w)));
}

describe('every lint finding in four languages', () => {
  it('has a code whose English wording is its message', () => {
    expect(all.length).toBeGreaterThan(150);
    const uncoded = all.filter((d) => d.code === undefined).map((d) => `${path.basename(d.file)}:${d.line}: ${d.message}`);
    expect(uncoded).toEqual([]);
    for (const d of all) expect(lintMessage('en', d.code as LintCode, d.args), d.code).toBe(d.message);
  });

  for (const lang of ['nl', 'fr', 'de'] as const) {
    it(`in ${lang}: no finding is left in English`, () => {
      const same = all.filter((d) => localizedMessage(d, lang) === d.message).map((d) => `${d.code}: ${d.message}`);
      expect(same).toEqual([]);
      const english = all.map((d) => ({ code: d.code, text: localizedMessage(d, lang), words: englishLeft(localizedMessage(d, lang), d, lang) })).filter((x) => x.words.length > 0);
      expect(english).toEqual([]);
    });
  }

  it('the English-word check catches an untranslated sentence', () => {
    const d: Diagnostic = { file: 'x', line: 1, column: 1, severity: 'error', message: '', code: 'step.duplicateId', args: { id: 'a' } };
    expect(englishLeft('The step id "a" is used twice; step ids must be unique.', d, 'de')).toEqual(expect.arrayContaining(['the', 'step', 'used', 'must']));
    expect(englishLeft(localizedMessage(d, 'de'), d, 'de')).toEqual([]);
  });

  it('produces every code and part of locales/en/lint.json, except the few no file can reach today', () => {
    const produced = new Set<string>();
    for (const d of all) {
      produced.add(d.code ?? '');
      for (const key of ['detail', 'cause'] as const) if (typeof d.args?.[key] === 'string') produced.add(d.args[key]);
      if (typeof d.args?.expected === 'string') produced.add(`kind.${d.args.expected}`);
      if (typeof d.args?.foundKind === 'string') produced.add(`kind.${d.args.foundKind}`);
    }
    const missing = Object.keys(en).filter((key) => !/^(where|hint)\./.test(key) && !produced.has(key) && !(key in unreachable));
    expect(missing).toEqual([]);
    expect(Object.keys(unreachable).filter((key) => produced.has(key))).toEqual([]);
  });

  it('lint --lang nl prints the same findings at the same places as English, worded in Dutch', async () => {
    const run = async (lang: string) => {
      const c = captureIo();
      await lintCommand([path.join(dir, 'semantics-all.yaml'), path.join(dir, 'schema-kinds.yaml'), '--lang', lang], c.io);
      return c.stdout().split('\n');
    };
    const [english, dutch] = [await run('en'), await run('nl')];
    expect(dutch).toHaveLength(english.length);
    const place = (line: string) => /^.*?:\d+:\d+: (error|warning): /.exec(line)?.[0];
    english.forEach((line, i) => {
      expect(place(dutch[i] ?? '')).toBe(place(line));
      expect(dutch[i]).not.toBe(line);
    });
    expect(dutch).toContain(
      `${path.join(dir, 'schema-kinds.yaml')}:36:5: error: stap "three": onbekende sleutel "titel". Bedoel je "title"? (De toegestane sleutels staan in troubleshooters/schema.json.)`,
    );
  });
});
