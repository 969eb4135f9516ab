/**
 * troubleshooters/schema.json as an editor (yaml-language-server) and CI use it: generated from the
 * FULL action registry, so every registered action completes, a misspelt one is an error, and each
 * action's `with:` is checked; files carrying `# yaml-language-server: $schema=…` validate against the
 * schema that line names (resolved from the file's own folder, as the language server does).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { expandPaths } from '../../../core/engine/catalog-dir.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { wholeFileSnippet } from '../../../core/engine/schema-editor.ts';
import { schemaPath, testSchemaPath } from '../../../scripts/gen-schema.ts';

type Json = Record<string, unknown>;
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

async function ajv() {
  const { default: Ajv } = await import('ajv');
  return new Ajv({ allErrors: true, strict: false });
}

const doc = (action: string, input?: unknown) => ({
  id: 'x',
  version: '1.0.0',
  title: { en: 'X' },
  summary: { en: 'X' },
  platforms: ['linux'],
  category: 'x',
  steps: [{ id: 's', type: 'check', title: { en: 'S' }, action, ...(input === undefined ? {} : { with: input }) }],
});

describe('troubleshooters/schema.json from the full action registry', () => {
  it('lists every registered action for completion, each with a description, and nothing else', () => {
    const schema = load(schemaPath);
    const check = ((((schema.properties as Json).steps as Json).items as Json).oneOf as Json[]).find((v) => ((v.properties as Json).type as Json).const === 'check') as Json;
    const action = (check.properties as Json).action as Json;
    const names = fullActionRegistry().names();
    expect(names.length).toBeGreaterThanOrEqual(19);
    expect([...(action.enum as string[])].sort()).toEqual([...names].sort());
    expect(action.enum).toContain('printer.status');
    expect((action.markdownEnumDescriptions as string[]).every((d) => d.length > 20)).toBe(true);
    const fix = ((((check.properties as Json).fix as Json).items as Json).properties as Json).action as Json;
    expect(fix.enum).toEqual(action.enum);
  });

  it('flags a misspelt action and an unknown input of a fix action, accepts a correct one and templates', async () => {
    const validate = (await ajv()).compile(load(schemaPath));
    expect(validate(doc('printer.status', { printer: '${{ answers.which }}' }))).toBe(true);
    expect(validate(doc('printer.stauts'))).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/steps/0/action' && e.keyword === 'enum')).toBe(true);
    expect(validate(doc('printer.clear-queue', { scope: 'own' }))).toBe(true);
    expect(validate(doc('printer.clear-queue', { scope: 'everyone' }))).toBe(false);
    expect(validate(doc('printer.clear-queue', { printr: 'x' }))).toBe(false);
  });

  it('describes every key and titles each step variant differently', () => {
    const schema = load(schemaPath);
    const undescribed: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (!node || typeof node !== 'object') return;
      const props = (node as Json).properties as Record<string, Json> | undefined;
      if (props)
        for (const [key, child] of Object.entries(props)) {
          const described = typeof child.description === 'string' || (child.allOf as Json[] | undefined)?.[0]?.$ref !== undefined || child.$ref !== undefined;
          if (!described && !at.includes('/allOf/')) undescribed.push(`${at}/${key}`);
        }
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`);
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
    const titles = ((((schema.properties as Json).steps as Json).items as Json).oneOf as Json[]).map((v) => v.title);
    expect(new Set(titles).size).toBe(5);
  });
});

describe('files with a yaml-language-server $schema line', () => {
  it('every shipped troubleshooter, article and author test names a schema that exists and validates against it', async () => {
    const validator = await ajv();
    const compiled = new Map<string, ReturnType<typeof validator.compile>>();
    const files = [...(await expandPaths(['troubleshooters'], (f) => /\.ya?ml$/.test(f)))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const line = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
      expect(line, `${file} has no "# yaml-language-server: $schema=" line`).not.toBeNull();
      const target = path.resolve(path.dirname(file), (line as RegExpExecArray)[1] as string);
      if (!compiled.has(target)) compiled.set(target, validator.compile(load(target)));
      const validate = compiled.get(target) as ReturnType<typeof validator.compile>;
      expect([file, validate(parse(text))], JSON.stringify(validate.errors)).toEqual([file, true]);
      if (file.endsWith('.test.yaml')) expect(target).toBe(testSchemaPath);
    }
  });

  it('the author-test schema rejects a misspelt key and a wrong outcome', async () => {
    const validate = (await ajv()).compile(load(testSchemaPath));
    const good = { cases: [{ name: 'n', answers: { a: true }, expect: { outcome: 'resolved', path: ['a'] } }] };
    expect(validate(good)).toBe(true);
    expect(validate({ cases: [{ name: 'n', answer: { a: true }, expect: { outcome: 'resolved' } }] })).toBe(false);
    expect(validate({ cases: [{ name: 'n', expect: { outcome: 'fixed' } }] })).toBe(false);
  });
});

describe('the whole-file snippet', () => {
  it('is in schema.json, quotes the version, and lints without an error or warning once its defaults are filled in', async () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { defaultSnippets?: { bodyText?: string }[] };
    const body = schema.defaultSnippets?.[0]?.bodyText ?? '';
    expect(body).toBe(wholeFileSnippet);
    expect(body).toMatch(/^version: "\$\{2:1\.0\.0\}"$/m);
    const filled = body.replace(/\$\{\d+:([^}]*)\}/g, '$1');
    expect(filled).not.toMatch(/\$\{/);
    const result = loadTroubleshooterText(filled, 'snippet.yaml', fullActionRegistry());
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
