/**
 * The employee window's strings: every key exists in en, nl, fr and de, each message is valid
 * ICU, and every translation uses exactly the arguments (with the same types) the English one
 * does — a missing `{count}` or a `{nombre}` typo would otherwise only show up on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const langs = ['en', 'nl', 'fr', 'de'] as const;
type LocaleFile = Record<string, { message?: unknown; description?: unknown }>;

function load(lang: string): LocaleFile {
  return JSON.parse(readFileSync(path.join(root, 'locales', lang, 'app.json'), 'utf8')) as LocaleFile;
}

const typeName: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag',
};

/** `name:type` of every argument, including those nested in plural/select branches. */
function argumentsOf(elements: readonly MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    const kind = typeName[el.type];
    if (kind && 'value' in el && typeof el.value === 'string') out.add(`${el.value}:${kind}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
  }
  return out;
}

function args(message: string): string[] {
  return [...argumentsOf(parse(message))].sort();
}

const files = Object.fromEntries(langs.map((l) => [l, load(l)])) as Record<(typeof langs)[number], LocaleFile>;
const keys = Object.keys(files.en);

describe('locales/*/app.json', () => {
  it('has the same keys in every language', () => {
    for (const lang of langs) {
      const missing = keys.filter((k) => !(k in files[lang]));
      const extra = Object.keys(files[lang]).filter((k) => !(k in files.en));
      expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('gives translators a description for every English message', () => {
    const undescribed = keys.filter((k) => typeof files.en[k]?.description !== 'string' || (files.en[k]?.description as string).trim() === '');
    expect(undescribed).toEqual([]);
  });

  it('parses every message as ICU and uses the same arguments as English', () => {
    const problems: string[] = [];
    for (const key of keys) {
      const reference = args(String(files.en[key]?.message));
      for (const lang of langs) {
        const message = files[lang][key]?.message;
        if (typeof message !== 'string' || message.trim() === '') {
          problems.push(`${lang} ${key}: empty or not a string`);
          continue;
        }
        let found: string[];
        try {
          found = args(message);
        } catch (error) {
          problems.push(`${lang} ${key}: not valid ICU (${(error as Error).message})`);
          continue;
        }
        if (found.join() !== reference.join()) problems.push(`${lang} ${key}: arguments [${found.join(', ')}] but en has [${reference.join(', ')}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('detects a translation whose arguments differ from English', () => {
    // Guards the comparison above: a renamed argument and a dropped plural must both be caught.
    expect(args('{count, plural, one {# fix} other {# fixes}}')).not.toEqual(args('{n, plural, one {# fix} other {# fixes}}'));
    expect(args('Now: {step}')).not.toEqual(args('Nu: stap'));
    expect(args('{count, plural, one {Attached: {names}} other {# files}}')).toEqual(['count:plural', 'names:text']);
  });

  it('has a message for every key the window asks for', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name)) {
          const source = readFileSync(file, 'utf8');
          // Literal keys in t('…') calls and key tables ('run.status.passed', …).
          for (const m of source.matchAll(/['"`]((?:action|common|nav|home|outage|run|consent|question|ending|history|myTickets|settings|contact|ticket)\.[A-Za-z.-]+)['"`]/g)) used.add(m[1] ?? '');
        }
      }
    };
    walk(path.join(root, 'renderer', 'src'));
    const missing = [...used].filter((k) => !(k in files.en) && !k.endsWith('.'));
    expect(missing).toEqual([]);
  });
});
