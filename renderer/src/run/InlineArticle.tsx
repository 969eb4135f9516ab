import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleBody } from '../components/ArticleBody.tsx';

/**
 * A knowledge article a troubleshooter step points to, opened in place: leaving the run screen
 * would stop the run, so the how-to unfolds inside the step instead.
 */
export function InlineArticle({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = `article-${articleId}`;
  return (
    <div className="inline-article">
      <button type="button" className="button button-small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? t('article.hideFromRun') : t('article.openFromRun')}
      </button>
      {open && (
        <div id={panelId} className="inline-article-body">
          <ArticleBody articleId={articleId} />
        </div>
      )}
    </div>
  );
}
