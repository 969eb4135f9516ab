import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';

type Shot = Extract<ChannelResult<'ticket:screenshot-capture'>, { ok: true }>;
type Reason = Extract<ChannelResult<'ticket:screenshot-capture'>, { ok: false }>['reason'];
type Mode = ChannelResult<'ticket:draft'>['screenshot'];

/** The same limit the app enforces (core/tickets/screenshot.ts); checked here first so a huge file is never read. */
const maxBytes = 5 * 1024 * 1024;

/** Bytes in the employee's language ("1,2 MB", "830 kB"). */
export function formatSize(bytes: number, lang: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(lang, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * "Add a screenshot" in the ticket form (#14). Electron captures (Firstline hides itself first);
 * the browser host offers a file picker — which one is the app's `mode`, not a guess. The picture
 * shown is the one the app checked and will send, byte for byte; it can be opened larger, removed
 * or replaced. `onChange` gives the file name the form saw (sent with the ticket as confirmation).
 */
export function TicketScreenshot({ clientId, mode, onChange }: { clientId: string; mode: Exclude<Mode, 'off'>; onChange(filename: string | null): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [shot, setShot] = useState<Shot | null>(null);
  const [error, setError] = useState<Reason | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const show = (result: ChannelResult<'ticket:screenshot-capture'>) => {
    if (result.ok) {
      setShot(result);
      setError(null);
      onChange(result.filename);
      setStatus(t('ticket.screenshot.added'));
    } else setError(result.reason);
  };
  const capture = () => {
    setBusy(true);
    setStatus(t('ticket.screenshot.taking'));
    call('ticket:screenshot-capture', { clientId })
      .then(show, () => setError('failed'))
      .finally(() => setBusy(false));
  };
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) return setError('too-large');
    setBusy(true);
    readBase64(file)
      .then((data) => call('ticket:screenshot-attach', { clientId, data }))
      .then(show, () => setError('failed'))
      .finally(() => setBusy(false));
  };
  const add = () => (mode === 'capture' ? capture() : input.current?.click());
  const remove = () => {
    call('ticket:screenshot-remove', { clientId }).then(
      () => {
        setShot(null);
        onChange(null);
        setStatus(t('ticket.screenshot.removed'));
      },
      () => setError('failed'),
    );
  };

  return (
    <div className="ticket-screenshot" role="group" aria-labelledby={`${id}-heading`}>
      <h3 className="section-heading" id={`${id}-heading`}>
        {t('ticket.screenshot.heading')}
      </h3>
      <p className="hint" id={`${id}-hint`}>
        {mode === 'capture' ? t('ticket.screenshot.hintCapture') : t('ticket.screenshot.hintPick')}
      </p>
      {mode === 'pick' && <input ref={input} id={`${id}-file`} type="file" accept="image/png,image/jpeg" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={picked} />}
      {shot && (
        <figure className="screenshot-preview">
          <button type="button" className="screenshot-thumb" onClick={() => dialog.current?.showModal()} aria-describedby={`${id}-caption`}>
            <img src={shot.dataUrl} alt={t('ticket.screenshot.alt', { name: shot.filename })} />
            <span className="visually-hidden">{t('ticket.screenshot.open')}</span>
          </button>
          <figcaption id={`${id}-caption`} className="hint">
            {t('ticket.screenshot.caption', { name: shot.filename, size: formatSize(shot.size, i18n.language) })}
          </figcaption>
          <p className="hint">{t('ticket.screenshot.privacy')}</p>
        </figure>
      )}
      {error && (
        <p role="alert" className="error">
          {t(`ticket.screenshot.error.${error}`)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-small" onClick={add} disabled={busy} aria-describedby={`${id}-hint`}>
          {shot ? (mode === 'capture' ? t('ticket.screenshot.retake') : t('ticket.screenshot.replace')) : mode === 'capture' ? t('ticket.screenshot.take') : t('ticket.screenshot.choose')}
        </button>
        {shot && (
          <button type="button" className="button button-small" onClick={remove} disabled={busy}>
            {t('ticket.screenshot.remove')}
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {shot && (
        <dialog ref={dialog} className="screenshot-dialog" aria-label={t('ticket.screenshot.alt', { name: shot.filename })}>
          <img src={shot.dataUrl} alt={t('ticket.screenshot.alt', { name: shot.filename })} />
          <form method="dialog">
            <button type="submit" className="button" autoFocus>
              {t('ticket.screenshot.close')}
            </button>
          </form>
        </dialog>
      )}
    </div>
  );
}

/** The mail program (or copying the text) cannot carry a picture: say so and offer to save it. */
export function ScreenshotNotSent({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  const save = () =>
    call('ticket:screenshot-save', { clientId }).then(
      ({ saved }) => setState(saved ? 'saved' : 'failed'),
      () => setState('failed'),
    );
  return (
    <div className="notice screenshot-not-sent">
      <p>{t('ticket.screenshot.notAttached')}</p>
      <button type="button" className="button button-small" onClick={() => void save()}>
        {t('ticket.screenshot.save')}
      </button>
      <p role="status" className="hint">
        {state === 'saved' ? t('ticket.screenshot.saved') : state === 'failed' ? t('ticket.screenshot.saveFailed') : ''}
      </p>
    </div>
  );
}
