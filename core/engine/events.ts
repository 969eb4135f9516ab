/**
 * Run events: the one record of what a troubleshooter run did. The UI renders them live, the
 * history stores them, the ticket is drafted from them. Every event is timestamped and numbered.
 * These schemas are the source of truth; the IPC contract re-exports them.
 */
import { z } from 'zod';
import { outcomeSchema } from './run-outcome.ts';

export type Outcome = z.infer<typeof outcomeSchema>;

/**
 * Why a run ended as it did, for the employee's screen to word (locales: `ending.reason.<code>`)
 * and for reports. `cause-found` comes with `cause` (what the checks named, e.g. "proxy-blocking").
 */
export const outcomeReasonSchema = z.enum([
  'nothing-wrong', // the first check passed
  'verified', // every fix that ran was re-checked and passed
  'declined', // the employee said no to a change
  'not-installed', // the app to repair is not on this computer
  'needs-rights', // a change needs IT's (administrator) rights, which were not available
  'repaired-not-working', // a repair was verified, but the employee says it still does not work
  'cause-found', // the checks named a cause the repairs here cannot remove
  'fix-failed', // a repair did not work or could not be completed
  'not-working', // the employee says it still does not work; nothing specific was found
  'timed-out',
  'broken', // the troubleshooter or an action broke
  'cancelled',
  'dry-run',
]);
export type OutcomeReason = z.infer<typeof outcomeReasonSchema>;

const tracedValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const skipTraceSchema = z.object({
  reason: z.literal('condition'),
  when: z.string(),
  values: z.array(z.object({ ref: z.string(), value: tracedValueSchema })),
});
export type SkipTrace = z.infer<typeof skipTraceSchema>;

export const phaseSchema = z.enum(['check', 'fix', 'verify']);
export type Phase = z.infer<typeof phaseSchema>;

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('yesno'), prompt: z.string() }),
  z.object({
    type: z.literal('choice'),
    prompt: z.string(),
    choices: z.array(z.object({ value: z.string(), label: z.string() })).min(1),
  }),
  z.object({
    type: z.literal('text'),
    prompt: z.string(),
    /** Regular expression the answer must match (whole string). */
    pattern: z.string().optional(),
    maxLength: z.number().int().positive().optional(),
    /** Localized hint shown when validation fails. */
    invalidMessage: z.string().optional(),
  }),
]);
export type Question = z.infer<typeof questionSchema>;

/** Bounded: answers reach catalog regexes, argv and transcripts. */
export const answerValueSchema = z.union([z.string().max(4000), z.boolean()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

const base = {
  runId: z.string(),
  seq: z.number().int().nonnegative(),
  /** ISO 8601 timestamp. */
  at: z.string(),
};

const stepRef = { ...base, stepId: z.string() };

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('run-started'),
    troubleshooterId: z.string(),
    version: z.string(),
    title: z.string(),
    lang: z.string(),
    platform: z.string(),
    dryRun: z.boolean(),
  }),
  z.object({
    ...stepRef,
    type: z.literal('step-started'),
    kind: z.enum(['check', 'ask', 'info', 'link', 'escalate']),
    title: z.string(),
  }),
  z.object({
    ...stepRef,
    type: z.literal('action-result'),
    phase: phaseSchema,
    action: z.string(),
    ok: z.boolean(),
    /** True when the action was not executed because of a dry run. */
    skipped: z.boolean().default(false),
    result: z.record(z.string(), z.unknown()),
    /** Plain-language finding (localized) when the action or the check provides one. */
    finding: z.string().optional(),
    exitCode: z.number().int().nullable().optional(),
    stdout: z.string().optional(),
    stderr: z.string().optional(),
    error: z.string().optional(),
    /** Technical explanation for IT, e.g. which expectation of a check failed (not localized). */
    detail: z.string().optional(),
    /** `broker`: the elevation broker ran this fix's privileged commands (see broker/). */
    elevatedBy: z.literal('broker').optional(),
    durationMs: z.number().nonnegative(),
  }),
  z.object({ ...stepRef, type: z.literal('question'), question: questionSchema }),
  z.object({ ...stepRef, type: z.literal('answer'), value: answerValueSchema }),
  z.object({
    ...stepRef,
    type: z.literal('consent-requested'),
    /** Localized sentences saying what will change. */
    changes: z.array(z.string()),
    elevation: z.boolean(),
  }),
  z.object({ ...stepRef, type: z.literal('consent-given') }),
  z.object({ ...stepRef, type: z.literal('consent-refused') }),
  z.object({ ...stepRef, type: z.literal('elevation-refused') }),
  z.object({ ...stepRef, type: z.literal('fix-applied'), action: z.string(), ok: z.boolean(), elevatedBy: z.literal('broker').optional() }),
  z.object({ ...stepRef, type: z.literal('verified') }),
  z.object({ ...stepRef, type: z.literal('verification-failed') }),
  z.object({
    ...stepRef,
    type: z.literal('info'),
    text: z.string(),
    link: z.string().optional(),
    /** Id of a knowledge article the employee can open from this step (the UI asks for it by id). */
    article: z.string().optional(),
  }),
  z.object({ ...stepRef, type: z.literal('link-opened'), url: z.string(), ok: z.boolean() }),
  z.object({
    ...stepRef,
    type: z.literal('step-finished'),
    status: z.enum(['passed', 'fixed', 'failed', 'skipped', 'error', 'timeout', 'refused']),
    finding: z.string().optional(),
    /** Why a `skipped` step was skipped: its `when:` as written and each value it read (redacted), as GitHub Actions traces `if:`. */
    skip: skipTraceSchema.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('run-finished'),
    outcome: outcomeSchema,
    /** Localized reason for the employee (e.g. the escalate step's employee text, or what broke). */
    reason: z.string().optional(),
    /** Machine-readable reason the UI words itself (see outcomeReasonSchema). */
    reasonCode: outcomeReasonSchema.optional(),
    /** Machine-readable cause the checks named (e.g. "proxy-blocking", "not-installed"). */
    cause: z.string().max(200).optional(),
    /** Text for IT (the escalate step's `it` text): goes into the ticket, not on the employee's screen. */
    itReason: z.string().optional(),
    durationMs: z.number().nonnegative(),
  }),
]);
export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent['type'];
