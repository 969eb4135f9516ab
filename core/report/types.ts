/**
 * One line of local run history — the integrator appends one per finished run. Nothing in it
 * identifies the employee; it is what the self-help numbers and the telemetry export are built from.
 */
import { z } from 'zod';
import { outcomeSchema } from '../engine/run-outcome.ts';

export const runHistoryRecordSchema = z.object({
  runId: z.string().min(1),
  troubleshooterId: z.string().min(1),
  /** Troubleshooter category, e.g. `network`, `printing`. */
  category: z.string().min(1),
  outcome: outcomeSchema,
  /** ISO 8601. */
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  /** A helpdesk ticket was created from this run (escalation). */
  ticketCreated: z.boolean(),
  /** Started from the IT CLI (`firstline run`) rather than the employee's window; absent = the app. */
  via: z.enum(['app', 'cli']).optional(),
  /**
   * When the employee opened Firstline's window for this problem (ISO 8601), if the app knows:
   * "time from opening Firstline to a fix" is measured from here, else from startedAt.
   */
  openedAt: z.iso.datetime({ offset: true }).optional(),
  /** The employee's answer to "Was this helpful?" after the run; absent when not asked or not answered. */
  helpful: z.boolean().optional(),
});
export type RunHistoryRecord = z.infer<typeof runHistoryRecordSchema>;

/** History is bounded: only the most recent runs are kept and counted. */
export const historyLimit = 1000;

export type SelfHelpStats = {
  runs: number;
  /** outcome `resolved` and no ticket created. */
  resolvedWithoutTicket: number;
  /** a ticket was created from the run. */
  escalated: number;
  cancelled: number;
  /** Median of finishedAt − startedAt over resolved-without-ticket runs, in seconds; null when none. */
  medianSecondsToResolution: number | null;
  /** resolvedWithoutTicket ÷ runs (0…1, rounded to 3 decimals); null when there are no runs. */
  deflectionRate: number | null;
};

export type SelfHelpReport = {
  generatedAt: string;
  /** startedAt of the oldest run and finishedAt of the last run to end; null when the history is empty. */
  period: { from: string; to: string } | null;
  total: SelfHelpStats;
  byTroubleshooter: ({ troubleshooterId: string; category: string } & SelfHelpStats)[];
  byCategory: ({ category: string } & SelfHelpStats)[];
  /** Records that did not match the schema (skipped, counted so the admin knows). */
  skippedRecords: number;
  /** "What IT learns" (issue 15), when activity and outbox were read (`firstline report`). */
  learning?: LearningReport;
  skippedActivity?: number;
  skippedTickets?: number;
};

/** How much of a diagnosis came with a ticket. */
export type Diagnosis = 'full' | 'partial' | 'none';

export type LearningReport = {
  /** Searches that led nowhere, by normalized words, most frequent first. */
  missedSearches: { terms: string; count: number }[];
  /** Per article: times opened and the "Did this help?" answers. */
  articles: { articleId: string; views: number; helpful: number; notHelpful: number }[];
  /** "Was this helpful?" after runs (stored in the run history) and after articles. */
  feedback: {
    runs: { helpful: number; notHelpful: number; byTroubleshooter: { troubleshooterId: string; helpful: number; notHelpful: number }[] };
    articles: { helpful: number; notHelpful: number };
  };
  /** Category of every ticket sent from Firstline (queued in the outbox), most frequent first. */
  questionTypes: { category: string; tickets: number }[];
  /** Opening Firstline (or starting the run, when the opening is not known) to a verified fix, without a ticket. */
  timeToFix: { fixes: number; medianSeconds: number | null; measuredFromOpening: number };
  /** Tickets with a full diagnosis: a run that reached its verdict, with its transcript attached. */
  diagnosis: { tickets: number; full: number; partial: number; none: number; fullShare: number | null };
};
