/**
 * Drafting a ticket from a run: title within the helpdesk's limit, the employee's own words, what
 * was tried (each check and its finding, each fix, whether verification passed), the machine
 * snapshot, and the full transcript as a text attachment. Everything is redacted here, before the
 * employee previews it — the preview is exactly what will be sent.
 */
import type { Lang } from '../kernel/lang.ts';
import type { RunEvent } from '../engine/events.ts';
import { ticketLabels } from './labels.ts';
import type { TicketRedactor } from './redaction.ts';
import type { MachineSnapshot } from './snapshot.ts';
import { describeRun, describeSnapshot } from './summary.ts';
import type { TicketDraft, Urgency } from './types.ts';

export type DraftInput = {
  clientId: string;
  now: Date;
  lang: Lang;
  /** Absent for "Contact IT" without a run. */
  events?: readonly RunEvent[];
  troubleshooter?: { id: string; title: string; category?: string; urgency?: Urgency };
  /** "Contact IT" from a knowledge article: which one, and the employee's "Did this help?". */
  article?: ArticleContext;
  userText?: string;
  snapshot: MachineSnapshot;
  titleLimit: number;
  requesterEmail?: string;
};

export type ArticleContext = { id: string; title: string; category: string; helpful?: boolean | undefined };

/** Replaces lone UTF-16 surrogates (from a cut emoji or pasted text) so encoders never throw. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `text.slice(0, end)` that never splits a surrogate pair (an emoji) in two. */
export function sliceWhole(text: string, end: number): string {
  const cut = text.slice(0, Math.max(0, end));
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Cuts on a word boundary and adds an ellipsis so the title fits `limit` characters. */
export function truncateTitle(title: string, limit: number): string {
  const clean = wellFormed(title).replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const room = sliceWhole(clean, limit - 1);
  const space = room.lastIndexOf(' ');
  // A single very long word is cut mid-word rather than leaving almost nothing.
  const cut = space >= limit / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s.,;:–-]+$/, '')}…`;
}

/** Full transcript, one event per line, with command output (redacted later with the rest). */
export function transcriptText(events: readonly RunEvent[]): string {
  return events
    .map((e) => {
      const { runId: _r, seq, at, type, ...rest } = e;
      return `${String(seq).padStart(3, '0')} ${at} ${type} ${JSON.stringify(rest)}`;
    })
    .join('\n');
}

export function buildDraft(input: DraftInput, redactor: TicketRedactor): TicketDraft {
  const l = ticketLabels[input.lang];
  const events = input.events ?? [];
  const finished = events.find((e) => e.type === 'run-finished');
  const outcome = finished?.type === 'run-finished' ? l.outcome[finished.outcome] : undefined;
  const article = input.article;
  const helped = article ? l.articleHelped[article.helpful === undefined ? 'unanswered' : article.helpful ? 'yes' : 'no'] : '';
  const rawTitle = input.troubleshooter
    ? l.runTitle(input.troubleshooter.title, outcome ?? l.outcome['needs-human'])
    : article
      ? firstLine(input.userText) || l.runTitle(article.title, helped)
      : firstLine(input.userText) || l.contactTitle(input.snapshot.hostname);
  const tried = events.length ? describeRun(events, l) : article ? `${l.articleRead}: ${article.title} (${article.id})\n${helped}` : l.nothingTried;

  const sections = [`${l.whatWasTried}:\n${tried}`, `${l.machine}:\n${describeSnapshot(input.snapshot, l, input.lang)}`, `${l.reference}: ${input.clientId}`];
  const draft: TicketDraft = {
    clientId: input.clientId,
    title: redactor.text(truncateTitle(rawTitle, input.titleLimit)),
    userText: redactor.text(input.userText ?? ''),
    details: redactor.text(sections.join('\n\n')),
    urgency: input.troubleshooter?.urgency ?? 'normal',
    attachments: events.length ? [{ filename: l.transcriptName, contentType: 'text/plain; charset=utf-8', content: redactor.text(transcriptText(events)) }] : [],
    createdAt: input.now.toISOString(),
  };
  if (input.troubleshooter) {
    draft.troubleshooterId = input.troubleshooter.id;
    if (input.troubleshooter.category) draft.category = input.troubleshooter.category;
  }
  // Articles share the catalog's id space; the id tells IT (and the report) which how-to it was.
  if (article && !input.troubleshooter) {
    draft.troubleshooterId = article.id;
    draft.category = article.category;
  }
  const runId = events[0]?.runId;
  if (runId) draft.runId = runId;
  if (input.requesterEmail) draft.requesterEmail = input.requesterEmail;
  return draft;
}

function firstLine(text: string | undefined): string {
  return (
    (text ?? '')
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? ''
  );
}

/** The text body every connector sends: the employee's words first, then the details. */
export function ticketBody(draft: TicketDraft): string {
  return draft.userText.trim() ? `${draft.userText.trim()}\n\n${draft.details}` : draft.details;
}

/** The one export-as-text format (copy, save as file): title, body, then each text attachment under its file name; an image is named with its type and size, its bytes cannot be text. */
export function ticketAsText(draft: TicketDraft): string {
  const attachment = (a: TicketDraft['attachments'][number]) =>
    a.encoding === 'base64' ? ['', `--- ${a.filename} (${a.contentType}, ${a.size ?? Buffer.byteLength(a.content, 'base64')} bytes) ---`] : ['', `--- ${a.filename} ---`, a.content];
  return [draft.title, '', ticketBody(draft), ...draft.attachments.flatMap(attachment)].join('\n');
}

/** Re-applies redaction and the title limit to a draft the employee edited. */
export function finaliseDraft(draft: TicketDraft, redactor: TicketRedactor, titleLimit: number): TicketDraft {
  return {
    ...draft,
    title: redactor.text(truncateTitle(draft.title, titleLimit)) || 'Firstline',
    userText: redactor.text(draft.userText),
    details: redactor.text(draft.details),
    // Text is redacted again; an image cannot be, which is why it is attached only when the employee added and saw it.
    attachments: draft.attachments.map((a) => (a.encoding === 'base64' ? a : { ...a, content: redactor.text(a.content) })),
  };
}
