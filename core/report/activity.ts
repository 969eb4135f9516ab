/**
 * What employees did with the catalog besides running fixes, kept on the machine next to the run
 * history: articles viewed, "Did this help?" answers and searches that found nothing. Nothing in
 * it identifies the employee; a search is kept only as normalized words (see search-terms.ts).
 * `firstline report` and the OTLP export count it.
 */
import { z } from 'zod';

export const activityLimit = 1000;

export const activityRecordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('article-viewed'), articleId: z.string().min(1), at: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal('article-feedback'), articleId: z.string().min(1), helpful: z.boolean(), at: z.iso.datetime({ offset: true }) }),
  /** Normalized words of a search that matched nothing (never the raw text). */
  z.object({ type: z.literal('search-missed'), terms: z.string().min(1).max(200), at: z.iso.datetime({ offset: true }) }),
]);
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

export const activityFileSchema = z.object({ records: z.array(activityRecordSchema) });
export type ActivityFile = z.infer<typeof activityFileSchema>;
