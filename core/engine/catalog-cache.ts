/**
 * A cache of validated troubleshooters, so the app does not re-parse every YAML file at each
 * start (YAML with positions is the bulk of the core's cold start; see `npm run bench`).
 *
 * What is trusted, and why (issue #17, "Performance"): an entry is served, without re-checking
 * it against the schema, when
 *   1. the file's current SHA-256 equals the one recorded when the entry was validated, and
 *   2. the cache was written by the same app version, the same validator version
 *      (`catalogValidatorVersion`) and the same set of actions, and
 *   3. the cache file is intact: its header carries the SHA-256 of its body, so a truncated,
 *      corrupted or hand-edited file is discarded as a whole (the next start parses every file).
 * The check in 3 makes the file tamper-evident, not tamper-proof: it lives in the user's data dir,
 * and whoever can rewrite it consistently already runs as that user and can do what the user
 * can. It never widens what a troubleshooter may do: only the built-in catalog goes through this
 * cache (organisation catalogs are signed and always parsed from their verified files, see
 * app/catalog.ts), and the elevation broker validates its own arguments whatever the caller says.
 * Files with errors are never cached, so their diagnostics are reported at every start.
 *
 * Nothing here loads zod or the YAML parser: both are needed only for a file that changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';

import path from 'node:path';
import { DurableTextFile } from '../store/durable-json-file.ts';
import type { EntryLoadResult } from './source-diagnostics.ts';
import type { Diagnostic } from '../kernel/diagnostics.ts';
import type { Article } from './article-schema.ts';
import type { ActionRegistry } from './registry.ts';
import type { Troubleshooter } from './schema.ts';
import { readCatalogBytesSync } from './read-catalog-file.ts';

/**
 * Bump when what the loader accepts or produces changes (core/engine/schema.ts, article-schema.ts,
 * semantics.ts, the lints): entries validated by an older validator are then parsed again.
 * Releases are covered anyway (the app version is part of the key, and so is the list of
 * actions); this guards builds that keep the version number, such as development builds.
 */
export const catalogValidatorVersion = 2;
// 3: entries record the SHA-256 of the file's bytes (2 hashed the decoded text).
export const cacheFormatVersion = 3;

type CachedEntry = { sha256: string; troubleshooter?: Troubleshooter; article?: Article; warnings: Diagnostic[] };
type Header = { version: number; key: string; sha256: string };

export type TroubleshooterCache = {
  loadFile(file: string, registry: ActionRegistry): Promise<EntryLoadResult>;
  /** Writes the cache if anything changed; drops entries of files not seen in this load. */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape this module itself relies on; the content was validated before it was written. */
function isEntry(v: unknown): v is CachedEntry {
  if (!isObject(v) || typeof v.sha256 !== 'string' || !Array.isArray(v.warnings)) return false;
  return isObject(v.troubleshooter) !== isObject(v.article);
}

/** The file is a header line (format, key, SHA-256 of the body) and the body: one JSON map of entries. */
export function serializeCache(key: string, files: Record<string, CachedEntry>): string {
  const body = JSON.stringify(files);
  return `${JSON.stringify({ version: cacheFormatVersion, key, sha256: sha256(body) } satisfies Header)}\n${body}`;
}

/** The entries of an intact cache written under `key`; anything else yields none (start cold). */
export function readCache(file: string, key: string): Record<string, CachedEntry> {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0) return {};
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    const body = text.slice(newline + 1);
    if (header.version !== cacheFormatVersion || header.key !== key || header.sha256 !== sha256(body)) return {};
    const files = JSON.parse(body) as unknown;
    if (!isObject(files)) return {};
    return Object.fromEntries(Object.entries(files).filter(([, entry]) => isEntry(entry))) as Record<string, CachedEntry>;
  } catch {
    // Missing or unreadable: start cold. The cache is an optimisation, never a source of truth.
    return {};
  }
}

export function cacheKey(appVersion: string, registry: ActionRegistry): string {
  return `${appVersion}|validator ${catalogValidatorVersion}|${registry.names().join(',')}`;
}

export function createTroubleshooterCache(cacheFile: string, options: { appVersion: string; registry: ActionRegistry }): TroubleshooterCache {
  const key = cacheKey(options.appVersion, options.registry);
  const previous = readCache(cacheFile, key);
  const next: Record<string, CachedEntry> = {};
  let changed = false;
  let hits = 0;
  let misses = 0;

  return {
    async loadFile(file, registry) {
      // Synchronous on purpose: see readCatalogFileSync. Over-large files are refused unread (#11).
      const read = readCatalogBytesSync(file);
      if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
      const hash = sha256(read.bytes);
      const cached = previous[file];
      if (cached && cached.sha256 === hash) {
        hits++;
        next[file] = cached;
        return cached.article ? { ok: true, article: cached.article, diagnostics: cached.warnings } : { ok: true, troubleshooter: cached.troubleshooter!, diagnostics: cached.warnings };
      }
      misses++;
      changed = true;
      // The YAML parser and the schemas are loaded only now, for a file that changed (see catalog-dir.ts).
      const { loadEntryText } = await import('./loader.ts');
      await registry.load();
      const result = loadEntryText(read.bytes.toString('utf8'), file, registry, { baseDir: path.dirname(file) });
      if (result.ok) {
        next[file] = result.article ? { sha256: hash, article: result.article, warnings: result.diagnostics } : { sha256: hash, troubleshooter: result.troubleshooter, warnings: result.diagnostics };
      }
      return result;
    },
    async save() {
      if (!changed && Object.keys(next).length === Object.keys(previous).length) return;
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      await new DurableTextFile(cacheFile).write(serializeCache(key, next));
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
