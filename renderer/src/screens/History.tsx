import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult, TroubleshooterSummary } from '../../../contract/index.ts';
import { call } from '../api.ts';
import type { UiLang } from '../i18n.ts';
import type { Navigate } from '../navigation.ts';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { MyTickets } from '../components/MyTickets.tsx';

type Record = ChannelResult<'history:list'>[number];

const outcomeKey: { [K in Record['outcome']]: string } = {
  resolved: 'history.outcome.resolved',
  'not-resolved': 'history.outcome.notResolved',
  cancelled: 'history.outcome.cancelled',
  'needs-human': 'history.outcome.needsHuman',
  error: 'history.outcome.error',
};

type Tab = 'runs' | 'tickets';

/**
 * Two tabs: past fixes on this machine (newest first, with their outcome and "Run again") and
 * My tickets ("where is my ticket?" on its own, issue 14).
 */
export function History({ navigate, tab: initialTab = 'runs' }: { navigate: Navigate; tab?: Tab | undefined }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(initialTab);
  const tabs: Tab[] = ['runs', 'tickets'];
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = tab === 'runs' ? 'tickets' : 'runs';
    setTab(next);
    document.getElementById(`history-tab-${next}`)?.focus();
  };
  return (
    <section aria-labelledby="history-heading" className="screen">
      <ScreenHeading id="history-heading">{t('history.screenHeading')}</ScreenHeading>
      <div role="tablist" aria-labelledby="history-heading" className="tabs" onKeyDown={onKey}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`history-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`history-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
          >
            {t(name === 'runs' ? 'history.tabRuns' : 'history.tabTickets')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`history-panel-${tab}`} aria-labelledby={`history-tab-${tab}`} className="screen">
        {tab === 'runs' ? <PastRuns navigate={navigate} /> : <MyTickets />}
      </div>
    </section>
  );
}

/** Past runs on this machine, newest first, each with its outcome and a way to run it again. */
function PastRuns({ navigate }: { navigate: Navigate }) {
  const { t, i18n } = useTranslation();
  const [runs, setRuns] = useState<Record[] | null>(null);
  const [catalog, setCatalog] = useState<Map<string, TroubleshooterSummary>>(new Map());
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    call('history:list', {}).then(setRuns, () => setFailed(true));
    call('catalog:list', { lang: i18n.language as UiLang }).then(
      (items) => setCatalog(new Map(items.map((i) => [i.id, i]))),
      () => setFailed(true),
    );
  }, [i18n.language]);

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      {failed && <p role="alert">{t('history.loadFailed')}</p>}
      {runs && runs.length === 0 && <p>{t('history.empty')}</p>}
      <ul className="history">
        {runs?.map((run) => {
          const item = catalog.get(run.troubleshooterId);
          const title = item?.title ?? run.troubleshooterId;
          return (
            <li key={run.runId} className="history-item">
              <span className="tile-title">{title}</span>
              {/* "Handed to IT" only when a ticket really went; otherwise say IT is still needed. */}
              <span className={`badge badge-${run.outcome}`}>{run.ticketCreated ? t('history.outcome.sent') : t(outcomeKey[run.outcome])}</span>
              <span className="tile-summary">
                <time dateTime={run.startedAt}>{when.format(new Date(run.startedAt))}</time>
              </span>
              {item && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('history.runAgainLabel', { title })}
                  onClick={() => navigate({ name: 'run', troubleshooterId: item.id, title: item.title })}
                >
                  {t('history.runAgain')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
