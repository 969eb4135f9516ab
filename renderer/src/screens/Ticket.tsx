import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';
import type { UiLang } from '../i18n.ts';
import type { Navigate, Screen } from '../navigation.ts';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { SupportContact } from '../components/SupportContact.tsx';
import { TicketSent } from '../components/TicketSent.tsx';
import { HeldWayOut, TicketWayOut } from '../components/TicketWayOut.tsx';
import { messageKeyOr } from '../messages.ts';
import { enoughWords, subjectFromWords } from '../ticket-words.ts';
import { normalisePhone } from '../../../contract/phone.ts';
import { TicketChoices, type Urgency } from '../components/TicketChoices.tsx';
import { ScreenshotNotSent, TicketScreenshot } from '../components/TicketScreenshot.tsx';

type DraftView = ChannelResult<'ticket:draft'>;
type SendResult = ChannelResult<'ticket:send'>;

/**
 * The ticket preview: exactly what IT will receive (already redacted by the core), with the title
 * and the employee's own words editable. Reached from a failed run or straight from "Contact IT".
 * Only what can work is offered: Send with a helpdesk, the mail program with an address, and
 * otherwise the contact details with Copy / Save as file (issue 14: no dead ends).
 */
export function Ticket({ info, screen, navigate }: { info: AppInfo | null; screen: Extract<Screen, { name: 'ticket' }>; navigate: Navigate }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<DraftView | null>(null);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [userText, setUserText] = useState(screen.text ?? '');
  const [failed, setFailed] = useState(false);
  const [sending, setSending] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  const [phone, setPhone] = useState('');
  const [phoneChecked, setPhoneChecked] = useState(false);
  /** The screenshot's file name as the form shows it; the app sends an image only when this matches. */
  const [screenshot, setScreenshot] = useState<string | null>(null);
  const callbackRequired = screen.callback === true;
  /** Counts failed sends, so the way out reloads the text of the latest attempt. */
  const [attempt, setAttempt] = useState(0);
  const fromRun = screen.runId !== undefined;

  useEffect(() => {
    call('ticket:draft', { lang: i18n.language as UiLang, ...(screen.runId ? { runId: screen.runId } : {}), ...(screen.articleId ? { articleId: screen.articleId } : {}) }).then(
      (v) => {
        setView(v);
        setTitle(v.draft.title);
      },
      () => setFailed(true),
    );
  }, [screen.runId, screen.articleId, i18n.language]);

  // Written from scratch, the subject follows the employee's first words until they edit it.
  const shownTitle = !fromRun && !screen.articleId && !titleEdited && userText.trim() ? subjectFromWords(userText) : title;
  const shownUrgency: Urgency = urgency ?? view?.draft.urgency ?? 'normal';
  const edit = () => ({
    clientId: view?.draft.clientId ?? '',
    title: shownTitle,
    userText,
    urgency: shownUrgency,
    ...(phone.trim() ? { callbackPhone: phone.trim() } : {}),
    ...(screenshot ? { screenshot } : {}),
  });
  const wordsMissing = !fromRun && !enoughWords(userText);
  const phoneProblem = phone.trim() ? (normalisePhone(phone) ? null : 'invalid') : callbackRequired ? 'missing' : null;
  /** Says what is missing and puts the cursor there; true when the form may go. */
  const ready = (): boolean => {
    setTooShort(true);
    setPhoneChecked(true);
    const field = wordsMissing ? 'ticket-text' : phoneProblem ? 'ticket-callback' : null;
    if (field) document.getElementById(field)?.focus();
    return field === null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!view || sending) return;
    if (!ready()) return;
    setSending(true);
    setResult(null);
    void call('ticket:send', edit())
      .then(setResult, () => setResult({ kind: 'error', messageKey: 'ticket.error.unknown' }))
      .then(() => setAttempt((n) => n + 1))
      // After an error or a refusal the employee can correct the text and send again.
      .finally(() => setSending(false));
  };

  const channel = view?.channel;
  const canSend = channel === 'api' || channel === 'email' || channel === 'mailto';
  const heading = fromRun ? t('ticket.headingFromRun') : t('ticket.headingContact');
  const done = result !== null && result.kind !== 'error' && result.kind !== 'rejected';
  const sendLabel = channel === 'mailto' ? t('ticket.sendByMail') : t('ticket.send');
  return (
    <section aria-labelledby="ticket-heading" className="screen">
      <ScreenHeading id="ticket-heading">{heading}</ScreenHeading>
      {!done && <p>{fromRun ? t('ticket.introFromRun') : t('ticket.introContact')}</p>}
      {(!canSend || !done) && <SupportContact info={info} />}
      {failed && (
        <p role="alert" className="error">
          {t('ticket.draftFailed')}
        </p>
      )}
      {!view && !failed && <p role="status">{t('ticket.preparing')}</p>}
      {view && !done && (
        <form className="ticket-form" onSubmit={submit} noValidate>
          {!canSend && <p className="notice">{t('ticket.channel.none')}</p>}
          <label htmlFor="ticket-text">{fromRun ? t('ticket.userText') : t('ticket.userTextRequired')}</label>
          <textarea
            id="ticket-text"
            className="input"
            rows={4}
            maxLength={8000}
            value={userText}
            aria-describedby="ticket-text-hint"
            aria-invalid={tooShort && wordsMissing ? true : undefined}
            aria-required={!fromRun || undefined}
            onChange={(e) => setUserText(e.target.value)}
          />
          <p id="ticket-text-hint" className={tooShort && wordsMissing ? 'error' : 'hint'}>
            {tooShort && wordsMissing ? t('ticket.userTextTooShort') : t('ticket.userTextHint')}
          </p>
          <TicketChoices urgency={shownUrgency} onUrgency={setUrgency} phone={phone} onPhone={setPhone} phoneError={phoneChecked ? phoneProblem : null} callbackRequired={callbackRequired} />
          <label htmlFor="ticket-title">{t('ticket.title')}</label>
          <input
            id="ticket-title"
            className="input"
            value={shownTitle}
            maxLength={300}
            onChange={(e) => {
              setTitleEdited(true);
              setTitle(e.target.value);
            }}
          />
          <h3 className="section-heading" id="ticket-details-heading">
            {t('ticket.detailsHeading')}
          </h3>
          {/* Focusable so keyboard users can scroll it; it is exactly what IT receives. */}
          <pre className="ticket-details" tabIndex={0} aria-labelledby="ticket-details-heading">
            {view.draft.details}
          </pre>
          {view.draft.attachments.length > 0 && (
            <p className="hint">{t('ticket.attachments', { count: view.draft.attachments.length, names: view.draft.attachments.map((a) => a.filename).join(', ') })}</p>
          )}
          {view.screenshot !== 'off' && <TicketScreenshot clientId={view.draft.clientId} mode={view.screenshot} onChange={setScreenshot} />}
          {screenshot && (channel === 'mailto' || !canSend) && <ScreenshotNotSent clientId={view.draft.clientId} />}
          {canSend && <p className="hint">{t(`ticket.channel.${view.channel}`)}</p>}
          {result && (
            <p role="alert" className="error">
              {t(messageKeyOr(result.kind === 'error' || result.kind === 'rejected' ? result.messageKey : '', 'ticket.error.unknown'))}
            </p>
          )}
          {result && <TicketWayOut key={attempt} clientId={view.draft.clientId} />}
          {!canSend && <HeldWayOut edit={edit} blocked={wordsMissing || phoneProblem !== null} onBlocked={ready} />}
          <div className="button-row">
            {canSend && (
              <button type="submit" className="button button-primary" disabled={sending && result === null}>
                {sending && result === null ? t('ticket.sending') : sendLabel}
              </button>
            )}
            <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
              {canSend ? t('ticket.cancel') : t('ending.home')}
            </button>
          </div>
        </form>
      )}
      {done && result?.kind === 'mailto' && screenshot && <ScreenshotNotSent clientId={result.clientId} />}
      {done && result && <TicketSent result={result} info={info} onHome={() => navigate({ name: 'home' })} onMyTickets={() => navigate({ name: 'history', tab: 'tickets' })} />}
    </section>
  );
}
