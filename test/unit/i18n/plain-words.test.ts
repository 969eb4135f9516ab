/**
 * Issue 14, words: no DNS, DHCP, cache, spooler or print service in what the employee reads — the
 * window's texts (locales) and the built-in troubleshooters' employee fields (titles, summaries,
 * step titles, prompts, endings, `employee`). IT's fields (`it`, `reason`) and search keywords may.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const langs = ['en', 'nl', 'fr', 'de'] as const;
const words = /\b(?:dns|dhcp|spooler|print service|afdrukservice|service d['’]impression|druckdienst)\b/i;
/** "Cache" in every language but French, where "le cache de la caméra" is the camera's cover. */
const cache = { en: /cache/i, nl: /cache/i, de: /cache/i, fr: /\b(?:vider|vide|vidé)\b[^.]*\bcache\b|\bcache (?:DNS|de Teams)\b/i } as const;
const jargon = (lang: (typeof langs)[number], text: string) => words.test(text) || cache[lang].test(text);
/** Fields written for IT or for search, not shown to the employee as text. */
const notForEmployee = new Set(['it', 'reason', 'keywords', 'id', 'action', 'when', 'expect', 'with', 'cause', 'ticket', 'platforms', 'category', 'urgency']);

function employeeTexts(node: unknown, where: string, out: Array<[string, string]>): void {
  if (Array.isArray(node)) node.forEach((item, i) => employeeTexts(item, `${where}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (langs.every((lang) => typeof record[lang] === 'string')) {
      for (const lang of langs) if (jargon(lang, record[lang] as string)) out.push([`${where}.${lang}`, record[lang] as string]);
      out.push(['', '']);
      return;
    }
    for (const [key, value] of Object.entries(record)) if (!notForEmployee.has(key)) employeeTexts(value, `${where}.${key}`, out);
  }
}

describe('plain words for employees', () => {
  it('the built-in troubleshooters say no DNS, DHCP, cache, spooler or print service to the employee', () => {
    const dir = path.join(root, 'troubleshooters');
    const texts: Array<[string, string]> = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))) employeeTexts(parse(readFileSync(path.join(dir, file), 'utf8')), file, texts);
    // One empty entry per text looked at, so a walk that finds nothing cannot pass.
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.filter(([where]) => where !== '').map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('the window says none of them either, in any language', () => {
    const found = langs.flatMap((lang) =>
      Object.entries(JSON.parse(readFileSync(path.join(root, 'locales', lang, 'app.json'), 'utf8')) as Record<string, { message: string }>)
        .filter(([, v]) => jargon(lang, v.message))
        .map(([key, v]) => `${lang} ${key}: ${v.message}`),
    );
    expect(found).toEqual([]);
  });

  it("the fixes' own sentences (consent descriptions, findings, endings) say none of them either", async () => {
    const fixes = path.join(root, 'core', 'fixes');
    const files = readdirSync(fixes, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(path.join(fixes, d.name))
          .filter((f) => f === 'texts.ts' || f === 'diagnose.ts')
          .map((f) => path.join(fixes, d.name, f)),
      );
    const texts: Array<[string, string]> = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      employeeTexts(mod, path.relative(fixes, file), texts);
    }
    expect(files.length).toBeGreaterThan(8);
    expect(texts.length).toBeGreaterThan(150);
    expect(texts.filter(([where]) => where !== '').map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('the pattern catches what the review found', () => {
    for (const bad of ['Clear the DNS cache', 'De Teams-cache wissen', 'Druckdienst neu starten', 'renew DHCP']) expect(jargon('en', bad), bad).toBe(true);
    expect(jargon('fr', 'Redémarrer le service d’impression')).toBe(true);
    expect(jargon('fr', 'Vider le cache de Teams')).toBe(true);
    expect(jargon('fr', 'faites glisser le cache de la caméra')).toBe(false);
  });
});
