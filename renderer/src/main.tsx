import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { call } from './api.ts';
import { initI18n } from './i18n.ts';
import './styles.css';

const info = await call('app:info', {}).catch(() => null);
await initI18n(info?.lang ?? 'en');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App info={info} />
    </StrictMode>,
  );
}
