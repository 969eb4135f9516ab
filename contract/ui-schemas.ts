/** Schemas of the employee window's own channels (settings, history, tickets). */
import { z } from 'zod';
import { runHistoryRecordSchema } from '../core/report/types.ts';
import { ticketDraftSchema, urgencySchema } from '../core/tickets/types.ts';
import { MAX_SCREENSHOT_BYTES } from '../core/tickets/screenshot.ts';
import { langs } from '../core/kernel/lang.ts';
import { idSchema, langSchema, runIdSchema } from './schemas.ts';

export { runHistoryRecordSchema };

export const languageChoiceSchema = z.enum(['auto', ...langs]);

export const catalogStateSchema = z.enum(['builtIn', 'waiting', 'updated', 'unchanged', 'refused', 'refusedNoCopy', 'offline', 'offlineNoCopy']);
export type CatalogState = z.infer<typeof catalogStateSchema>;

export const settingsSchema = z.object({
  language: languageChoiceSchema,
  /** What "automatic" resolves to on this machine (policy default, else OS locale). */
  automaticLang: langSchema,
  /** The language in effect. */
  lang: langSchema,
  /** Policy `tileOrder`: troubleshooter ids shown first on Home. */
  tileOrder: z.array(z.string()),
  about: z.object({
    policySources: z.array(z.string()),
    /** Each catalog and how its last sync went; the renderer words the state in the employee's language. */
    catalogSources: z.array(z.object({ source: z.string(), state: catalogStateSchema })),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export { ticketDraftSchema };

/** Where a sent ticket goes, so the preview can say "to the helpdesk" or "by email". */
export const ticketChannelSchema = z.enum(['api', 'email', 'mailto', 'none']);

/**
 * How the employee may add a screenshot: `capture` (the shell hides Firstline and captures the
 * screen), `pick` (a file picker, where the host cannot capture: the browser host), or `off`
 * (policy `allowScreenshots: false`). Reported by the app from what the host offers, never guessed
 * by the renderer.
 */
export const screenshotModeSchema = z.enum(['capture', 'pick', 'off']);

export const ticketDraftViewSchema = z.object({ draft: ticketDraftSchema, channel: ticketChannelSchema, screenshot: screenshotModeSchema });

/** The image exactly as IT will receive it (a data: URL of the checked bytes), or why there is none. */
export const screenshotResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), filename: z.string(), contentType: z.enum(['image/png', 'image/jpeg']), size: z.number().int().positive(), dataUrl: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(['too-large', 'not-image', 'empty', 'off', 'failed']) }),
]);

/** A picked file's bytes as base64: a little over the limit still reaches the app, which says "too large" in words. */
export const screenshotAttachArgsSchema = z.object({ clientId: z.string().min(8).max(60), data: z.base64().max(Math.ceil((MAX_SCREENSHOT_BYTES + 1024) / 3) * 4) }).strict();

/**
 * The employee may edit only the title and their own words, and choose how urgent it is and a
 * number to call back; the rest is what core drafted.
 */
export const ticketEditSchema = z
  .object({
    clientId: z.string().min(8).max(60),
    title: z.string().max(300),
    userText: z.string().max(8000),
    urgency: urgencySchema.optional(),
    /** Checked again in the app (core/tickets/choices.ts): the renderer is untrusted. */
    callbackPhone: z.string().max(40).optional(),
    /**
     * The screenshot's file name as the preview showed it: a screenshot is sent only when this
     * matches (never one the employee did not see, e.g. after a failed refresh of the form).
     */
    screenshot: z.string().max(100).optional(),
  })
  .strict();

export const sendResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sent'), clientId: z.string(), number: z.string() }),
  z.object({ kind: z.literal('queued'), clientId: z.string(), messageKey: z.string() }),
  z.object({ kind: z.literal('rejected'), clientId: z.string(), messageKey: z.string() }),
  z.object({ kind: z.literal('mailto'), clientId: z.string(), url: z.string() }),
  z.object({ kind: z.literal('error'), messageKey: z.string() }),
]);

export const myTicketSchema = z.object({
  clientId: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  delivery: z.enum(['queued', 'sending', 'sent', 'rejected']),
  status: z.object({ state: z.string(), raw: z.string(), at: z.string() }).nullable(),
  messageKey: z.string().nullable(),
});

export const ticketDraftArgsSchema = z
  .object({
    lang: langSchema,
    /** The finished run the ticket is about; absent for "Contact IT" without a run. */
    runId: runIdSchema.optional(),
    /** "Contact IT" from a knowledge article: the article's id (the app adds its title and the "Did this help?" answer). */
    articleId: idSchema.optional(),
    userText: z.string().max(8000).optional(),
  })
  .strict();
