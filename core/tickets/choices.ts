/**
 * What the employee chooses on the ticket form besides their words: how much the problem stops
 * their work (mapped per connector to the helpdesk's urgency/priority field) and a number IT can
 * call back — the way to a person when they are locked out of e-mail and chat (issue 14).
 * Both are also written at the top of the ticket text, so helpdesks without such a field (e-mail,
 * Jira without a priority map, a callback nowhere) still tell IT.
 */
import type { Lang } from '../kernel/lang.ts';
import { normalisePhone } from '../kernel/phone.ts';
import { ticketLabels } from './labels.ts';
import type { TicketDraft, Urgency } from './types.ts';

export { normalisePhone };

export type EmployeeChoices = { urgency?: Urgency | undefined; callbackPhone?: string | undefined };

/** The draft with the employee's urgency and callback number set, and both stated at the top of the details. */
export function applyChoices(draft: TicketDraft, choices: EmployeeChoices, lang: Lang): TicketDraft {
  const l = ticketLabels[lang];
  const urgency = choices.urgency ?? draft.urgency;
  const phone = choices.callbackPhone ? normalisePhone(choices.callbackPhone) : null;
  const lines = [`${l.urgency}: ${l.urgencyLevels[urgency]}`];
  if (phone) lines.push(`${l.callback}: ${phone}`);
  const next: TicketDraft = { ...draft, urgency, details: `${lines.join('\n')}\n\n${draft.details}` };
  if (phone) next.callbackPhone = phone;
  else delete next.callbackPhone;
  return next;
}
