import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionDocPath, articleSchemaPath, renderActionDoc, renderArticleSchema, renderSchema, renderTestSchema, schemaPath, testSchemaPath } from '../../../scripts/gen-schema.ts';

describe('troubleshooters/schema.json', () => {
  it('matches the JSON Schema generated from core/engine/schema.ts (run scripts/gen-schema.ts on drift)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(renderSchema());
  });

  it('has an article.schema.json next to it generated from core/engine/article-schema.ts', () => {
    expect(readFileSync(articleSchemaPath, 'utf8')).toBe(renderArticleSchema());
  });

  it('has a test.schema.json for author tests and docs/actions.md generated from the full action registry', () => {
    expect(readFileSync(testSchemaPath, 'utf8')).toBe(renderTestSchema());
    expect(readFileSync(actionDocPath, 'utf8')).toBe(renderActionDoc());
  });

  it('is a closed draft-07 schema (what YAML editors support) that requires the metadata authors must provide', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'title', 'summary', 'platforms', 'category', 'steps']));
  });
});

describe('schema.json as editors and CI use it', () => {
  it('accepts every troubleshooter in the catalog and rejects the invalid fixtures with a JSON Schema validator', async () => {
    const { default: Ajv } = await import('ajv');
    const { parse } = await import('yaml');
    const { expandPaths, isTroubleshooterFile } = await import('../../../core/engine/catalog-dir.ts');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const validateArticle = ajv.compile(JSON.parse(readFileSync(articleSchemaPath, 'utf8')) as object);
    const good = [...(await expandPaths(['troubleshooters', 'test/fixtures/engine/valid', 'test/fixtures/engine/catalog'], isTroubleshooterFile))];
    expect(good.length).toBeGreaterThan(2);
    let articles = 0;
    for (const file of good) {
      const doc = parse(readFileSync(file, 'utf8')) as { kind?: string };
      // Knowledge articles (kind: article) are checked against their own schema.
      const check = doc.kind === 'article' ? validateArticle : validate;
      if (doc.kind === 'article') articles++;
      expect([file, check(doc)], JSON.stringify(check.errors)).toEqual([file, true]);
    }
    expect(articles).toBeGreaterThanOrEqual(8);
    expect(
      validateArticle({
        kind: 'article',
        id: 'x',
        version: '1.0.0',
        title: { en: 'X' },
        summary: { en: 'X' },
        category: 'x',
        steps: [{ text: { en: 'a' }, image: { path: '../x.png', alt: { en: 'x' } } }],
      }),
    ).toBe(false);
    const bad = parse(readFileSync('test/fixtures/engine/invalid/schema.yaml', 'utf8')) as unknown;
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/id', '/version', '/title']));
  });
});

describe('schema.json action inputs', () => {
  it('checks the inputs of built-in actions in editors, accepting ${{ }} templates', async () => {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const doc = (action: string, input: unknown) => ({
      id: 'x',
      version: '1.0.0',
      title: { en: 'X' },
      summary: { en: 'X' },
      platforms: ['linux'],
      category: 'x',
      steps: [{ id: 's', type: 'check', title: { en: 'S' }, action, with: input, fix: [{ action, with: input }] }],
    });
    expect(validate(doc('script', { path: 'a.sh', args: ['${{ answers.q }}'] }))).toBe(true);
    expect(validate(doc('command.exists', { command: '${{ answers.q }}' }))).toBe(true);
    expect(validate(doc('script', { path: 'a.sh', bogus: 1 }))).toBe(false);
    expect(validate(doc('script', { args: [] }))).toBe(false);
    expect(validate(doc('network.diagnose', {}))).toBe(true);
  });
});
