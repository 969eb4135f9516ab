/**
 * Checks on a knowledge article the schema cannot express: policy values used in texts and links
 * are declared, images exist inside the catalog, are real images and small enough to travel over
 * IPC, step platforms belong to the article, and every text is translated.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { articleImagePattern, maxArticleImageBytes } from './article-schema.ts';
import type { Diagnostic, DiagnosticArgs, Severity } from '../kernel/diagnostics.ts';
import { coded, type Coded, type LintCode } from './lint-messages.ts';
import type { Locator, PathKey } from './source-diagnostics.ts';
import { findTemplates } from './template.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const translations = ['nl', 'fr', 'de'] as const;
const stepLangs = ['en', ...translations] as const;

/** File signatures of the image formats an article may ship (the extension alone proves nothing). */
const signatures: readonly { ext: RegExp; bytes: readonly (number | null)[] }[] = [
  { ext: /\.png$/i, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: /\.jpe?g$/i, bytes: [0xff, 0xd8, 0xff] },
  { ext: /\.gif$/i, bytes: [0x47, 0x49, 0x46, 0x38] },
  { ext: /\.webp$/i, bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
];

export function hasImageSignature(file: string, head: Buffer): boolean {
  const sig = signatures.find((s) => s.ext.test(file));
  return sig !== undefined && head.length >= sig.bytes.length && sig.bytes.every((b, i) => b === null || head[i] === b);
}

/**
 * Resolves an article image inside the catalog folder; refuses anything that leaves it (a
 * symbolic link out, `..`), is not a regular file, is too large or is not the image it claims.
 * Returns the reason as a sentence for the author, or the real path.
 */
export type ImageProblem = { ok: false; reason: string; code: LintCode; args: DiagnosticArgs };
export function resolveArticleImage(catalogDir: string, relative: string): { ok: true; file: string; size: number } | ImageProblem {
  let root: string;
  let real: string;
  try {
    root = realpathSync(catalogDir);
    real = realpathSync(path.resolve(root, relative));
  } catch {
    return { ok: false, reason: `"${relative}" does not exist next to this article (paths are relative to its folder).`, code: 'image.missing', args: { path: relative } };
  }
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, reason: `"${relative}" is outside the catalog folder.`, code: 'image.outside', args: { path: relative } };
  const info = statSync(real);
  if (!info.isFile()) return { ok: false, reason: `"${relative}" is not a file.`, code: 'image.notFile', args: { path: relative } };
  if (info.size > maxArticleImageBytes) {
    const args = { path: relative, size: Math.ceil(info.size / 1024), max: maxArticleImageBytes / 1024 };
    return { ok: false, reason: `"${relative}" is ${args.size} KB; images may be at most ${args.max} KB.`, code: 'image.tooLarge', args };
  }
  const head = Buffer.alloc(12);
  const fd = openSync(real, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!hasImageSignature(real, head)) {
    const format = path.extname(relative).slice(1).toUpperCase();
    return { ok: false, reason: `"${relative}" is not a valid ${format} image.`, code: 'image.invalid', args: { path: relative, format } };
  }
  return { ok: true, file: real, size: info.size };
}

export function checkArticle(data: Obj, locator: Locator, file: string, baseDir?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Severity, p: readonly PathKey[], finding: Coded, offset?: number) => {
    const where = locator.at(p, offset);
    out.push({ file, line: where.line, column: where.column, severity, ...finding });
  };
  const declared = new Set(Array.isArray(data.policy) ? data.policy.filter((k): k is string => typeof k === 'string') : []);
  const platforms = Array.isArray(data.platforms) ? data.platforms.filter((x): x is string => typeof x === 'string') : undefined;
  const steps = Array.isArray(data.steps) ? data.steps : [];

  steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const p: PathKey[] = ['steps', i];
    const where = { whereStep: i + 1, whereField: '' };
    for (const field of ['text', 'if-policy-missing'] as const) {
      const value = step[field];
      if (!isObj(value)) continue;
      for (const lang of stepLangs) {
        const text = value[lang];
        if (typeof text !== 'string') continue;
        for (const t of findTemplates(text)) {
          if (!t.ok) {
            add('error', [...p, field, lang], coded('article.stepProblem', { ...t.args, ...where, detail: t.code }), t.pos);
            continue;
          }
          for (const ref of t.refs) {
            const [root, key] = ref.path;
            if (root !== 'policy' || key === undefined || ref.path.length !== 2) {
              add('error', [...p, field, lang], coded('article.policyOnly', where), ref.pos);
            } else if (field === 'if-policy-missing') {
              add('error', [...p, field, lang], coded('article.missingUsesPolicy', where), ref.pos);
            } else if (!declared.has(key)) {
              add('error', [...p, field, lang], coded('policy.undeclaredAt', { ...where, key }), ref.pos);
            }
          }
        }
      }
    }
    if (isObj(step.link)) {
      const hasUrl = step.link.url !== undefined;
      const key = step.link['url-from-policy'];
      if (hasUrl && key !== undefined) add('error', [...p, 'link'], coded('link.urlAndPolicy', where));
      if (!hasUrl && key === undefined) add('error', [...p, 'link'], coded('link.needsUrl', where));
      if (typeof key === 'string' && !declared.has(key)) add('error', [...p, 'link', 'url-from-policy'], coded('policy.undeclaredAt', { ...where, key }));
    }
    if (platforms && Array.isArray(step.platforms)) {
      const extra = step.platforms.filter((x) => typeof x === 'string' && !platforms.includes(x));
      if (extra.length > 0) add('warning', [...p, 'platforms'], coded('article.platformNotOffered', { ...where, platforms: extra.join(', ') }));
    }
    if (isObj(step.image) && typeof step.image.path === 'string' && articleImagePattern.test(step.image.path) && baseDir !== undefined) {
      const image = resolveArticleImage(baseDir, step.image.path);
      if (!image.ok) add('error', [...p, 'image', 'path'], coded('article.stepProblem', { ...image.args, ...where, detail: image.code }));
    }
  });

  walkLocalized(data, [], (value, p) => {
    const missing = translations.filter((l) => value[l] === undefined);
    if (missing.length > 0 && 'en' in value) add('warning', p, coded('text.missingTranslation', { whereField: p.join('.'), langs: missing.join(', ') }));
  });
  return out;
}

function walkLocalized(value: unknown, p: PathKey[], visit: (value: Obj, p: PathKey[]) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkLocalized(v, [...p, i], visit));
  else if (isObj(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => k === 'en' || k === 'nl' || k === 'fr' || k === 'de')) visit(value, p);
    else for (const [k, v] of Object.entries(value)) walkLocalized(v, [...p, k], visit);
  }
}
