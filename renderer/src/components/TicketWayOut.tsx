import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelArgs } from '../../../contract/index.ts';
import { call } from '../api.ts';

type Status = 'idle' | 'busy' | 'copied' | 'copy-failed' | 'saved' | 'save-failed';

/**
 * The way out when a ticket was not taken (issue 5: "nothing is lost"): the ticket's text as
 * the app holds it (redacted), selectable but read-only, with Copy and Save as file…. Only the
 * client id goes to the app; it takes the text itself and the OS save dialog picks the path.
 */
export function TicketWayOut({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [status, setStatus] = useState<Status>('idle');

  useEffect(() => {
    let current = true;
    call('ticket:export', { clientId }).then(
      (exported) => current && setText(exported.text),
      () => current && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
  }, [clientId]);

  const copy = () => {
    setStatus('busy');
    call('ticket:copy', { clientId }).then(
      ({ copied }) => setStatus(copied ? 'copied' : 'copy-failed'),
      () => setStatus('copy-failed'),
    );
  };
  const save = () => {
    setStatus('busy');
    call('ticket:save', { clientId }).then(
      ({ saved }) => setStatus(saved ? 'saved' : 'save-failed'),
      () => setStatus('save-failed'),
    );
  };

  const statusText: Record<Status, string> = {
    idle: '',
    busy: '',
    copied: t('ticket.wayOut.copied'),
    'copy-failed': t('ticket.wayOut.copyFailed'),
    saved: t('ticket.wayOut.saved'),
    'save-failed': t('ticket.wayOut.saveFailed'),
  };
  if (loadFailed) return <p className="error">{t('ticket.wayOut.loadFailed')}</p>;
  return (
    <div className="way-out">
      <p className="hint">{t('ticket.wayOut.intro')}</p>
      <label htmlFor={`${id}-text`}>{t('ticket.wayOut.textLabel')}</label>
      <textarea id={`${id}-text`} className="input" rows={6} readOnly value={text ?? ''} />
      <div className="button-row">
        <button type="button" className="button" disabled={text === null || status === 'busy'} onClick={copy}>
          {t('ticket.wayOut.copy')}
        </button>
        <button type="button" className="button" disabled={text === null || status === 'busy'} onClick={save}>
          {t('ticket.wayOut.save')}
        </button>
      </div>
      {/* Always present so screen readers announce each change. */}
      <p role="status" className={status === 'copy-failed' || status === 'save-failed' ? 'error' : 'hint'}>
        {statusText[status]}
      </p>
    </div>
  );
}

type HeldStatus = 'idle' | 'busy' | 'copied' | 'saved' | 'failed';

/**
 * No helpdesk and no e-mail address: the employee's text still reaches IT by hand. Copy and
 * Save as file take exactly what the form shows (the app keeps it under the draft's id first).
 */
export function HeldWayOut({ edit, blocked, onBlocked }: { edit(): ChannelArgs<'ticket:hold'>; blocked: boolean; onBlocked(): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HeldStatus>('idle');
  const run = (how: 'copy' | 'save') => {
    if (blocked) {
      onBlocked();
      document.getElementById('ticket-text')?.focus();
      return;
    }
    setStatus('busy');
    const { clientId } = edit();
    call('ticket:hold', edit())
      .then(() => (how === 'copy' ? call('ticket:copy', { clientId }).then((r) => r.copied) : call('ticket:save', { clientId }).then((r) => r.saved)))
      .then(
        (ok) => setStatus(ok ? (how === 'copy' ? 'copied' : 'saved') : 'failed'),
        () => setStatus('failed'),
      );
  };
  const statusText: Record<HeldStatus, string> = {
    idle: '',
    busy: '',
    copied: t('ticket.wayOut.copied'),
    saved: t('ticket.wayOut.saved'),
    failed: t('ticket.held.failed'),
  };
  return (
    <div className="way-out">
      <p className="hint">{t('ticket.held.intro')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={status === 'busy'} onClick={() => run('copy')}>
          {t('ticket.wayOut.copy')}
        </button>
        <button type="button" className="button" disabled={status === 'busy'} onClick={() => run('save')}>
          {t('ticket.wayOut.save')}
        </button>
      </div>
      <p role="status" className={status === 'failed' ? 'error' : 'hint'}>
        {statusText[status]}
      </p>
    </div>
  );
}
