/**
 * A lowdb adapter that writes durably. lowdb's `JSONFile` delegates to steno, which writes
 * `.<name>.tmp` and renames it over the target: atomic on one machine, but it never fsyncs (after
 * a power cut the rename can survive while the data does not) and the fixed temp name means two
 * writers collide. This adapter adds what is missing:
 *   1. temp file with a unique name (pid + counter) in the same directory (rename stays atomic);
 *   2. fsync of the temp file before rename (data reaches the disk before the name points at it);
 *   3. fsync of the directory after rename (the rename itself is durable; skipped where the OS
 *      cannot open a directory, i.e. Windows);
 *   4. writes serialised in-process: one write at a time, the latest data always wins.
 *
 * Single-writer rule: exactly ONE process may write a given store file. Firstline's main process
 * owns every store; other processes (CLI, tests) open their own files. In-process callers share
 * one adapter per file (see `openStore`), so concurrent `write()` calls never interleave.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

let tempCounter = 0;

/** Makes a rename, creation or deletion in `dir` durable; a no-op where the OS cannot open a directory (Windows). */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Raw text adapter: parsing and validation happen in `openStore` so bad files can be reported. */
export class DurableTextFile implements Adapter<string> {
  readonly file: string;
  #queue: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<string | null> {
    try {
      return await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: string): Promise<void> {
    const next = this.#queue.then(() => this.#writeNow(data));
    // Keep the chain alive after a failed write; the caller still sees the rejection.
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #writeNow(data: string): Promise<void> {
    const dir = path.dirname(this.file);
    const temp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${++tempCounter}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await fsyncDirectory(dir);
  }
}

/** Generic JSON adapter over the durable text file (for callers that want lowdb directly). */
export class DurableJSONFile<T> implements Adapter<T> {
  readonly #text: DurableTextFile;
  constructor(file: string) {
    this.#text = new DurableTextFile(file);
  }
  async read(): Promise<T | null> {
    const text = await this.#text.read();
    return text === null ? null : (JSON.parse(text) as T);
  }
  write(data: T): Promise<void> {
    return this.#text.write(JSON.stringify(data, null, 2));
  }
}
