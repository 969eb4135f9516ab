/**
 * A cache of validated troubleshooters, so the app does not re-parse every YAML file at each
 * start (YAML with positions is the bulk of the core's cold start; see `npm run bench`).
 *
 * What is trusted, and why (issue #17, "Performance"): an entry is served, without re-checking
 * it against the schema, when
 *   1. the file's current SHA-256 equals the one recorded when the entry was validated — or, without
 *      reading the file, its file facts (device, inode, size, modification and change times in
 *      nanoseconds) equal the ones recorded then. Like git's index, facts are recorded only for a
 *      file that had not changed for `settledMs` before it was validated, so a write in the same
 *      clock tick as the validation cannot hide behind an unchanged time stamp ("racy git"). The
 *      change time cannot be set back by a program (unlike the modification time), so rewriting a
 *      file with the same size and the old modification time is still noticed; and
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
import { mkdirSync, readFileSync, statSync } from 'node:fs';

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

/** `facts`: the file facts recorded with the entry (see 1. above), absent for a file that had just changed. */
type CachedEntry = { sha256: string; facts?: string; troubleshooter?: Troubleshooter; article?: Article; warnings: Diagnostic[] };
type Header = { version: number; key: string; sha256: string };

export type TroubleshooterCache = {
  loadFile(file: string, registry: ActionRegistry): Promise<EntryLoadResult>;
  /** Writes the cache if anything changed; drops entries of files not seen in this load. */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
  /** Hits served from the recorded file facts, without reading the file. */
  readonly unread: number;
};

/** A file changed less than this long before it was validated is read and hashed at the next start. */
export const settledMs = 2000;

/** Device, inode, size, modification and change time (ns): what tells that a file is the one validated. */
function fileFacts(file: string): { facts: string; changedMs: number } | undefined {
  try {
    const s = statSync(file, { bigint: true });
    if (!s.isFile()) return undefined;
    return { facts: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, changedMs: Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n) };
  } catch {
    return undefined;
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape this module itself relies on; the content was validated before it was written. */
function isEntry(v: unknown): v is CachedEntry {
  if (!isObject(v) || typeof v.sha256 !== 'string' || !Array.isArray(v.warnings) || (v.facts !== undefined && typeof v.facts !== 'string')) return false;
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

export function createTroubleshooterCache(
  cacheFile: string,
  /** `now`: the clock that decides whether a file has settled (tests move it). */
  options: { appVersion: string; registry: ActionRegistry; now?: () => number },
): TroubleshooterCache {
  const key = cacheKey(options.appVersion, options.registry);
  const now = options.now ?? Date.now;
  const previous = readCache(cacheFile, key);
  const next: Record<string, CachedEntry> = {};
  let changed = false;
  let hits = 0;
  let misses = 0;
  let unread = 0;
  const serve = (entry: CachedEntry): EntryLoadResult => {
    hits++;
    return entry.article ? { ok: true, article: entry.article, diagnostics: entry.warnings } : { ok: true, troubleshooter: entry.troubleshooter!, diagnostics: entry.warnings };
  };
  /** The entry with the facts of a file that has settled, or without facts. */
  const withFacts = (entry: CachedEntry, facts: ReturnType<typeof fileFacts>): CachedEntry => {
    const rest: CachedEntry = { ...entry };
    delete rest.facts;
    return facts && facts.changedMs < now() - settledMs ? { ...rest, facts: facts.facts } : rest;
  };

  return {
    async loadFile(file, registry) {
      const cached = previous[file];
      const facts = fileFacts(file);
      if (cached?.facts !== undefined && cached.facts === facts?.facts) {
        unread++;
        next[file] = cached;
        return serve(cached);
      }
      // Synchronous on purpose: see readCatalogBytesSync. Over-large files are refused unread (#11).
      const read = readCatalogBytesSync(file);
      if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
      const hash = sha256(read.bytes);
      if (cached && cached.sha256 === hash) {
        // The same bytes with other facts (copied, touched, or validated just after a change):
        // record the facts now, so the next start need not read it.
        next[file] = withFacts(cached, facts);
        if (next[file].facts !== cached.facts) changed = true;
        return serve(cached);
      }
      misses++;
      changed = true;
      // The YAML parser and the schemas are loaded only now, for a file that changed (see catalog-dir.ts).
      const { loadEntryText } = await import('./loader.ts');
      await registry.load();
      const result = loadEntryText(read.bytes.toString('utf8'), file, registry, { baseDir: path.dirname(file) });
      if (result.ok) {
        const entry: CachedEntry = result.article
          ? { sha256: hash, article: result.article, warnings: result.diagnostics }
          : { sha256: hash, troubleshooter: result.troubleshooter, warnings: result.diagnostics };
        next[file] = withFacts(entry, facts);
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
    get unread() {
      return unread;
    },
  };
}
