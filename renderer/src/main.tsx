// First, so the home screen's calls go out before React and i18next are even evaluated.
import { started } from './early-calls.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n } from './i18n.ts';
import './styles.css';

// Render as soon as the texts are there; Home's data is already on its way (early-calls.ts).
const [info] = await Promise.all([started.info, started.lang.then(initI18n)]);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App info={info} />
    </StrictMode>,
  );
}
