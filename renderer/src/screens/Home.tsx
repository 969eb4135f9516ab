import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ChannelResult, TroubleshooterSummary } from '../../../contract/index.ts';
import { callEarly, earlyAnswer } from '../early-calls.ts';
import { warmNumberFormat, type UiLang } from '../i18n.ts';
import type { Navigate } from '../navigation.ts';
import { createRankedSearch, orderTiles } from '../search.ts';
import { OutageBanner } from '../components/OutageBanner.tsx';
import { TalkToPerson } from '../components/TalkToPerson.tsx';
import { call } from '../api.ts';

const maxTiles = 6;

function countRuns(runs: ChannelResult<'history:list'>): Map<string, number> {
  return runs.reduce((m, r) => m.set(r.troubleshooterId, (m.get(r.troubleshooterId) ?? 0) + 1), new Map<string, number>());
}

export function Home({ info, navigate }: { info: AppInfo | null; navigate: Navigate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLang;
  // What arrived while the window was starting is shown in the first render (early-calls.ts).
  const [items, setItems] = useState<TroubleshooterSummary[] | null>(() => earlyAnswer('catalog:list', { lang }) ?? null);
  const [failed, setFailed] = useState(false);
  const [tileOrder, setTileOrder] = useState<string[]>(() => earlyAnswer('settings:get', {})?.tileOrder ?? []);
  const [runCounts, setRunCounts] = useState<Map<string, number>>(() => countRuns(earlyAnswer('history:list', {}) ?? []));
  const [query, setQuery] = useState('');
  const resultsRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    callEarly('catalog:list', { lang }).then(setItems, () => setFailed(true));
  }, [lang]);
  useEffect(() => {
    if (items) warmNumberFormat(lang);
  }, [items, lang]);
  useEffect(() => {
    // Tile order is a nicety: when either call fails the catalog order is used.
    callEarly('settings:get', {}).then(
      (s) => setTileOrder(s.tileOrder),
      () => undefined,
    );
    callEarly('history:list', {}).then(
      (runs) => setRunCounts(countRuns(runs)),
      () => undefined,
    );
  }, []);

  const search = useMemo(() => createRankedSearch(items ?? []), [items]);
  const ranked = useMemo(() => search(query), [search, query]);
  const results = ranked.items;
  // Tiles are for fixes; an article becomes a tile only when the organisation pins it.
  const tiles = useMemo(
    () =>
      orderTiles(
        (items ?? []).filter((i) => i.kind !== 'article' || tileOrder.includes(i.id)),
        tileOrder,
        runCounts,
      ).slice(0, maxTiles),
    [items, tileOrder, runCounts],
  );
  const start = (item: TroubleshooterSummary) =>
    navigate(item.kind === 'article' ? { name: 'article', articleId: item.id, title: item.title } : { name: 'run', troubleshooterId: item.id, title: item.title });
  // A search that found nothing is reported once (the app keeps only normalized words), so IT
  // learns what the catalog is missing.
  const reported = useRef(new Set<string>());
  const reportMiss = () => {
    const q = query.trim();
    if (q.length < 3 || results.length > 0 || items === null || reported.current.has(q)) return;
    reported.current.add(q);
    call('search:missed', { query: q.slice(0, 500) }).catch(() => undefined);
  };

  // Enter typed before the catalog has arrived starts the first match as soon as it is there.
  const [enterPending, setEnterPending] = useState(false);
  useEffect(() => {
    if (!enterPending || items === null) return;
    setEnterPending(false);
    const first = results[0];
    if (first && ranked.clearWinner)
      navigate(first.kind === 'article' ? { name: 'article', articleId: first.id, title: first.title } : { name: 'run', troubleshooterId: first.id, title: first.title });
    else resultsRef.current?.querySelector('button')?.focus();
  }, [enterPending, items, results, ranked.clearWinner, navigate]);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = results[0];
    if (event.key === 'Enter' && !first) reportMiss();
    if (event.key === 'Enter' && (first || (items === null && !failed))) {
      event.preventDefault();
      // Enter starts a fix only on a clear winner; otherwise it moves to the results (issue 14).
      if (first && ranked.clearWinner) start(first);
      else if (first) resultsRef.current?.querySelector('button')?.focus();
      else setEnterPending(true);
    } else if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      resultsRef.current?.querySelector('button')?.focus();
    }
  };
  const onResultsKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = Array.from(resultsRef.current?.querySelectorAll('button') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
    event.preventDefault();
    if (next) next.focus();
    else if (event.key === 'ArrowUp') document.getElementById('search')?.focus();
  };

  const searching = query.trim() !== '';
  return (
    <section aria-labelledby="home-heading" className="screen">
      <OutageBanner />
      <h2 id="home-heading" className="screen-heading">
        {t('home.heading')}
      </h2>
      <div className="search">
        <label htmlFor="search" className="search-label">
          {t('home.searchLabel')}
        </label>
        <input
          id="search"
          type="search"
          className="input"
          autoComplete="off"
          spellCheck={false}
          // The window opens for one reason: to type what is wrong.
          autoFocus
          value={query}
          placeholder={t('home.searchPlaceholder')}
          aria-describedby="search-hint"
          aria-controls={searching ? 'search-results' : undefined}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          onBlur={reportMiss}
        />
        <p id="search-hint" className="hint">
          {t('home.searchHint')}
        </p>
      </div>
      <p role="status" className="visually-hidden">
        {searching ? t('home.resultCount', { count: results.length }) : ''}
      </p>
      {failed && <p role="alert">{t('home.loadFailed')}</p>}
      {items && items.length === 0 && <p>{t('home.empty')}</p>}
      {searching ? (
        <>
          <h3 className="section-heading">{t('home.resultsHeading')}</h3>
          {results.length === 0 && <p>{t('home.noResults')}</p>}
          <ul id="search-results" className="results" ref={resultsRef} onKeyDown={onResultsKey}>
            {results.map((item) => (
              <FixTile key={item.id} item={item} onStart={start} />
            ))}
          </ul>
          <p className="hint">
            <button type="button" className="link-button" onClick={() => navigate({ name: 'ticket', text: query.trim() })}>
              {t('home.notFound')}
            </button>
          </p>
        </>
      ) : (
        <>
          <h3 className="section-heading">{t('home.commonHeading')}</h3>
          <ul className="tiles">
            {tiles.map((item) => (
              <FixTile key={item.id} item={item} onStart={start} />
            ))}
          </ul>
        </>
      )}
      <TalkToPerson info={info} onWrite={() => navigate({ name: 'ticket' })} onCallback={() => navigate({ name: 'ticket', callback: true })} />
    </section>
  );
}

/** One fix the employee can start: in the search results and among the common problems. */
function FixTile({ item, onStart }: { item: TroubleshooterSummary; onStart(item: TroubleshooterSummary): void }) {
  return (
    <li>
      <button type="button" className="tile" onClick={() => onStart(item)}>
        {item.kind === 'article' && <TileKind />}
        <span className="tile-title">{item.title}</span>
        <span className="tile-summary">{item.summary}</span>
      </button>
    </li>
  );
}

/** Marks a search result that is a how-to to read, not a fix that runs. */
function TileKind() {
  const { t } = useTranslation();
  return <span className="tile-kind">{t('article.kind')}</span>;
}
