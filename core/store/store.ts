/**
 * One JSON store per file (lowdb). A store that cannot be read — empty, not JSON, or not the
 * expected shape (lowdb loads any JSON silently, so zod checks it) — is moved aside as
 * `<name>.corrupt-<timestamp>.json`, reported as a value, and replaced by the defaults: the app
 * keeps running instead of crashing. Writes go through `DurableJSONFile` (fsync + rename, one
 * writer per file; see there for the single-writer rule).
 */
import { access, readdir, rename, unlink } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { systemClock, type Clock } from '../kernel/clock.ts';
import { DurableJSONFile } from './durable-json-file.ts';

export type StoreCorruptReason = 'empty' | 'invalid-json' | 'wrong-shape' | 'unreadable';

export type StoreReport = {
  kind: 'store-corrupt';
  file: string;
  /** Where the unreadable file was moved; null when moving it failed too. */
  movedTo: string | null;
  reason: StoreCorruptReason;
  /** Developer detail (parse or validation message); never shown to employees. */
  detail: string;
  at: string;
};

export type Store<T> = {
  readonly file: string;
  /** Current in-memory data. Treat as read-only outside `update`. */
  readonly data: T;
  /** Mutates (or replaces, by returning a value) the data and persists it durably. */
  update(fn: (data: T) => T | void): Promise<void>;
};

export type OpenStoreOptions<T> = {
  file: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  clock?: Clock;
  onReport?: (report: StoreReport) => void;
};

function stamp(date: Date): string {
  // File-name safe on every OS (no ':').
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function moveAside(file: string, now: Date): Promise<string | null> {
  const dir = path.dirname(file);
  const name = path.basename(file, '.json');
  for (let n = 0; n < 100; n++) {
    const target = path.join(dir, `${name}.corrupt-${stamp(now)}${n ? `-${n}` : ''}.json`);
    if (await exists(target)) continue;
    try {
      await rename(file, target);
      return target;
    } catch {
      return null;
    }
  }
  return null;
}

/** Temp files left by a writer that was killed mid-write; safe to delete under the single-writer rule. */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  const dir = path.dirname(file);
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(prefix) && entry.endsWith('.tmp')) await unlink(path.join(dir, entry)).catch(() => undefined);
  }
}

export async function openStore<T>(options: OpenStoreOptions<T>): Promise<{ store: Store<T>; report: StoreReport | null }> {
  const clock = options.clock ?? systemClock;
  mkdirSync(path.dirname(options.file), { recursive: true });
  await removeStaleTemps(options.file);
  const db = new Low<T>(new DurableJSONFile<T>(options.file), options.defaults());

  let report: StoreReport | null = null;
  const fail = async (reason: StoreCorruptReason, detail: string) => {
    const now = clock.now();
    report = { kind: 'store-corrupt', file: options.file, movedTo: await moveAside(options.file, now), reason, detail, at: now.toISOString() };
    db.data = options.defaults();
  };

  try {
    await db.read();
    const parsed = options.schema.safeParse(db.data);
    if (parsed.success) db.data = parsed.data;
    else await fail('wrong-shape', parsed.error.message.slice(0, 2000));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SyntaxError) await fail(/end of (JSON )?input/i.test(message) ? 'empty' : 'invalid-json', message);
    else await fail('unreadable', message);
  }
  if (report) options.onReport?.(report);

  const store: Store<T> = {
    file: options.file,
    get data() {
      return db.data;
    },
    async update(fn) {
      // The change is made on a copy and becomes visible at once (as callers expect), but is
      // taken back if it cannot be saved: memory never claims what the disk does not hold.
      const previous = db.data;
      const draft = structuredClone(previous);
      const result = fn(draft);
      const next = result === undefined ? draft : result;
      db.data = next;
      try {
        await db.write();
      } catch (error) {
        if (db.data === next) db.data = previous;
        throw error;
      }
    },
  };
  return { store, report };
}

/** Keeps the newest `max` items (the list is ordered oldest → newest), so files stay small. */
export function keepNewest<T>(items: readonly T[], max: number): T[] {
  return items.length <= max ? [...items] : items.slice(items.length - max);
}
