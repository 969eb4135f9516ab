/**
 * The ticket channels over core/tickets: a draft from a finished run (or from nothing, for
 * "Contact IT"), sending it, and "My tickets". Drafts stay here, keyed by their client id; the
 * renderer only sends back the two fields the employee may edit (title and their own words), so
 * what IT receives is what core drafted and redacted, plus those edits (redacted again on send).
 */
import type { Lang } from '../core/kernel/lang.ts';
import type { RunEvent } from '../core/engine/events.ts';
import { text } from '../core/engine/messages.ts';
import type { Troubleshooter } from '../core/engine/schema.ts';
import type { MyTicket, SendResult, TicketChannel, TicketService, TicketTroubleshooter } from '../core/tickets/service.ts';
import type { TicketDraft } from '../core/tickets/types.ts';
import { finaliseDraft, ticketAsText, type ArticleContext } from '../core/tickets/draft.ts';
import { applyChoices, normalisePhone, type EmployeeChoices } from '../core/tickets/choices.ts';
import { IpcFailure } from './dispatcher.ts';
import { createScreenshotDesk, screenshotOf, type ScreenshotMode, type ScreenshotPorts, type ScreenshotResult } from './ticket-screenshots.ts';

const keepDrafts = 20;
const keepTranscripts = 20;

/** What the employee may change in a draft (contract `ticketEditSchema`). */
export type TicketEdit = { clientId: string; title: string; userText: string; screenshot?: string | undefined } & EmployeeChoices;

/** What the ticket service is told about a catalog troubleshooter: its texts in the employee's language and what it declared its ticket needs. */
export function ticketTroubleshooter(t: Troubleshooter, lang: Lang): TicketTroubleshooter {
  return { id: t.id, title: text(t.title, lang), category: t.category, ...(t.urgency ? { urgency: t.urgency } : {}), ...(t.ticket ? { attach: t.ticket.attach } : {}) };
}

/** The window's ticket flow: drafts from runs or articles, sending with a way out when refused, and My tickets. */
export type TicketDesk = {
  /** Keeps a run's events so a ticket written later can carry them. */
  keepTranscript(events: readonly RunEvent[]): void;
  draft(request: {
    lang: Lang;
    runId?: string | undefined;
    userText?: string | undefined;
    article?: ArticleContext | undefined;
  }): Promise<{ draft: TicketDraft; channel: TicketChannel; screenshot: ScreenshotMode }>;
  /** Screenshot of a draft (#14): captured by the shell, or a picked file's bytes (base64); checked here. */
  captureScreenshot(clientId: string): Promise<ScreenshotResult>;
  attachScreenshot(clientId: string, base64: string): ScreenshotResult;
  removeScreenshot(clientId: string): { ok: true };
  /** Saves the screenshot of a draft or of a ticket sent by mail program (which cannot carry it). */
  saveScreenshot(clientId: string): Promise<{ saved: boolean }>;
  send(edit: TicketEdit): Promise<SendResult>;
  /** The ticket as text to copy or save when it cannot be sent. */
  hold(edit: TicketEdit): { text: string; filename: string };
  transcript(runId: string): readonly RunEvent[] | undefined;
  mailtoUrl(clientId: string): string | undefined;
  exportFor(clientId: string): { text: string; filename: string };
  copy(clientId: string): Promise<{ copied: boolean }>;
  save(clientId: string): Promise<{ saved: boolean }>;
  list(): MyTicket[];
  refresh(): Promise<MyTicket[]>;
};

export function createTicketDesk(deps: {
  service: TicketService;
  troubleshooter(id: string): TicketTroubleshooter | undefined;
  onTicketCreated?(runId: string): Promise<void>;
  /** Every ticket that left for the outbox (or mail): its category and diagnosis are counted (issue 15). */
  onTicketSent?(draft: TicketDraft): void;
  /** Host ports for the way out of a refused ticket (FirstlineOptions.copyText/saveText). */
  copyText?(text: string): Promise<boolean>;
  saveText?(suggestedName: string, text: string): Promise<boolean>;
  /** Policy `allowScreenshots` and the host's capture / save ports. */
  screenshots?: ScreenshotPorts;
}): TicketDesk {
  const shots = createScreenshotDesk(deps.screenshots ?? { allowed: false });
  const drafts = new Map<string, TicketDraft>();
  /** The language each draft was written in, so the urgency and callback lines read like the rest. */
  const langs = new Map<string, Lang>();
  const transcripts = new Map<string, RunEvent[]>();
  /** The mailto URL core built for each ticket sent that way, so `ticket:open-mail` needs only the id. */
  const mailtos = new Map<string, string>();
  /**
   * Drafts, with the employee's edits, whose send failed before the outbox took them (no
   * helpdesk set up, store error): exported from here since the outbox has no copy.
   */
  const unsent = new Map<string, TicketDraft>();
  /** Screenshots of tickets handed to the mail program, which cannot attach them: saved on request. */
  const mailedShots = new Map<string, TicketDraft['attachments'][number]>();
  const draftOf = (clientId: string): TicketDraft => {
    const draft = drafts.get(clientId);
    if (!draft) throw new IpcFailure('not-found', { clientId });
    return draft;
  };
  const remember = <T>(map: Map<string, T>, key: string, value: T, max: number) => {
    map.set(key, value);
    while (map.size > max) map.delete(map.keys().next().value as string);
  };

  /** The draft as core wrote it plus the employee's edits; a callback number that is no phone number is refused, not dropped. */
  const applyEdit = (draft: TicketDraft, edit: TicketEdit): TicketDraft => {
    if (edit.callbackPhone?.trim() && !normalisePhone(edit.callbackPhone)) throw new IpcFailure('bad-arguments', { field: 'callbackPhone' });
    const choices = { urgency: edit.urgency, callbackPhone: edit.callbackPhone?.trim() || undefined };
    return applyChoices({ ...shots.confirmed(draft, edit.screenshot), title: edit.title.trim() || draft.title, userText: edit.userText }, choices, langs.get(edit.clientId) ?? 'en');
  };

  /** The redacted text of a ticket (as stored in the outbox, or as last tried), for the way out. */
  const exportFor = (clientId: string): { text: string; filename: string } => {
    let text = deps.service.exportText(clientId);
    const failed = unsent.get(clientId);
    if (text === null && failed) {
      // Redacted again like a send would (no title cut here).
      const final = finaliseDraft(failed, deps.service.redactor, 1000);
      text = ticketAsText(final);
    }
    if (text === null) throw new IpcFailure('not-found', { clientId });
    // Only characters safe in a file name on every OS: the id is a UUID, but never trust it blindly.
    return { text, filename: `firstline-ticket-${clientId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 36)}.txt` };
  };

  return {
    /** Called with every finished run so a ticket can be drafted from its transcript. */
    keepTranscript(events: RunEvent[]) {
      const runId = events[0]?.runId;
      if (runId) remember(transcripts, runId, events, keepTranscripts);
    },

    async draft(request: { lang: Lang; runId?: string | undefined; userText?: string | undefined; article?: ArticleContext | undefined }) {
      let events: RunEvent[] | undefined;
      let troubleshooter: ReturnType<typeof deps.troubleshooter>;
      if (request.runId) {
        events = transcripts.get(request.runId);
        if (!events) throw new IpcFailure('not-found', { runId: request.runId });
        const started = events.find((e) => e.type === 'run-started');
        troubleshooter = started?.type === 'run-started' ? (deps.troubleshooter(started.troubleshooterId) ?? { id: started.troubleshooterId, title: started.title }) : undefined;
      }
      const draft = await deps.service.draft({
        lang: request.lang,
        ...(events ? { events } : {}),
        ...(troubleshooter ? { troubleshooter } : {}),
        ...(request.article && !events ? { article: request.article } : {}),
        ...(request.userText ? { userText: request.userText } : {}),
      });
      remember(drafts, draft.clientId, draft, keepDrafts);
      remember(langs, draft.clientId, request.lang, keepDrafts * 2);
      return { draft, channel: deps.service.channel(), screenshot: shots.mode() };
    },

    async captureScreenshot(clientId: string): Promise<ScreenshotResult> {
      const { draft, result } = await shots.capture(draftOf(clientId));
      // The draft may have been sent meanwhile (the capture takes a moment): never revive it.
      if (drafts.has(clientId)) drafts.set(clientId, draft);
      return result;
    },
    attachScreenshot(clientId: string, base64: string): ScreenshotResult {
      const { draft, result } = shots.pick(draftOf(clientId), base64);
      drafts.set(clientId, draft);
      return result;
    },
    removeScreenshot(clientId: string): { ok: true } {
      drafts.set(clientId, shots.remove(draftOf(clientId)));
      return { ok: true };
    },
    saveScreenshot(clientId: string): Promise<{ saved: boolean }> {
      const draft = drafts.get(clientId) ?? unsent.get(clientId);
      return shots.save(mailedShots.get(clientId) ?? (draft ? screenshotOf(draft) : undefined));
    },

    async send(edit: TicketEdit) {
      const draft = drafts.get(edit.clientId);
      if (!draft) throw new IpcFailure('not-found', { clientId: edit.clientId });
      const edited = applyEdit(draft, edit);
      const result = await deps.service.send(edited);
      if (result.kind === 'error') remember(unsent, edit.clientId, edited, keepDrafts);
      else unsent.delete(edit.clientId);
      if (result.kind === 'sent' || result.kind === 'queued' || result.kind === 'mailto') {
        // Sending twice must not create two tickets: the draft is used up once it is in the outbox.
        drafts.delete(edit.clientId);
        if (result.kind === 'mailto') remember(mailtos, result.clientId, result.url, keepDrafts);
        const shot = screenshotOf(edited);
        if (result.kind === 'mailto' && shot) remember(mailedShots, result.clientId, shot, keepDrafts);
        if (draft.runId) await deps.onTicketCreated?.(draft.runId);
        deps.onTicketSent?.(edited);
      }
      return result;
    },

    /**
     * No way to send from here: keep the edited draft like a failed send, so the way out (Copy,
     * Save as file) exports what the employee wrote. The draft stays usable.
     */
    hold(edit: TicketEdit): { text: string; filename: string } {
      const draft = drafts.get(edit.clientId);
      if (!draft) throw new IpcFailure('not-found', { clientId: edit.clientId });
      remember(unsent, edit.clientId, applyEdit(draft, edit), keepDrafts);
      return exportFor(edit.clientId);
    },

    /** The transcript of a finished run, as kept for drafting. */
    transcript: (runId: string): readonly RunEvent[] | undefined => transcripts.get(runId),
    /** The mailto URL core built when this ticket was sent by the employee's mail program. */
    mailtoUrl: (clientId: string): string | undefined => mailtos.get(clientId),

    exportFor,
    async copy(clientId: string): Promise<{ copied: boolean }> {
      const { text } = exportFor(clientId);
      return { copied: deps.copyText ? await deps.copyText(text) : false };
    },
    async save(clientId: string): Promise<{ saved: boolean }> {
      const { text, filename } = exportFor(clientId);
      return { saved: deps.saveText ? await deps.saveText(filename, text) : false };
    },

    list: () => deps.service.list(),
    /** Status from the helpdesk for "My tickets"; a helpdesk that cannot be reached leaves them as they were. */
    refresh: () => deps.service.refresh(),
  };
}
