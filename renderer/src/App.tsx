import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../contract/index.ts';
import { on } from './api.ts';
import type { Navigate, Screen } from './navigation.ts';
import { Home } from './screens/Home.tsx';
import { RunScreen } from './screens/Run.tsx';
import { TicketChangedNote } from './components/TicketChangedNote.tsx';

// Screens an employee opens rarely are loaded on demand, keeping the first paint small.
const History = lazy(() => import('./screens/History.tsx').then((m) => ({ default: m.History })));
const Settings = lazy(() => import('./screens/Settings.tsx').then((m) => ({ default: m.Settings })));
const Article = lazy(() => import('./screens/Article.tsx').then((m) => ({ default: m.Article })));
const Ticket = lazy(() => import('./screens/Ticket.tsx').then((m) => ({ default: m.Ticket })));

export function App({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  // Every navigation mounts a fresh screen, so "run again" starts a new run.
  const [visit, setVisit] = useState(0);
  const navigate: Navigate = (next) => {
    setScreen(next);
    setVisit((n) => n + 1);
  };

  useEffect(
    () =>
      on('app:navigate', ({ screen: next }) => {
        setScreen(next === 'contact' ? { name: 'ticket' } : next === 'tickets' ? { name: 'history', tab: 'tickets' } : { name: 'home' });
        setVisit((n) => n + 1);
      }),
    [],
  );

  const current = (name: Screen['name']) => (screen.name === name ? { 'aria-current': 'page' as const } : {});
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{info?.name ?? 'Firstline'}</h1>
        <button type="button" className="button button-contact" onClick={() => navigate({ name: 'ticket' })}>
          {t('action.contactIt')}
        </button>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <button type="button" className="nav-link" {...current('home')} onClick={() => navigate({ name: 'home' })}>
          {t('nav.home')}
        </button>
        <button type="button" className="nav-link" {...current('history')} onClick={() => navigate({ name: 'history' })}>
          {t('nav.history')}
        </button>
        <button type="button" className="nav-link" {...current('settings')} onClick={() => navigate({ name: 'settings' })}>
          {t('nav.settings')}
        </button>
      </nav>
      <TicketChangedNote onShow={() => navigate({ name: 'history', tab: 'tickets' })} />
      <main className="app-main" id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {screen.name === 'home' && <Home info={info} navigate={navigate} />}
          {screen.name === 'run' && <RunScreen key={visit} info={info} troubleshooterId={screen.troubleshooterId} title={screen.title} navigate={navigate} />}
          {screen.name === 'ticket' && <Ticket key={visit} info={info} screen={screen} navigate={navigate} />}
          {screen.name === 'article' && <Article key={visit} articleId={screen.articleId} title={screen.title} navigate={navigate} />}
          {screen.name === 'history' && <History key={visit} navigate={navigate} tab={screen.tab} />}
          {screen.name === 'settings' && <Settings info={info} />}
        </Suspense>
      </main>
    </div>
  );
}
