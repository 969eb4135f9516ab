import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../contract/index.ts';
import { call } from '../api.ts';
import type { UiLang } from '../i18n.ts';

/**
 * The numbered steps of a knowledge article. The article is asked for by id; images arrive as
 * data URLs and links are opened by the app by article id and step position, so the window
 * never handles a path or a URL.
 */
export function ArticleBody({ articleId, onLoaded }: { articleId: string; onLoaded?(view: ArticleView): void }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<ArticleView | null>(null);
  const [failed, setFailed] = useState(false);
  // A new callback from the parent must not fetch (and count a view) again.
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;
  useEffect(() => {
    call('article:get', { id: articleId, lang: i18n.language as UiLang }).then(
      (v) => {
        setView(v);
        loaded.current?.(v);
      },
      () => setFailed(true),
    );
  }, [articleId, i18n.language]);
  if (failed) {
    return (
      <p role="alert" className="error">
        {t('article.loadFailed')}
      </p>
    );
  }
  if (!view) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <p>{view.summary}</p>
      <ol className="article-steps">
        {view.steps.map((step, i) => (
          <li key={i} className="article-step">
            <p>{step.text}</p>
            {step.image && <img className="article-image" src={step.image.src} alt={step.image.alt} />}
            {step.link && <ArticleLink articleId={view.id} step={i} label={step.link.label} />}
          </li>
        ))}
      </ol>
    </>
  );
}

function ArticleLink({ articleId, step, label }: { articleId: string; step: number; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'opening' | 'opened' | 'failed'>('idle');
  const open = () => {
    setState('opening');
    call('article:open-link', { id: articleId, step }).then(
      ({ opened }) => setState(opened ? 'opened' : 'failed'),
      () => setState('failed'),
    );
  };
  return (
    <span className="step-link-row">
      <button type="button" className="button button-small" disabled={state === 'opening'} onClick={open}>
        {label}
      </button>
      <span role="status" className={state === 'failed' ? 'error' : 'hint'}>
        {state === 'opened' ? t('run.linkOpened') : state === 'failed' ? t('run.linkNotOpened') : ''}
      </span>
    </span>
  );
}
