/** Property-based fuzzing of the loader: mutated YAML never crashes it and every diagnostic is located. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { troubleshooterSchema } from '../../../core/engine/schema.ts';

const registry = builtinRegistry();
const seeds = ['valid/all-steps.yaml', 'invalid/semantics.yaml', 'invalid/schema.yaml'].map((f) => readFileSync(path.resolve('test/fixtures/engine', f), 'utf8'));
seeds.push(readFileSync(path.resolve('troubleshooters/examples/disk-space.yaml'), 'utf8'));

const yamlish = fc.constantFrom(
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  "'",
  '"',
  '#',
  '&a',
  '*a',
  '!!str',
  '|',
  '>',
  '\n',
  '  ',
  '\t',
  ',',
  '${{',
  '}}',
  '==',
  'steps.',
  'answers.',
  '\u0000',
  '\uFEFF',
  '😀',
  'é',
  '---',
  '...',
  '?',
  '%YAML 1.2',
  '<<: *a',
);
const insertion = fc.oneof(yamlish, fc.string({ maxLength: 8 }), fc.stringMatching(/^[a-z0-9 .:-]{0,12}$/));

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), insertion).map(
    ([at, s]) =>
      (t: string) =>
        t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(
    ([at, n]) =>
      (t: string) =>
        t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([a, d]) => (t: string) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const line = lines[i] as string;
    lines[i] = d >= 0 ? ' '.repeat(d) + line : line.replace(new RegExp(`^ {0,${-d}}`), '');
    return lines.join('\n');
  }),
  fc.nat().map((a) => (t: string) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    lines.splice(i, 0, lines[i] as string);
    return lines.join('\n');
  }),
);

describe('loader fuzzing', () => {
  it('never throws on mutated YAML and locates every diagnostic inside the file', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        const text = mutations.reduce((t, m) => m(t), seeds[seed] as string);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const result = loadTroubleshooterText(text, 'fuzz.yaml', registry);
        for (const d of result.diagnostics) {
          expect(d.file).toBe('fuzz.yaml');
          expect(['error', 'warning']).toContain(d.severity);
          expect(d.message.length).toBeGreaterThan(5);
          expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount + 1).toBe(true);
          expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
        }
        if (result.ok) expect(troubleshooterSchema.safeParse(result.troubleshooter).success).toBe(true);
        else expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
