/**
 * The one IPC contract. Every channel the renderer may call is declared here with zod schemas
 * for its arguments and result; main (and the browser host) validate both. Channel names are
 * `domain:verb`. Events flow main → renderer through `events`, also validated.
 *
 * The renderer imports this module for types only (lint-enforced), so zod never enters the
 * renderer bundle.
 */
import { z } from 'zod';
import { appInfoSchema, articleViewSchema, idSchema, langSchema, runEventSchema, runIdSchema, troubleshooterSummarySchema, answerValueSchema } from './schemas.ts';
import {
  languageChoiceSchema,
  myTicketSchema,
  runHistoryRecordSchema,
  screenshotAttachArgsSchema,
  screenshotResultSchema,
  sendResultSchema,
  settingsSchema,
  ticketDraftArgsSchema,
  ticketDraftViewSchema,
  ticketEditSchema,
} from './ui-schemas.ts';
import { markAffectedResultSchema, shownOutageSchema } from '../core/outage/schemas.ts';
import { policyAboutSchema } from '../core/policy/about.ts';

const empty = z.object({}).strict();
const ack = z.object({ ok: z.literal(true) });
/** `opened: false` when the link was refused or the host could not open it; the UI says so. */
const openedSchema = z.object({ opened: z.boolean() });

export const channels = {
  /** Name, version, language and support contact for the header and About screen. */
  'app:info': { args: empty, result: appInfoSchema },
  /** The catalog as the employee may see it (policy-filtered), texts in `lang`. */
  'catalog:list': { args: z.object({ lang: langSchema }).strict(), result: z.array(troubleshooterSummarySchema) },
  /** Starts a run by troubleshooter id; progress arrives as `run:event`. */
  'run:start': {
    args: z.object({ troubleshooterId: idSchema, lang: langSchema, dryRun: z.boolean().optional() }).strict(),
    result: z.object({ runId: runIdSchema }),
  },
  /** Answers a pending question of a run. */
  'run:answer': {
    args: z.object({ runId: runIdSchema, stepId: z.string().max(64), value: answerValueSchema }).strict(),
    result: ack,
  },
  /** Grants or refuses a pending consent request of a run. */
  'run:consent': {
    args: z.object({ runId: runIdSchema, stepId: z.string().max(64), granted: z.boolean() }).strict(),
    result: ack,
  },
  'run:cancel': { args: z.object({ runId: runIdSchema }).strict(), result: ack },
  /**
   * Opens the link of an info step the run showed. The renderer names the step, never the URL:
   * the app takes the link from the run's transcript and opens it only if the allowlist admits it.
   */
  'run:open-link': { args: z.object({ runId: runIdSchema, stepId: z.string().max(64) }).strict(), result: openedSchema },
  /** The employee's settings (language override) and the About facts. */
  'settings:get': { args: empty, result: settingsSchema },
  /** Sets the language: 'auto' follows policy/OS. Returns the new settings. */
  'settings:set': { args: z.object({ language: languageChoiceSchema }).strict(), result: settingsSchema },
  /** Past runs on this machine with their outcome, newest first. */
  'history:list': { args: empty, result: z.array(runHistoryRecordSchema) },
  /** Drafts a ticket (from a finished run, or empty for "Contact IT"), redacted, for preview. */
  'ticket:draft': { args: ticketDraftArgsSchema, result: ticketDraftViewSchema },
  /** Sends a previewed draft with the employee's edits; persisted before it is sent. */
  'ticket:send': { args: ticketEditSchema, result: sendResultSchema },
  /** "My tickets": what was sent from this machine and its status where the helpdesk tells. */
  'ticket:list': { args: empty, result: z.array(myTicketSchema) },
  /** Asks the helpdesk for the status of my tickets (where its API allows), then lists them. */
  'ticket:refresh': { args: empty, result: z.array(myTicketSchema) },
  /** Hands the mailto link core built for a ticket (send result `mailto`) to the mail program. */
  'ticket:open-mail': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: openedSchema },
  /**
   * The way out when a ticket was refused: its redacted text (read-only in the UI), and copying it
   * or saving it to a file. The renderer names the ticket only; the app takes the text and the OS
   * save dialog picks the path.
   */
  'ticket:export': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: z.object({ text: z.string(), filename: z.string() }) },
  'ticket:copy': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: z.object({ copied: z.boolean() }) },
  'ticket:save': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: z.object({ saved: z.boolean() }) },
  /**
   * Keeps the employee's edits of a ticket that cannot be sent from here (no helpdesk, no e-mail
   * address), so Copy / Save as file take the text IT should get. Returns that text.
   */
  'ticket:hold': { args: ticketEditSchema, result: z.object({ text: z.string(), filename: z.string() }) },
  /**
   * Screenshot for a draft (#14). `capture`: the shell hides Firstline, captures the primary
   * screen and shows it again; `attach`: bytes of a file the employee picked (browser host). The
   * app checks the bytes (PNG/JPEG, size) and answers with the image exactly as IT will get it.
   * The renderer never names a path or gets one.
   */
  'ticket:screenshot-capture': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: screenshotResultSchema },
  'ticket:screenshot-attach': { args: screenshotAttachArgsSchema, result: screenshotResultSchema },
  'ticket:screenshot-remove': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: ack },
  /** Saves the screenshot where the employee picks (the e-mail program cannot carry it: mailto). */
  'ticket:screenshot-save': { args: z.object({ clientId: z.string().min(8).max(60) }).strict(), result: z.object({ saved: z.boolean() }) },
  /**
   * Opens the support contact from policy: "phone" (tel:), "email" (a bare mailto:), "web" (the
   * support page) or "call" (the call-back / call link). The renderer names which; the URL is policy's.
   */
  'support:open': { args: z.object({ via: z.enum(['phone', 'email', 'web', 'call']) }).strict(), result: openedSchema },
  /** Active outages for the Home banner ("Known issue: … IT is on it; no ticket needed"). */
  'outage:list': { args: z.object({ lang: langSchema }).strict(), result: z.array(shownOutageSchema) },
  /** Active outages that match one troubleshooter, shown before and while it runs. */
  'outage:for': { args: z.object({ troubleshooterId: idSchema, lang: langSchema }).strict(), result: z.array(shownOutageSchema) },
  /** "I'm affected too": recorded once per outage, never a ticket. */
  'outage:affected': { args: z.object({ outageId: z.string().min(1).max(100) }).strict(), result: markAffectedResultSchema },
  /** Admin view for the About screen: each setting's effective value and source, and invalid keys. */
  'policy:about': { args: empty, result: policyAboutSchema },
  /** A knowledge article by id (from catalog:list or a run's info step); records that it was viewed. */
  'article:get': { args: z.object({ id: idSchema, lang: langSchema }).strict(), result: articleViewSchema },
  /** Opens the link of one article step; the app takes the URL from the catalog and the allowlist decides. */
  'article:open-link': { args: z.object({ id: idSchema, step: z.number().int().min(0).max(19) }).strict(), result: openedSchema },
  /** "Did this help?" — stored on this machine and counted by `firstline report`. */
  'article:feedback': { args: z.object({ id: idSchema, helpful: z.boolean() }).strict(), result: ack },
  /**
   * A search that found nothing. The app keeps only normalized words (no digits, addresses or
   * names; core/report/search-terms.ts) so IT can see what the catalog is missing.
   */
  'search:missed': { args: z.object({ query: z.string().min(1).max(500) }).strict(), result: ack },
  /**
   * "Was this helpful?" after a run that ended resolved: kept on the run's history record and
   * counted by `firstline report`. `stored` is false when the run is no longer in the history.
   */
  'run:feedback': { args: z.object({ runId: runIdSchema, helpful: z.boolean() }).strict(), result: z.object({ stored: z.boolean() }) },
} as const;

export const events = {
  /** One event of a running troubleshooter, in order. */
  'run:event': runEventSchema,
  /** The helpdesk's status of one of my tickets changed: an in-app note (the shell also notifies). */
  'ticket:changed': z.object({ clientId: z.string(), title: z.string(), number: z.string().nullable(), state: z.string(), raw: z.string() }).strict(),
  /** The shell asks the UI to show a screen (tray menu "Contact IT", a ticket notification clicked). */
  'app:navigate': z.object({ screen: z.enum(['home', 'contact', 'tickets']) }).strict(),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelArgs<C extends Channel> = z.input<Channels[C]['args']>;
export type ChannelResult<C extends Channel> = z.output<Channels[C]['result']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export * from './errors.ts';
export * from './schemas.ts';
export * from './ui-schemas.ts';
