/**
 * `firstline lint --lang nl|fr|de` (issue 16): coded diagnostics are worded from
 * locales/<lang>/lint.json, file:line:col: severity stays as editors and CI parse it, English stays
 * the default, and every code exists in all four languages with the same placeholders.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintCommand } from '../../../cli/commands/lint.ts';
import { lintTables } from '../../../core/engine/lint-messages.ts';
import { ruleFor } from '../../../core/engine/source-diagnostics.ts';
import { langs } from '../../../core/kernel/lang.ts';
import en from '../../../locales/en/lint.json' with { type: 'json' };
import { captureIo } from '../cli/helpers.ts';

let dir = '';
let broken = '';
let tabbed = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-lint-i18n-'));
  broken = path.join(dir, 'broken.yaml');
  writeFileSync(
    broken,
    [
      'id: broken',
      'version: "1.0.0"',
      'title: { en: Broken }',
      'summary: { en: Broken, nl: Kapot, fr: Cassé, de: Kaputt }',
      'platforms: [linux]',
      'category: x',
      'steps:',
      '  - id: s',
      '    type: check',
      '    title: { en: S, nl: S, fr: S, de: S }',
      '    action: printer.stauts',
      '    when: "steps.zz.outcome == \'failed\'"',
      '',
    ].join('\n'),
  );
  tabbed = path.join(dir, 'tabbed.yaml');
  writeFileSync(tabbed, 'id: x\nsteps:\n\t- id: a\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(args: string[]) {
  const c = captureIo();
  const code = await lintCommand(args, c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

const root = path.resolve(import.meta.dirname, '..', '..', '..');
/** The TypeScript files under `dir` (relative to the repository), tests left out. */
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(root, dir, f));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('lint messages in four languages', () => {
  it('every diagnostic code has an English description and a translation in nl, fr and de with the same placeholders', () => {
    const codes = Object.keys(en) as (keyof typeof en)[];
    expect(codes.length).toBeGreaterThan(25);
    for (const code of codes) {
      expect(en[code].description.length, code).toBeGreaterThan(10);
      for (const lang of langs) {
        const message = lintTables[lang][code]?.message;
        expect(message, `${lang} ${code}`).toBeTruthy();
        expect(placeholders(message ?? ''), `${lang} ${code}`).toEqual(placeholders(en[code].message));
        // A part that is only placeholders and punctuation ("{where}: {detail}.") has nothing to translate.
        const words = /\p{L}/u.test(en[code].message.replace(/\{\w+\}/g, ''));
        if (lang !== 'en' && words) expect(message, `${lang} ${code} is a translation`).not.toBe(en[code].message);
      }
    }
  });

  it('every schema rule a lint finding can quote has its rule.* translation, and every code used in the source exists', () => {
    // Rules are the custom messages of the schemas lint validates against (troubleshooter, article,
    // author test, action inputs); a new .regex/.refine message without a rule.* entry fails here.
    // core/fixes/**/config.ts holds policy settings, checked by `policy check`, not by lint.
    const files = [...sources('core/engine'), ...sources('core/fixes').filter((f) => path.basename(f) !== 'config.ts')];
    const rules: string[] = [];
    const codes: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (/from 'zod'/.test(text)) {
        for (const m of text.matchAll(/\.(?:regex|refine)\((?:[^()]|\([^()]*\))*?,\s*'((?:[^'\\]|\\.)*)'\s*\)/g)) rules.push(m[1] ?? '');
        for (const m of text.matchAll(/\bmessage:\s*'((?:[^'\\]|\\.)*)'/g)) rules.push(m[1] ?? '');
      }
      for (const m of text.matchAll(/\b(?:code:\s*|coded\(|ConditionSyntaxError\([^;]*?, )'([a-z]+\.[A-Za-z.]+)'/g)) codes.push(m[1] ?? '');
    }
    expect(rules.length).toBeGreaterThan(15);
    expect(rules.filter((rule) => ruleFor(rule.replace(/\\(.)/g, '$1')) === undefined)).toEqual([]);
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((code) => !(code in en))).toEqual([]);
  });

  const cases = {
    en: [
      'step "s": unknown action "printer.stauts". Did you mean "printer.status"',
      'There is no step "zz".',
      'title: no nl, fr, de translation; employees will see the English text.',
      'line 3 is indented with a tab',
      'Files checked: 2; errors: 3; warnings: 1.',
    ],
    nl: [
      'stap "s": onbekende actie "printer.stauts". Bedoel je "printer.status"',
      'Er is geen stap "zz".',
      'title: geen vertaling in nl, fr, de; medewerkers zien de Engelse tekst.',
      'regel 3 springt in met een tab',
      'Bestanden gecontroleerd: 2; fouten: 3; waarschuwingen: 1.',
    ],
    fr: [
      'étape « s » : action inconnue « printer.stauts ». Vouliez-vous dire "printer.status"',
      'Il n’y a pas d’étape « zz ».',
      'title : pas de traduction nl, fr, de ; les employés verront le texte anglais.',
      'la ligne 3 est indentée avec une tabulation',
      'Fichiers vérifiés : 2 ; erreurs : 3 ; avertissements : 1.',
    ],
    de: [
      'Schritt „s“: unbekannte Aktion „printer.stauts“. Meinten Sie "printer.status"',
      'Es gibt keinen Schritt „zz“.',
      'title: keine Übersetzung nl, fr, de; Mitarbeitende sehen den englischen Text.',
      'Zeile 3 ist mit einem Tabulator eingerückt',
      'Geprüfte Dateien: 2; Fehler: 3; Warnungen: 1.',
    ],
  } as const;

  for (const [lang, expected] of Object.entries(cases)) {
    it(`--lang ${lang} words the findings in that language and keeps file:line:col: severity`, async () => {
      const { code, out, err } = await lint([broken, tabbed, ...(lang === 'en' ? [] : ['--lang', lang])]);
      expect(code).toBe(1);
      const [action, ref, translation, tab, summary] = expected;
      expect(out).toContain(`${broken}:11:13: error: ${action}`);
      expect(out).toContain(`${broken}:12:12: error: ${ref}`);
      expect(out).toContain(`${broken}:3:8: warning: ${translation}`);
      expect(out).toMatch(new RegExp(`${tabbed.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:1: error: .*${tab}`));
      expect(err).toBe(summary);
    });
  }

  it('refuses an unknown language', async () => {
    await expect(lint([broken, '--lang', 'es'])).rejects.toThrow('--lang must be en, nl, fr or de');
  });
});
