/**
 * A store whose changes are appended, one line each, to a journal next to its JSON file, so a
 * change costs the same however much is stored (issue #17: rewriting a 1000-run history.json took
 * 3× as long as a 100-run one). The JSON file (`openStore`: fsync'd temp + rename, corrupt files
 * moved aside, invalid items salvaged) is the snapshot; `<name>.journal.jsonl` holds the changes
 * made since. A file from before the journal is simply a snapshot without a journal.
 *
 * Durability, per change: the line is written with one `write` and fsync'd (the folder too when
 * the journal is created) before `append` resolves, so a confirmed change survives a crash. A
 * writer killed mid-line leaves at most one cut-off last line; it was never confirmed, so it is
 * ignored, kept aside for IT and reported (`torn-journal`). Complete lines that are not valid
 * changes are moved aside the same way (`invalid-entries`); the others still count.
 *
 * Compaction folds the journal into the snapshot (a durable rewrite, then the journal is removed):
 * after the store opened with a journal (in the background), after `compactAfter` lines, after a failed append (which may
 * have left a partial line the next one would be glued to), and on `compact()`. It writes exactly
 * the changes whose lines are written (not changes still queued in memory), so a crash between
 * the rewrite and the removal replays the journal's own lines on the state they ended in. `apply`
 * must give the same data then (set a field, upsert a keyed item; never toggle or count) and must
 * return new data instead of changing its argument.
 *
 * Single-writer rule as for `openStore`: one process writes a given store.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { systemClock } from '../kernel/clock.ts';
import { fsyncDirectory } from './durable-json-file.ts';
import { openStore, writeAside, type DroppedItem, type OpenStoreOptions, type StoreReport } from './store.ts';

export type JournaledStore<T, Op> = {
  readonly file: string;
  readonly journalFile: string;
  /** Current in-memory data (snapshot + journal). Treat as read-only. */
  readonly data: T;
  /** Applies the change at once (visible to readers) and resolves when its line is on disk; taken back if it cannot be saved. */
  append(op: Op): Promise<void>;
  /**
   * Folds the journal into the JSON file after the writes already queued (for a short-lived
   * process, so the file it leaves is complete); with nothing to fold it only waits for them.
   */
  compact(): Promise<void>;
};

export type OpenJournaledStoreOptions<T, Op> = OpenStoreOptions<T> & {
  opSchema: z.ZodType<Op>;
  /** Pure and idempotent (see above): the data after `op`. */
  apply: (data: T, op: Op) => T;
  /** Journal lines after which the next append compacts first (default 100). */
  compactAfter?: number;
};

/** `history.json` → `history.journal.jsonl`, in the same folder. */
export function journalPathFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, '.json')}.journal.jsonl`);
}

export type ParsedJournal<Op> = {
  ops: Op[];
  /** A last line without its newline: a write that was cut off. */
  torn: string | null;
  invalid: DroppedItem[];
};

/** Splits journal text into valid changes, invalid complete lines, and a cut-off last line. */
export function parseJournal<Op>(text: string, schema: z.ZodType<Op>): ParsedJournal<Op> {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const ops: Op[] = [];
  const invalid: DroppedItem[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      invalid.push({ path: `line ${index + 1}`, error: (error as Error).message.slice(0, 500), raw: line });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) ops.push(parsed.data);
    else invalid.push({ path: `line ${index + 1}`, error: parsed.error.message.slice(0, 500), raw: line });
  }
  return { ops, torn: last === '' ? null : last, invalid };
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function openJournaledStore<T, Op>(options: OpenJournaledStoreOptions<T, Op>): Promise<{ store: JournaledStore<T, Op>; reports: StoreReport[] }> {
  const clock = options.clock ?? systemClock;
  const compactAfter = options.compactAfter ?? 100;
  const reports: StoreReport[] = [];
  const { store: snapshot, report } = await openStore(options);
  if (report) reports.push(report);
  const journalFile = journalPathFor(options.file);
  const dir = path.dirname(journalFile);

  /** What readers see: every change made, including those whose lines are still being written. */
  let data = snapshot.data;
  /** The changes whose lines are on disk: what a compaction writes. */
  let durable = data;
  let journalExists = false;
  let lines = 0;
  let needsCompaction = false;

  let text: string | null = null;
  try {
    text = await readIfExists(journalFile);
  } catch (error) {
    // Unreadable (permissions): the snapshot still counts; the journal is replaced at the next compaction.
    const now = clock.now();
    reports.push({ kind: 'store-corrupt', file: journalFile, movedTo: null, reason: 'unreadable', detail: (error as Error).message, at: now.toISOString() });
    journalExists = true;
    needsCompaction = true;
  }
  if (text !== null) {
    journalExists = true;
    const parsed = parseJournal(text, options.opSchema);
    for (const op of parsed.ops) data = options.apply(data, op);
    durable = data;
    const aside: DroppedItem[] = [...parsed.invalid];
    if (parsed.torn !== null) aside.push({ path: `line ${text.split('\n').length} (cut off)`, error: 'the write of this change was interrupted', raw: parsed.torn });
    if (aside.length > 0) {
      const now = clock.now();
      const movedTo = await writeAside(options.file, now, aside);
      const detail = aside
        .map((d) => `${path.basename(journalFile)} ${d.path}: ${d.error}`)
        .join('\n')
        .slice(0, 2000);
      const reason = parsed.invalid.length > 0 ? 'invalid-entries' : 'torn-journal';
      reports.push({ kind: 'store-corrupt', file: journalFile, movedTo, reason, detail, at: now.toISOString(), kept: parsed.ops.length, dropped: aside.length });
    }
    needsCompaction = true;
  }
  for (const r of reports.slice(report ? 1 : 0)) options.onReport?.(r);

  async function compactNow(): Promise<void> {
    // The snapshot first (durable), then the journal goes: a crash in between replays lines the snapshot holds.
    const folded = durable;
    await snapshot.update(() => folded);
    if (journalExists) {
      await unlink(journalFile).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await fsyncDirectory(dir);
      journalExists = false;
    }
    lines = 0;
    needsCompaction = false;
  }

  async function writeLine(op: Op): Promise<void> {
    const line = `${JSON.stringify(op)}\n`;
    if (needsCompaction || lines >= compactAfter) await compactNow();
    const created = !journalExists;
    try {
      const handle = await open(journalFile, 'a', 0o600);
      try {
        await handle.write(line);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      journalExists = true;
      if (created) await fsyncDirectory(dir);
    } catch (error) {
      // A part of the line may be on disk: the next change starts with a compaction, never glued to it.
      journalExists = true;
      needsCompaction = true;
      throw error;
    }
    lines++;
    durable = options.apply(durable, op);
  }

  let queue: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  // The fold at open runs behind the caller's back (it is a whole-file rewrite, not needed to read):
  // the store is usable at once and the first append queues after it. A failure leaves
  // needsCompaction set, so that append tries again first.
  if (needsCompaction) void serial(compactNow).catch(() => undefined);

  const store: JournaledStore<T, Op> = {
    file: options.file,
    journalFile,
    get data() {
      return data;
    },
    async append(op) {
      const previous = data;
      const next = options.apply(previous, op);
      data = next;
      try {
        await serial(() => writeLine(op));
      } catch (error) {
        if (data === next) data = previous;
        throw error;
      }
    },
    compact: () => serial(() => (needsCompaction || journalExists || lines > 0 ? compactNow() : Promise.resolve())),
  };
  return { store, reports };
}
