import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';
import type { UiLang } from '../i18n.ts';
import type { Navigate, Screen } from '../navigation.ts';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { SupportContact } from '../components/SupportContact.tsx';
import { TicketWayOut } from '../components/TicketWayOut.tsx';
import { messageKeyOr } from '../messages.ts';

type DraftView = ChannelResult<'ticket:draft'>;
type SendResult = ChannelResult<'ticket:send'>;

/**
 * The ticket preview: exactly what IT will receive (already redacted by the core), with the title
 * and the employee's own words editable. Reached from a failed run or straight from "Contact IT".
 */
export function Ticket({ info, screen, navigate }: { info: AppInfo | null; screen: Extract<Screen, { name: 'ticket' }>; navigate: Navigate }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<DraftView | null>(null);
  const [title, setTitle] = useState('');
  const [userText, setUserText] = useState('');
  const [failed, setFailed] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  /** Counts failed sends, so the way out reloads the text of the latest attempt. */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    call('ticket:draft', { lang: i18n.language as UiLang, ...(screen.runId ? { runId: screen.runId } : {}) }).then(
      (v) => {
        setView(v);
        setTitle(v.draft.title);
      },
      () => setFailed(true),
    );
  }, [screen.runId, i18n.language]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!view || sending) return;
    setSending(true);
    setResult(null);
    call('ticket:send', { clientId: view.draft.clientId, title, userText })
      .then(setResult, () => setResult({ kind: 'error', messageKey: 'ticket.error.unknown' }))
      .then(() => setAttempt((n) => n + 1))
      // After an error or a refusal the employee can correct the text and send again.
      .finally(() => setSending(false));
  };

  const fromRun = screen.runId !== undefined;
  const heading = fromRun ? t('ticket.headingFromRun') : t('ticket.headingContact');
  const done = result !== null && result.kind !== 'error' && result.kind !== 'rejected';
  return (
    <section aria-labelledby="ticket-heading" className="screen">
      <ScreenHeading id="ticket-heading">{heading}</ScreenHeading>
      <p>{fromRun ? t('ticket.introFromRun') : t('ticket.introContact')}</p>
      <SupportContact info={info} />
      {failed && (
        <p role="alert" className="error">
          {t('ticket.draftFailed')}
        </p>
      )}
      {!view && !failed && <p role="status">{t('ticket.preparing')}</p>}
      {view && !done && (
        <form className="ticket-form" onSubmit={submit}>
          <label htmlFor="ticket-title">{t('ticket.title')}</label>
          <input id="ticket-title" className="input" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="ticket-text">{t('ticket.userText')}</label>
          <textarea
            id="ticket-text"
            className="input"
            rows={4}
            maxLength={8000}
            value={userText}
            aria-describedby="ticket-text-hint"
            onChange={(e) => setUserText(e.target.value)}
          />
          <p id="ticket-text-hint" className="hint">
            {t('ticket.userTextHint')}
          </p>
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
          <p className="hint">{t(`ticket.channel.${view.channel}`)}</p>
          {result && (
            <p role="alert" className="error">
              {t(messageKeyOr(result.kind === 'error' || result.kind === 'rejected' ? result.messageKey : '', 'ticket.error.unknown'))}
            </p>
          )}
          {result && <TicketWayOut key={attempt} clientId={view.draft.clientId} />}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={sending && result === null}>
              {sending && result === null ? t('ticket.sending') : t('ticket.send')}
            </button>
            <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
              {t('ticket.cancel')}
            </button>
          </div>
        </form>
      )}
      {done && result && <SendOutcome result={result} onHome={() => navigate({ name: 'home' })} />}
    </section>
  );
}

function SendOutcome({ result, onHome }: { result: SendResult; onHome(): void }) {
  const { t } = useTranslation();
  return (
    <div className="ending" role="status">
      {result.kind === 'sent' && <p className="ending-heading">{result.number ? t('ticket.sent', { number: result.number }) : t('ticket.sentNoNumber')}</p>}
      {result.kind === 'queued' && <p className="ending-heading">{t('ticket.queued')}</p>}
      {result.kind === 'mailto' && <OpenMail clientId={result.clientId} />}
      <button type="button" className="button" onClick={onHome}>
        {t('ending.home')}
      </button>
    </div>
  );
}

/**
 * No helpdesk connector: the employee's mail program sends the ticket. The button names the
 * ticket only; the app opens the mail link core built for it (the window never navigates).
 */
function OpenMail({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'opening' | 'opened' | 'failed'>('idle');
  const open = () => {
    setState('opening');
    call('ticket:open-mail', { clientId }).then(
      ({ opened }) => setState(opened ? 'opened' : 'failed'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <p className="ending-heading">
        <button type="button" className="button button-primary" disabled={state === 'opening'} onClick={open}>
          {t('ticket.openMail')}
        </button>
      </p>
      {state === 'opened' && <p>{t('ticket.openMailOpened')}</p>}
      {state === 'failed' && <p className="error">{t('ticket.openMailFailed')}</p>}
    </>
  );
}
