/**
 * "I'm affected too": recorded on this machine, never as a ticket. When the outage names an
 * `affectedCountUrl`, the first mark also POSTs `{ outageId }` there (no user or machine data),
 * so IT can see how many people are hit. Marking again changes nothing and sends nothing.
 */
import { z } from 'zod';
import type { Outage } from './feed.ts';
import { jsonStateFile, type JsonStateFileOptions } from './json-file.ts';

const stateSchema = z.object({ affected: z.record(z.string(), z.object({ at: z.string(), counted: z.boolean() })) });
type AffectedState = z.infer<typeof stateSchema>;

export type MarkResult = { outageId: string; alreadyMarked: boolean; counted: boolean };

/** "I am affected too": remembered per outage on disk, counted once at the feed's counter URL. */
export type AffectedStore = {
  markAffected(outage: Pick<Outage, 'id' | 'affectedCountUrl'>): Promise<MarkResult>;
  isAffected(outageId: string): boolean;
  affectedIds(): string[];
};

export function createAffectedStore(options: { file: string; now?: () => Date; fetch?: typeof globalThis.fetch; timeoutMs?: number; onReport?: JsonStateFileOptions['onReport'] }): AffectedStore {
  const now = options.now ?? (() => new Date());
  const stateFile = jsonStateFile(options.file, stateSchema, { now, ...(options.onReport ? { onReport: options.onReport } : {}) });
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const load = (): AffectedState => stateFile.read() ?? { affected: {} };
  // Serialise marks so a double click cannot count twice.
  let queue: Promise<unknown> = Promise.resolve();

  async function mark(outage: Pick<Outage, 'id' | 'affectedCountUrl'>): Promise<MarkResult> {
    const state = load();
    const existing = state.affected[outage.id];
    if (existing) return { outageId: outage.id, alreadyMarked: true, counted: existing.counted };
    let counted = false;
    if (outage.affectedCountUrl) {
      try {
        const response = await fetchImpl(outage.affectedCountUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ outageId: outage.id }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        counted = response.ok;
      } catch {
        // Counting is a courtesy; the local mark is what the employee asked for.
        counted = false;
      }
    }
    state.affected[outage.id] = { at: now().toISOString(), counted };
    await stateFile.write(state);
    return { outageId: outage.id, alreadyMarked: false, counted };
  }

  return {
    /** Idempotent. */
    markAffected(outage: Pick<Outage, 'id' | 'affectedCountUrl'>): Promise<MarkResult> {
      const next = queue.then(() => mark(outage));
      queue = next.catch(() => undefined);
      return next;
    },
    isAffected: (outageId: string): boolean => load().affected[outageId] !== undefined,
    affectedIds: (): string[] => Object.keys(load().affected),
  };
}
