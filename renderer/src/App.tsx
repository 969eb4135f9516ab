import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../contract/index.ts';
import { on } from './api.ts';
import { Home } from './screens/Home.tsx';
import { Contact } from './screens/Contact.tsx';

type Screen = { name: 'home' } | { name: 'contact' };

export function App({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'home' });

  useEffect(() => on('app:navigate', ({ screen: next }) => setScreen(next === 'contact' ? { name: 'contact' } : { name: 'home' })), []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{info?.name ?? 'Firstline'}</h1>
        <button type="button" className="button button-contact" onClick={() => setScreen({ name: 'contact' })}>
          {t('action.contactIt')}
        </button>
      </header>
      <main className="app-main">
        {screen.name === 'home' && <Home />}
        {screen.name === 'contact' && <Contact info={info} onBack={() => setScreen({ name: 'home' })} />}
      </main>
    </div>
  );
}
