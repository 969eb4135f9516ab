import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { maxArticleImageBytes } from '../../../core/engine/article-schema.ts';
import { createTroubleshooterCache } from '../../../core/engine/catalog-cache.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { loadEntryText, loadTroubleshooterText } from '../../../core/engine/loader.ts';

const registry = fullActionRegistry();
const builtin = path.resolve(import.meta.dirname, '../../../troubleshooters');
const png = path.join(builtin, 'images/windows-key-p.png');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-article-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const head = ['kind: article', 'id: how-to', 'version: "1.0.0"', 'title: { en: T, nl: T, fr: T, de: T }', 'summary: { en: S, nl: S, fr: S, de: S }', 'category: workplace'];
const article = (...lines: string[]) => [...head, ...lines].join('\n');
const step = (text: string, ...more: string[]) => ['  - text: { en: "' + text + '", nl: x, fr: x, de: x }', ...more.map((m) => `    ${m}`)];
const errors = (text: string, baseDir?: string) =>
  loadEntryText(text, path.join(baseDir ?? dir, 'a.yaml'), registry, baseDir ? { baseDir } : {})
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}: ${d.message}`);

describe('knowledge articles in the built-in catalog', () => {
  it('ships at least eight, lint clean and translated into nl, fr and de', async () => {
    const catalog = await loadCatalog(builtin, registry);
    expect(catalog.articles.length).toBeGreaterThanOrEqual(8);
    expect(catalog.diagnostics).toEqual([]);
    for (const { article: a } of catalog.articles) {
      expect([a.id, a.title.nl, a.title.fr, a.title.de].every(Boolean)).toBe(true);
      for (const s of a.steps) expect([a.id, s.text.nl && s.text.fr && s.text.de ? 'translated' : 'missing']).toEqual([a.id, 'translated']);
    }
  });

  it('every article reference from a troubleshooter step resolves in the built-in catalog', async () => {
    const catalog = await loadCatalog(builtin, registry);
    const ids = new Set(catalog.articles.map((a) => a.article.id));
    const refs = catalog.entries.flatMap((e) => e.troubleshooter.steps.flatMap((s) => (s.type === 'info' && s.article ? [s.article] : [])));
    for (const ref of refs) expect(ids.has(ref), ref).toBe(true);
  });
});

describe('article lint', () => {
  it('loads a valid article with a policy value, a policy link and a shipped image', () => {
    mkdirSync(path.join(dir, 'images'));
    copyFileSync(png, path.join(dir, 'images/key.png'));
    const text = article(
      'policy: [companyPortalUrl, phishingReportAddress]',
      'steps:',
      ...step('Forward it to ${{ policy.phishingReportAddress }}.', 'if-policy-missing: { en: Ask IT., nl: x, fr: x, de: x }'),
      ...step('Open the portal.', 'link: { url-from-policy: companyPortalUrl }', 'image: { path: images/key.png, alt: { en: Keys, nl: x, fr: x, de: x } }', 'platforms: [win32]'),
    );
    const result = loadEntryText(text, path.join(dir, 'a.yaml'), registry, { baseDir: dir });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.article?.steps).toHaveLength(2);
  });

  it('refuses policy values that are not declared, non-policy templates and policy values in the fallback', () => {
    const found = errors(
      article(
        'policy: [a]',
        'steps:',
        ...step('x ${{ policy.b }}'),
        ...step('x ${{ answers.q }}'),
        ...step('x ${{ policy.a }}', 'if-policy-missing: { en: "y ${{ policy.a }}", nl: x, fr: x, de: x }'),
      ),
    );
    expect(found).toEqual([
      expect.stringContaining('policy key "b" is used but not listed under "policy:"'),
      expect.stringContaining('articles can only insert policy values'),
      expect.stringContaining('"if-policy-missing" is shown when a policy value is missing, so it cannot use one'),
    ]);
  });

  it('needs exactly one of url and url-from-policy in a link, and https only', () => {
    expect(errors(article('steps:', ...step('x', 'link: { label: { en: L } }')))).toEqual([expect.stringContaining('a link needs "url" or "url-from-policy"')]);
    expect(errors(article('policy: [p]', 'steps:', ...step('x', 'link: { url: "https://a.example", url-from-policy: p }')))).toEqual([expect.stringContaining('not both')]);
    expect(errors(article('steps:', ...step('x', 'link: { url: "http://a.example" }')))).toEqual([expect.stringContaining('https://')]);
  });

  it('refuses images outside the catalog, missing, too large, not really images, or SVG', () => {
    writeFileSync(path.join(dir, 'fake.png'), 'not an image at all');
    writeFileSync(path.join(dir, 'big.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(maxArticleImageBytes)]));
    const outside = mkdtempSync(path.join(tmpdir(), 'fl-outside-'));
    copyFileSync(png, path.join(outside, 'secret.png'));
    symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'link.png'));
    const img = (p: string) => article('steps:', ...step('x', `image: { path: "${p}", alt: { en: A, nl: x, fr: x, de: x } }`));
    try {
      expect(errors(img('../secret.png'), dir)).toEqual([expect.stringContaining('without "..".')]);
      expect(errors(img('/etc/passwd.png'), dir)).toEqual([expect.stringContaining('relative to the catalog folder')]);
      expect(errors(img('drawing.svg'), dir)).toEqual([expect.stringContaining('.png, .jpg, .webp or .gif')]);
      expect(errors(img('missing.png'), dir)).toEqual([expect.stringContaining('"missing.png" does not exist next to this article')]);
      expect(errors(img('fake.png'), dir)).toEqual([expect.stringContaining('"fake.png" is not a valid PNG image')]);
      expect(errors(img('big.png'), dir)).toEqual([expect.stringContaining('images may be at most 512 KB')]);
      expect(errors(img('link.png'), dir)).toEqual([expect.stringContaining('"link.png" is outside the catalog folder')]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('warns about a step platform the article does not have and about missing translations', () => {
    const text = article('platforms: [win32]', 'steps:', '  - text: { en: Only English }', '    platforms: [darwin]');
    const warnings = loadEntryText(text, 'a.yaml', registry)
      .diagnostics.filter((d) => d.severity === 'warning')
      .map((d) => d.message);
    expect(warnings).toEqual([expect.stringContaining('no nl, fr, de translation'), expect.stringContaining("darwin is not among the article's platforms")]);
  });

  it('points at the line of an unknown key, like troubleshooter lint', () => {
    expect(errors(article('steps:', ...step('x', 'colour: red')))).toEqual([expect.stringMatching(/^9: .*unknown key "colour"/)]);
  });

  it('is not a troubleshooter: run and author-test entry points refuse it with a clear message', () => {
    const result = loadTroubleshooterText(article('steps:', ...step('x')), 'a.yaml', registry);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toContain('knowledge article (kind: article), not a troubleshooter');
  });
});

describe('articles in a catalog folder', () => {
  const troubleshooter = (id: string, articleRef: string) =>
    [
      `id: ${id}`,
      'version: "1.0.0"',
      'title: { en: T }',
      'summary: { en: S }',
      'platforms: [linux]',
      'category: x',
      'steps:',
      '  - id: read',
      '    type: info',
      '    title: { en: Read }',
      '    text: { en: Read this. }',
      `    article: ${articleRef}`,
    ].join('\n');

  it('shares one id space with troubleshooters and warns about a step pointing to a missing article', async () => {
    writeFileSync(path.join(dir, 'a.yaml'), article('steps:', ...step('x')));
    writeFileSync(path.join(dir, 'b.yaml'), troubleshooter('how-to', 'how-to'));
    writeFileSync(path.join(dir, 'c.yaml'), troubleshooter('other', 'nowhere'));
    const catalog = await loadCatalog(dir, registry);
    expect(catalog.articles.map((a) => a.article.id)).toEqual(['how-to']);
    expect(catalog.entries.map((e) => e.troubleshooter.id)).toEqual(['other']);
    const relevant = catalog.diagnostics.filter((d) => !d.message.includes('translation'));
    expect(relevant.map((d) => `${path.basename(d.file)} ${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^b\.yaml error: The id "how-to" is already used by .*a\.yaml/),
      'c.yaml warning: step "read": there is no article "nowhere" in this catalog.',
    ]);
  });

  it('serves articles from the validated-catalog cache on the next start', async () => {
    writeFileSync(path.join(dir, 'a.yaml'), article('steps:', ...step('x')));
    const cacheFile = path.join(dir, 'cache', 'catalog-cache.json');
    const first = createTroubleshooterCache(cacheFile, { appVersion: '1', registry });
    const cold = await loadCatalog(dir, registry, { loadFile: first.loadFile });
    await first.save();
    const second = createTroubleshooterCache(cacheFile, { appVersion: '1', registry });
    const warm = await loadCatalog(dir, registry, { loadFile: second.loadFile });
    expect([second.hits, second.misses]).toEqual([1, 0]);
    expect(warm.articles).toEqual(cold.articles);
  });
});
