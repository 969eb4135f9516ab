import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from './run-state.ts';
import { RunFeedback } from './RunFeedback.tsx';

/**
 * The clear ending of a run: "Fixed" and what was done, or "This didn't fix it — send it to IT?"
 * with the ticket one click away. Focus moves here so keyboard users continue from the result.
 */
export function RunEnding({ view, onTicket, onAgain, onHome }: { view: RunView; onTicket(): void; onAgain(): void; onHome(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const outcome = view.ended?.outcome ?? 'error';
  const done = view.steps.filter((s) => s.status === 'fixed' || s.status === 'passed');
  const findings = done.flatMap((s) => s.findings);

  const headingKey: string = {
    resolved: 'ending.fixed',
    'not-resolved': 'ending.notFixed',
    error: 'ending.error',
    'needs-human': 'ending.needsHuman',
    cancelled: 'ending.cancelled',
  }[outcome];

  return (
    <section className={`ending ending-${outcome}`} aria-labelledby="ending-heading">
      <h3 id="ending-heading" ref={heading} tabIndex={-1} className="ending-heading">
        {t(headingKey)}
      </h3>
      {view.ended?.reason && <p>{view.ended.reason}</p>}
      {outcome === 'resolved' && (
        <>
          {view.agreedChanges.length > 0 && (
            <>
              <p>{t('ending.whatWasDone')}</p>
              <ul>
                {view.agreedChanges.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
          {view.agreedChanges.length === 0 && findings.length > 0 && (
            <>
              <p>{t('ending.whatWasChecked')}</p>
              <ul>
                {findings.map((f, i) => (
                  <li key={i}>{f}</li>
                ))}
              </ul>
            </>
          )}
          <RunFeedback runId={view.runId} />
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={onHome}>
              {t('ending.done')}
            </button>
            <button type="button" className="button" onClick={onTicket}>
              {t('ending.stillBroken')}
            </button>
          </div>
        </>
      )}
      {(outcome === 'not-resolved' || outcome === 'error' || outcome === 'needs-human') && (
        <>
          <p>{t('ending.ticketOffer')}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={onTicket}>
              {t('ending.sendToIt')}
            </button>
            <button type="button" className="button" onClick={onHome}>
              {t('ending.notNow')}
            </button>
          </div>
        </>
      )}
      {outcome === 'cancelled' && (
        <>
          <p>{t('ending.cancelledNote')}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={onAgain}>
              {t('ending.tryAgain')}
            </button>
            <button type="button" className="button" onClick={onHome}>
              {t('ending.home')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
