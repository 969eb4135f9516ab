/**
 * A cache of validated troubleshooters, so the app does not re-parse every YAML file at each
 * start (YAML with positions is the bulk of the core's cold start; see `npm run bench`). A file
 * is served from the cache only when its SHA-256 matches and the cache was written by the same
 * app version with the same action set; cached data is re-checked with the schema. Files with
 * errors are never cached, so their diagnostics are reported at every start.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DurableTextFile } from '../store/durable-json-file.ts';
import type { EntryLoadResult } from './source-diagnostics.ts';
import type { Diagnostic } from '../kernel/diagnostics.ts';
import { articleSchema } from './article-schema.ts';
import type { ActionRegistry } from './registry.ts';
import { troubleshooterSchema } from './schema.ts';
import { readCatalogFile } from './read-catalog-file.ts';

const cacheFileSchema = z.object({
  version: z.literal(1),
  key: z.string(),
  files: z.record(z.string(), z.object({ sha256: z.string(), troubleshooter: z.unknown().optional(), article: z.unknown().optional(), warnings: z.array(z.unknown()) })),
});
type CacheFile = z.infer<typeof cacheFileSchema>;

export type TroubleshooterCache = {
  loadFile(file: string, registry: ActionRegistry): Promise<EntryLoadResult>;
  /** Writes the cache if anything changed; drops entries of files not seen in this load. */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
};

function readCache(file: string, key: string): CacheFile['files'] {
  try {
    const parsed = cacheFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success && parsed.data.key === key ? parsed.data.files : {};
  } catch {
    // Missing or unreadable: start cold. The cache is an optimisation, never a source of truth.
    return {};
  }
}

export function createTroubleshooterCache(cacheFile: string, options: { appVersion: string; registry: ActionRegistry }): TroubleshooterCache {
  const key = `${options.appVersion}|${options.registry.names().join(',')}`;
  const previous = readCache(cacheFile, key);
  const next: CacheFile['files'] = {};
  let changed = false;
  let hits = 0;
  let misses = 0;

  return {
    async loadFile(file, registry) {
      const read = await readCatalogFile(file);
      if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
      const text = read.text;
      const sha256 = createHash('sha256').update(text).digest('hex');
      const cached = previous[file];
      if (cached && cached.sha256 === sha256) {
        const warnings = cached.warnings as Diagnostic[];
        if (cached.article !== undefined) {
          const article = articleSchema.safeParse(cached.article);
          if (article.success) {
            hits++;
            next[file] = cached;
            return { ok: true, article: article.data, diagnostics: warnings };
          }
        } else {
          const checked = troubleshooterSchema.safeParse(cached.troubleshooter);
          if (checked.success) {
            hits++;
            next[file] = cached;
            return { ok: true, troubleshooter: checked.data, diagnostics: warnings };
          }
        }
      }
      misses++;
      changed = true;
      // The YAML parser is loaded only now, for a file that changed (see catalog-dir.ts).
      const { loadEntryText } = await import('./loader.ts');
      const result = loadEntryText(text, file, registry, { baseDir: path.dirname(file) });
      if (result.ok) {
        next[file] = result.article ? { sha256, article: result.article, warnings: result.diagnostics } : { sha256, troubleshooter: result.troubleshooter, warnings: result.diagnostics };
      }
      return result;
    },
    async save() {
      if (!changed && Object.keys(next).length === Object.keys(previous).length) return;
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      await new DurableTextFile(cacheFile).write(JSON.stringify({ version: 1, key, files: next } satisfies CacheFile));
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
