/**
 * Turning what is wrong in a troubleshooter file into diagnostics an IT author understands:
 * where in the data (a path), where in the source (a Locator) and a plain sentence. Shared by the
 * loader, the semantic checks and author tests; it parses nothing itself, so it imports no YAML.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../kernel/diagnostics.ts';
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
import { didYouMean } from '../util/did-you-mean.ts';

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

function explainIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = describePath(issue.path as PathKey[], data);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 leaves `input` out of issues by default; read the value from the data instead.
      const value = valueAt(data, issue.path as PathKey[]);
      if (value === undefined) {
        if (last === defaultLang) return `${where}: the English text ("en") is missing; English is required and shown when a translation is missing.`;
        return `${where}: "${String(last)}" is required.`;
      }
      const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return `${where}: expected text, found ${found}; put the value in quotes (YAML reads 1.0 as a number and yes as true).`;
      }
      return `${where}: expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected}, found ${found}.`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const parent = issue.path.length ? `${where}: ` : '';
      if (issue.keys.every((k) => k.length === 2) && issue.keys.some((k) => !isLang(k))) {
        return `${parent}unknown language ${keys}; use ${langs.slice(0, -1).join(', ')} or ${langs[langs.length - 1]}.`;
      }
      const hint = issue.keys.map((k) => didYouMean(k, knownKeys())).join('');
      if (hint) return `${parent}unknown key ${keys}.${hint} (Allowed keys are in troubleshooters/schema.json.)`;
      return `${parent}unknown key ${keys}; check the spelling (allowed keys are in troubleshooters/schema.json).`;
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'type') {
        return `${describePath(issue.path.slice(0, -1) as PathKey[], data)}: unknown step type; use check, ask, info, link or escalate.`;
      }
      return `${where}: ${issue.message}.`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
      return `${where}: ${issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : 'must not be empty'}.`;
    default:
      return `${where}: ${issue.message.replace(/\.?$/, '.')}`;
  }
}

/** Where zod reports an issue: unknown keys at the key itself, missing keys at their parent. */
export function issueLocation(issue: z.core.$ZodIssue, locator: Locator) {
  const p = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) return locator.key(p, issue.keys[0]);
  return locator.at(p);
}

/** Turns schema issues into located diagnostics with author-friendly sentences. */
export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], data: unknown, locator: Locator, file: string): Diagnostic[] {
  return issues.map((issue) => ({ file, ...issueLocation(issue, locator), severity: 'error' as const, message: explainIssue(issue, data) }));
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
