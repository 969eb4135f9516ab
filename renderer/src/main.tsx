import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { call } from './api.ts';
import { initI18n } from './i18n.ts';
import './styles.css';

const [info, settings] = await Promise.all([call('app:info', {}).catch(() => null), call('settings:get', {}).catch(() => null)]);
// The employee's own choice wins; app:info carries the language chosen when the app started.
await initI18n(settings?.lang ?? info?.lang ?? 'en');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App info={info} />
    </StrictMode>,
  );
}
