/**
 * Drafting a ticket from a run: title within the helpdesk's limit, the employee's own words, what
 * was tried (each check and its finding, each fix, whether verification passed), the machine
 * snapshot, and the full transcript as a text attachment. Everything is redacted here, before the
 * employee previews it — the preview is exactly what will be sent.
 */
import type { Lang } from '../kernel/lang.ts';
import type { RunEvent } from '../engine/events.ts';
import { formatConditionTrace } from '../engine/condition-trace.ts';
import { ticketLabels } from './labels.ts';
import type { TicketLabels } from './labels.ts';
import type { TicketRedactor } from './redaction.ts';
import type { MachineSnapshot } from './snapshot.ts';
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

function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : `${h}h ${m}m`;
}

export function describeSnapshot(s: MachineSnapshot, l: TicketLabels): string {
  const lines = [`${l.os}: ${s.os} ${s.osVersion}`.trim(), `${l.hostname}: ${s.hostname}`, `${l.user}: ${s.user}`, `${l.uptime}: ${formatDuration(s.uptimeSeconds)}`];
  for (const d of s.disks.slice(0, 4)) lines.push(`${l.diskFree} ${d.mount}: ${formatBytes(d.freeBytes)} / ${formatBytes(d.sizeBytes)}`);
  for (const n of s.network.filter((x) => x.up || x.isDefault).slice(0, 4)) {
    lines.push(`${l.network}: ${n.iface} (${n.type})${n.ip4 ? ` ${n.ip4}` : ''}${n.isDefault ? ' *' : ''}`);
  }
  if (s.defaultPrinter) lines.push(`${l.printer}: ${s.defaultPrinter}`);
  return lines.join('\n');
}

/** The numbered "what was tried" list, one block per step. */
export function describeRun(events: readonly RunEvent[], l: TicketLabels): string {
  const lines: string[] = [];
  const started = events.find((e) => e.type === 'run-started');
  const finished = events.find((e) => e.type === 'run-finished');
  if (started?.type === 'run-started') lines.push(`${l.troubleshooter}: ${started.title} (${started.troubleshooterId} ${started.version})`);
  let n = 0;
  for (const e of events) {
    switch (e.type) {
      case 'step-started':
        lines.push(`${++n}. ${e.title}`);
        break;
      case 'action-result':
        if (e.phase === 'check' && e.finding) lines.push(`   ${l.finding}: ${e.finding}`);
        if (e.phase === 'fix') lines.push(`   ${l.fix}: ${e.action} — ${e.ok ? l.fixApplied : l.fixFailed}${e.elevatedBy === 'broker' ? `, ${l.viaBroker}` : ''}${e.finding ? ` (${e.finding})` : ''}`);
        break;
      case 'answer':
        lines.push(`   ${l.answer}: ${String(e.value)}`);
        break;
      case 'verified':
        lines.push(`   ${l.verified}`);
        break;
      case 'verification-failed':
        lines.push(`   ${l.verificationFailed}`);
        break;
      case 'step-finished':
        if (e.finding) lines.push(`   ${l.finding}: ${e.finding}`);
        if (e.skip) lines.push(`   ${l.skippedWhen}: ${formatConditionTrace(e.skip)}`);
        break;
      default:
        break;
    }
  }
  if (finished?.type === 'run-finished') {
    // IT reads the escalation's IT text (the employee's words stay on the employee's screen).
    const why = finished.itReason ?? finished.reason;
    lines.push(`${l.outcome[finished.outcome]}${why ? ` — ${l.reason}: ${why}` : ''}`);
    if (finished.cause) lines.push(`${l.cause}: ${finished.cause}`);
  }
  return lines.join('\n');
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

  const sections = [`${l.whatWasTried}:\n${tried}`, `${l.machine}:\n${describeSnapshot(input.snapshot, l)}`, `${l.reference}: ${input.clientId}`];
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

/** The one export-as-text format (copy, save as file): title, body, then each attachment under its file name. */
export function ticketAsText(draft: TicketDraft): string {
  return [draft.title, '', ticketBody(draft), ...draft.attachments.flatMap((a) => ['', `--- ${a.filename} ---`, a.content])].join('\n');
}

/** Re-applies redaction and the title limit to a draft the employee edited. */
export function finaliseDraft(draft: TicketDraft, redactor: TicketRedactor, titleLimit: number): TicketDraft {
  return {
    ...draft,
    title: redactor.text(truncateTitle(draft.title, titleLimit)) || 'Firstline',
    userText: redactor.text(draft.userText),
    details: redactor.text(draft.details),
    attachments: draft.attachments.map((a) => ({ ...a, content: redactor.text(a.content) })),
  };
}
