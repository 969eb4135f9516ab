/**
 * The README's screenshot table and docs/screenshots/ agree: every image scripts/screenshots.ts
 * wrote is shown, and the README shows no image that is not there (a renamed or dropped screen).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('README screenshots', () => {
  it('references every image in docs/screenshots and none that is missing', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const referenced = [...new Set([...readme.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1] as string))].sort();
    const files = readdirSync(path.join(root, 'docs', 'screenshots'))
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(files.length).toBeGreaterThan(10);
    expect(referenced).toEqual(files);
  });

  it('the script writes exactly the names the README shows', () => {
    const script = readFileSync(path.join(root, 'scripts', 'screenshots.ts'), 'utf8');
    const names = [...script.matchAll(/shoot\(page, lang, '([\w-]+)'\)/g)].map((m) => m[1] as string);
    const langs = [...script.matchAll(/for \(const lang of \[([^\]]+)\]/g)].flatMap((m) => [...(m[1] as string).matchAll(/'(\w+)'/g)].map((l) => l[1] as string));
    expect(langs.length).toBeGreaterThan(0);
    const expected = langs.flatMap((lang) => names.map((name) => `${lang}-${name}.png`)).sort();
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect([...new Set([...readme.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1] as string))].sort()).toEqual(expected);
  });
});
