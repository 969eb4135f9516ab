/**
 * One JSON store per file (lowdb). A store that cannot be read — empty, not JSON, or not the
 * expected shape (lowdb loads any JSON silently, so zod checks it) — is moved aside as
 * `<name>.corrupt-<timestamp>.json`, reported as a value, and replaced by the defaults: the app
 * keeps running instead of crashing. One bad item never costs the good ones (#11): when the file
 * is JSON of the right overall form, invalid list items (an outbox entry, a history run) and
 * invalid plain fields (a setting) are moved aside alone, raw text kept, in
 * `<name>.invalid-<timestamp>.json`, and the rest is kept. Writes go through `DurableJSONFile` (fsync + rename, one
 * writer per file; see there for the single-writer rule).
 */
import { access, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { systemClock, type Clock } from '../kernel/clock.ts';
import { DurableJSONFile } from './durable-json-file.ts';

/** `torn-journal`: the last line of a journal (journal.ts) was cut off by a killed writer; that change was never confirmed. */
export type StoreCorruptReason = 'empty' | 'invalid-json' | 'wrong-shape' | 'unreadable' | 'invalid-entries' | 'torn-journal';

export type StoreReport = {
  kind: 'store-corrupt';
  file: string;
  /** Where the unreadable file was moved; null when moving it failed too. */
  movedTo: string | null;
  reason: StoreCorruptReason;
  /** Developer detail (parse or validation message); never shown to employees. */
  detail: string;
  at: string;
  /** `invalid-entries` only: items kept, and items (or fields) moved aside. */
  kept?: number;
  dropped?: number;
};

/** An item or field that failed validation, kept verbatim for IT. */
export type DroppedItem = { path: string; error: string; raw: string };

/**
 * Keeps what is valid in a top-level object: list fields item by item, other fields one by one
 * (falling back to the default). A literal field (the file's `version`) that does not match means
 * another format: nothing is salvaged then.
 */
export function salvage<T>(schema: z.ZodType<T>, defaults: () => T, raw: unknown): { data: T; dropped: DroppedItem[]; kept: number } | null {
  if (!(schema instanceof z.ZodObject) || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const base = defaults() as Record<string, unknown>;
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const dropped: DroppedItem[] = [];
  let kept = 0;
  const message = (error: z.ZodError) =>
    error.issues
      .map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`)
      .join('; ')
      .slice(0, 500);
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = input[key];
    const whole = field.safeParse(value);
    if (whole.success) {
      out[key] = whole.data;
      if (Array.isArray(whole.data)) kept += whole.data.length;
      continue;
    }
    if (field instanceof z.ZodLiteral) return null;
    if (field instanceof z.ZodArray && Array.isArray(value)) {
      const items: unknown[] = [];
      for (const [index, item] of value.entries()) {
        const parsed = (field.element as z.ZodType).safeParse(item);
        if (parsed.success) items.push(parsed.data);
        else dropped.push({ path: `${key}[${index}]`, error: message(parsed.error), raw: JSON.stringify(item) ?? 'undefined' });
      }
      kept += items.length;
      out[key] = items;
      continue;
    }
    dropped.push({ path: key, error: message(whole.error), raw: JSON.stringify(value) ?? 'undefined' });
    out[key] = base[key];
  }
  const check = schema.safeParse(out);
  return check.success ? { data: check.data as T, dropped, kept } : null;
}

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

export function stamp(date: Date): string {
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

/** Writes the invalid items next to the store (never overwriting an earlier file); null when that fails. */
export async function writeAside(file: string, now: Date, dropped: readonly DroppedItem[]): Promise<string | null> {
  const dir = path.dirname(file);
  const name = path.basename(file, '.json');
  const body = `${JSON.stringify({ from: path.basename(file), at: now.toISOString(), items: dropped }, null, 2)}\n`;
  for (let n = 0; n < 100; n++) {
    const target = path.join(dir, `${name}.invalid-${stamp(now)}${n ? `-${n}` : ''}.json`);
    try {
      await writeFile(target, body, { flag: 'wx', mode: 0o600 });
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
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
    const salvaged = parsed.success ? null : salvage(options.schema, options.defaults, db.data);
    if (parsed.success) db.data = parsed.data;
    else if (salvaged) {
      const now = clock.now();
      const movedTo = await writeAside(options.file, now, salvaged.dropped);
      db.data = salvaged.data;
      // Saved without the invalid items only once they are safe aside; a failed save is not corruption.
      if (movedTo) await db.write().catch(() => undefined);
      const detail = salvaged.dropped
        .map((d) => `${d.path}: ${d.error}`)
        .join('\n')
        .slice(0, 2000);
      report = { kind: 'store-corrupt', file: options.file, movedTo, reason: 'invalid-entries', detail, at: now.toISOString(), kept: salvaged.kept, dropped: salvaged.dropped.length };
    } else await fail('wrong-shape', parsed.error.message.slice(0, 2000));
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
