/**
 * Small JSON state files for the outage service. Writes go through the store's durable writer
 * (core/store/durable-json-file.ts: unique temp file, fsync, rename), so there is one atomic-write
 * implementation. Reads stay synchronous (the banner asks on every render). A file that cannot be
 * used — empty, not JSON, or not the expected shape — is moved aside as
 * `<name>.corrupt-<timestamp>.json` and reported, like core/store/store.ts: never a crash, never a
 * silent reset (DESIGN "Data kept on the machine").
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DurableTextFile } from '../store/durable-json-file.ts';
import type { StoreCorruptReason, StoreReport } from '../store/store.ts';

export type JsonStateFileOptions = {
  now?: () => Date;
  /** Called once per file moved aside; the app logs it. */
  onReport?: (report: StoreReport) => void;
};

export type JsonStateFile<T> = {
  /** The file's data, or undefined when there is none (missing, or just moved aside). */
  read(): T | undefined;
  write(value: T): Promise<void>;
};

function stamp(date: Date): string {
  // File-name safe on every OS (no ':'); same format as core/store/store.ts.
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function moveAside(file: string, now: Date): string | null {
  const name = path.basename(file, '.json');
  for (let n = 0; n < 100; n++) {
    const target = path.join(path.dirname(file), `${name}.corrupt-${stamp(now)}${n ? `-${n}` : ''}.json`);
    if (existsSync(target)) continue;
    try {
      renameSync(file, target);
      return target;
    } catch {
      return null;
    }
  }
  return null;
}

export function jsonStateFile<T>(file: string, schema: z.ZodType<T>, options: JsonStateFileOptions = {}): JsonStateFile<T> {
  const now = options.now ?? (() => new Date());
  const writer = new DurableTextFile(file);

  const corrupt = (reason: StoreCorruptReason, detail: string): undefined => {
    const at = now();
    options.onReport?.({ kind: 'store-corrupt', file, movedTo: moveAside(file, at), reason, detail, at: at.toISOString() });
    return undefined;
  };

  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        return corrupt('unreadable', (error as Error).message);
      }
      if (text.trim() === '') return corrupt('empty', 'the file is empty');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return corrupt('invalid-json', (error as Error).message);
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      return corrupt('wrong-shape', issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid');
    },
    async write(value) {
      mkdirSync(path.dirname(file), { recursive: true });
      await writer.write(JSON.stringify(value, null, 2));
    },
  };
}
