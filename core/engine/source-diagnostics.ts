/**
 * Turning what is wrong in a troubleshooter file into diagnostics an IT author understands:
 * where in the data (a path), where in the source (a Locator) and a plain sentence. Shared by the
 * loader, the semantic checks and author tests; it parses nothing itself, so it imports no YAML.
 */
import type { z } from 'zod';
import type { Diagnostic, DiagnosticArgs } from '../kernel/diagnostics.ts';
import { defaultLang, isLang, langs } from '../kernel/lang.ts';
import type { Article } from './article-schema.ts';
import {
  checkStepSchema,
  askStepSchema,
  infoStepSchema,
  linkStepSchema,
  escalateStepSchema,
  expectationSchema,
  fixActionSchema,
  linkTargetSchema,
  troubleshooterSchema,
  type Troubleshooter,
} from './schema.ts';
import { closestNames } from '../util/did-you-mean.ts';
import { coded, fill, lintTables, type Coded, type LintKey } from './lint-messages.ts';

export type PathKey = string | number;

export type LoadResult =
  { ok: true; troubleshooter: Troubleshooter; article?: undefined; diagnostics: Diagnostic[] } | { ok: false; troubleshooter?: undefined; article?: undefined; diagnostics: Diagnostic[] };
/** A catalog file is a troubleshooter or (with `kind: article`) a knowledge article. */
export type EntryLoadResult = LoadResult | { ok: true; troubleshooter?: undefined; article: Article; diagnostics: Diagnostic[] };

/** Maps a path in the data to a position in the source. */
export type Locator = {
  /** Position of the value at `path`, or of its nearest existing parent. */
  at(path: readonly PathKey[], offset?: number): { line: number; column: number };
  /** Position of the key `key` inside the mapping at `path` (for unknown keys). */
  key(path: readonly PathKey[], key: string): { line: number; column: number };
};

export function describePath(p: readonly PathKey[], data: unknown): string {
  if (p[0] === 'steps' && typeof p[1] === 'number') {
    const steps = (data as { steps?: unknown[] } | null)?.steps;
    const id = (steps?.[p[1]] as { id?: unknown } | undefined)?.id;
    const where = typeof id === 'string' ? `step "${id}"` : `step ${p[1] + 1}`;
    const rest = p.slice(2).join('.');
    return rest ? `${where}, ${rest}` : where;
  }
  return p.join('.') || 'top level';
}

/** describePath as arguments of a coded message (core/engine/lint-messages.ts words "step" per language). */
export function whereArgs(p: readonly PathKey[], data: unknown): { whereStep?: string | number; whereField: string } {
  if (p[0] === 'steps' && typeof p[1] === 'number') {
    const steps = (data as { steps?: unknown[] } | null)?.steps;
    const id = (steps?.[p[1]] as { id?: unknown } | undefined)?.id;
    return { whereStep: typeof id === 'string' ? id : p[1] + 1, whereField: p.slice(2).join('.') };
  }
  return { whereField: p.join('.') };
}

export function valueAt(data: unknown, p: readonly PathKey[]): unknown {
  let v = data;
  for (const k of p) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

/** What a value is, for "expected text, found number 1": its kind (worded per language) and, for a scalar, the value. */
export function foundArgs(value: unknown): DiagnosticArgs {
  if (value === null) return { foundKind: 'null' };
  if (Array.isArray(value)) return { foundKind: 'array' };
  if (typeof value === 'object') return { foundKind: 'object' };
  return { foundKind: typeof value, foundValue: JSON.stringify(value) };
}

let rules: Map<string, LintKey> | undefined;
/** A schema's own rule ("Ids are kebab-case, e.g. …") as its `rule.*` part in locales/<lang>/lint.json, by its English text. */
export function ruleFor(message: string): LintKey | undefined {
  rules ??= new Map(
    Object.entries(lintTables.en)
      .filter(([key]) => key.startsWith('rule.'))
      .map(([key, value]) => [fill(value?.message ?? '', {}), key as LintKey]),
  );
  return rules.get(message.replace(/\.$/, ''));
}

/**
 * What is wrong with a value that is present, by zod issue kind, as a part worded per language
 * (`detail`: an `issue.*` or `rule.*` key, with its arguments). Undefined for a schema rule that
 * has no `rule.*` translation yet: the caller then words zod's English sentence inside a translated
 * frame (test/unit/engine/lint-i18n.test.ts refuses a schema rule without its translation).
 */
export function issueDetail(issue: z.core.$ZodIssue, value: unknown): DiagnosticArgs | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return { detail: 'issue.quote', ...foundArgs(value) };
      return { detail: 'issue.expected', expected: issue.expected, ...foundArgs(value) };
    case 'invalid_value':
      return { detail: 'issue.oneOf', choices: issue.values.map((v) => JSON.stringify(v)) };
    case 'too_small': {
      const minimum = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return { detail: 'issue.tooFew', minimum };
      if (issue.origin === 'string') return Number(issue.minimum) > 1 ? { detail: 'issue.tooShort', minimum } : { detail: 'issue.empty' };
      if (issue.origin === 'number' || issue.origin === 'bigint') return { detail: issue.inclusive === false ? 'issue.greaterThan' : 'issue.atLeast', minimum };
      return { detail: 'issue.empty' };
    }
    case 'too_big': {
      const maximum = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return { detail: 'issue.tooMany', maximum };
      if (issue.origin === 'string') return { detail: 'issue.tooLong', maximum };
      return { detail: issue.inclusive === false ? 'issue.lessThan' : 'issue.atMost', maximum };
    }
    case 'invalid_format': {
      const rule = ruleFor(issue.message);
      if (rule) return { detail: rule };
      return issue.message.startsWith('Invalid') ? { detail: 'issue.format', format: issue.format } : undefined;
    }
    case 'not_multiple_of':
      return { detail: 'issue.multipleOf', divisor: String(issue.divisor) };
    case 'custom': {
      const rule = ruleFor(issue.message);
      if (rule) return { detail: rule };
      return issue.message === 'Invalid input' ? { detail: 'issue.invalid' } : undefined;
    }
    default:
      return { detail: 'issue.invalid' };
  }
}

function explainIssue(issue: z.core.$ZodIssue, data: unknown): Coded {
  const p = issue.path as PathKey[];
  const at = whereArgs(p, data);
  const last = p[p.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 leaves `input` out of issues by default; read the value from the data instead.
      if (valueAt(data, p) !== undefined) break;
      return last === defaultLang ? coded('schema.missingEnglish', at) : coded('schema.required', { ...at, key: String(last) });
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      if (issue.keys.every((k) => k.length === 2) && issue.keys.some((k) => !isLang(k))) return coded('schema.unknownLanguage', { ...at, keys, options: langs });
      const suggestions = [...new Set(issue.keys.flatMap((k) => closestNames(k, knownKeys())))];
      return coded(suggestions.length > 0 ? 'schema.unknownKeyHint' : 'schema.unknownKey', { ...at, keys, suggestions });
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'type') return coded('schema.unknownStepType', whereArgs(p.slice(0, -1), data));
      break;
    default:
      // Every other kind is worded by what is wrong with the value (issueDetail).
      break;
  }
  const detail = issueDetail(issue, valueAt(data, p));
  return detail ? coded('schema.value', { ...at, ...detail }) : coded('schema.untranslatedRule', { ...at, rule: issue.message.replace(/\.$/, '') });
}

/** Where zod reports an issue: unknown keys at the key itself, missing keys at their parent. */
export function issueLocation(issue: z.core.$ZodIssue, locator: Locator) {
  const p = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) return locator.key(p, issue.keys[0]);
  return locator.at(p);
}

/** Turns schema issues into located diagnostics with author-friendly sentences. */
export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], data: unknown, locator: Locator, file: string): Diagnostic[] {
  return issues.map((issue) => ({ file, ...issueLocation(issue, locator), severity: 'error' as const, ...explainIssue(issue, data) }));
}

let known: Set<string> | undefined;
/** Every key the troubleshooter format knows, for "did you mean" on a misspelt one (issue 16). */
function knownKeys(): Set<string> {
  known ??= new Set(
    [troubleshooterSchema, checkStepSchema, askStepSchema, infoStepSchema, linkStepSchema, escalateStepSchema, expectationSchema, fixActionSchema, linkTargetSchema].flatMap((schema) =>
      Object.keys(schema.shape),
    ),
  );
  return known;
}
