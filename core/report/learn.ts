/**
 * "What IT learns" (issue 15): the figures that tell IT which troubleshooter or article to write
 * next, from what is already kept on the machine — run history, activity (articles viewed, "Did
 * this help?", searches that found nothing) and the ticket outbox. Nothing here is personal: a
 * missed search is counted only by its normalized words (normalized again here, so an older or
 * hand-edited file cannot carry a number, an address or a capitalised name into the report), tickets only by
 * category and by how much diagnosis they carried.
 */
import { z } from 'zod';
import { activityRecordSchema, type ActivityRecord } from './activity.ts';
import { median } from './aggregate.ts';
import { normalizeSearch } from './search-terms.ts';
import type { Diagnosis, LearningReport, RunHistoryRecord } from './types.ts';

/** The part of an outbox entry the report reads (core/tickets/outbox.ts keeps much more). */
export const outboxTicketSchema = z.object({
  state: z.string(),
  queuedAt: z.string(),
  draft: z.object({
    category: z.string().optional(),
    troubleshooterId: z.string().optional(),
    runId: z.string().optional(),
    attachments: z.array(z.unknown()).default([]),
  }),
});
export type OutboxTicket = z.infer<typeof outboxTicketSchema>;

const uncategorised = 'uncategorised';

/** Accepts `{ records: [...] }` (activity.json); unreadable records are skipped and counted. */
export function parseActivity(json: unknown): { records: ActivityRecord[]; skipped: number } {
  return parseList(json, 'records', activityRecordSchema);
}

/** Accepts `{ entries: [...] }` (outbox.json). */
export function parseOutbox(json: unknown): { tickets: OutboxTicket[]; skipped: number } {
  const { records, skipped } = parseList(json, 'entries', outboxTicketSchema);
  return { tickets: records, skipped };
}

function parseList<T>(json: unknown, key: string, schema: z.ZodType<T>): { records: T[]; skipped: number } {
  const list = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[key] : undefined;
  const records: T[] = [];
  let skipped = 0;
  for (const item of Array.isArray(list) ? list : []) {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else skipped++;
  }
  return { records, skipped };
}

/** A ticket's diagnosis: `full` when it carries a run that reached a verdict and its transcript. */
export function ticketDiagnosis(ticket: OutboxTicket, runs: ReadonlyMap<string, RunHistoryRecord>): Diagnosis {
  const runId = ticket.draft.runId;
  if (!runId) return 'none';
  const run = runs.get(runId);
  // A run that broke or was cancelled stopped before its verdict: IT still has to ask.
  const reachedVerdict = run === undefined || (run.outcome !== 'error' && run.outcome !== 'cancelled');
  return ticket.draft.attachments.length > 0 && reachedVerdict ? 'full' : 'partial';
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

const byCountThenName = <T extends { count: number; name: string }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name);

export function buildLearning(input: { runs: readonly RunHistoryRecord[]; activity: readonly ActivityRecord[]; tickets: readonly OutboxTicket[]; topSearches?: number }): LearningReport {
  const { runs, activity, tickets } = input;

  const missed = countBy(activity, (r) => (r.type === 'search-missed' ? normalizeSearch(r.terms) : null));
  const missedSearches = [...missed]
    .map(([name, count]) => ({ name, count }))
    .sort(byCountThenName)
    .slice(0, input.topSearches ?? 20)
    .map(({ name, count }) => ({ terms: name, count }));

  const articleIds = [...new Set(activity.flatMap((r) => (r.type === 'search-missed' ? [] : [r.articleId])))];
  const articles = articleIds
    .map((articleId) => {
      const mine = activity.filter((r) => r.type !== 'search-missed' && r.articleId === articleId);
      return {
        articleId,
        views: mine.filter((r) => r.type === 'article-viewed').length,
        helpful: mine.filter((r) => r.type === 'article-feedback' && r.helpful).length,
        notHelpful: mine.filter((r) => r.type === 'article-feedback' && !r.helpful).length,
      };
    })
    .sort((a, b) => b.views - a.views || a.articleId.localeCompare(b.articleId));

  const answered = runs.filter((r) => r.helpful !== undefined);
  const byTroubleshooter = [...new Set(answered.map((r) => r.troubleshooterId))]
    .map((troubleshooterId) => {
      const mine = answered.filter((r) => r.troubleshooterId === troubleshooterId);
      return { troubleshooterId, helpful: mine.filter((r) => r.helpful === true).length, notHelpful: mine.filter((r) => r.helpful === false).length };
    })
    .sort((a, b) => b.notHelpful - a.notHelpful || a.troubleshooterId.localeCompare(b.troubleshooterId));

  const categories = countBy(tickets, (t) => t.draft.category?.trim() || uncategorised);
  const questionTypes = [...categories]
    .map(([name, count]) => ({ name, count }))
    .sort(byCountThenName)
    .map(({ name, count }) => ({ category: name, tickets: count }));

  const fixed = runs.filter((r) => r.outcome === 'resolved' && !r.ticketCreated);
  const seconds = fixed.map((r) => Math.max(0, Date.parse(r.finishedAt) - Date.parse(r.openedAt ?? r.startedAt)) / 1000);

  const runsById = new Map(runs.map((r) => [r.runId, r]));
  const diagnoses = tickets.map((t) => ticketDiagnosis(t, runsById));
  const full = diagnoses.filter((d) => d === 'full').length;

  return {
    missedSearches,
    articles,
    feedback: {
      runs: { helpful: answered.filter((r) => r.helpful === true).length, notHelpful: answered.filter((r) => r.helpful === false).length, byTroubleshooter },
      articles: { helpful: articles.reduce((n, a) => n + a.helpful, 0), notHelpful: articles.reduce((n, a) => n + a.notHelpful, 0) },
    },
    questionTypes,
    timeToFix: { fixes: fixed.length, medianSeconds: median(seconds), measuredFromOpening: fixed.filter((r) => r.openedAt !== undefined).length },
    diagnosis: {
      tickets: tickets.length,
      full,
      partial: diagnoses.filter((d) => d === 'partial').length,
      none: diagnoses.filter((d) => d === 'none').length,
      fullShare: tickets.length === 0 ? null : Math.round((full / tickets.length) * 1000) / 1000,
    },
  };
}
