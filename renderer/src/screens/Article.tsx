import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../contract/index.ts';
import { call } from '../api.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import type { Navigate } from '../navigation.ts';

/**
 * A knowledge article: numbered steps, then "Did this help?" (stored and counted for IT). "No"
 * leads to Contact IT with the article's id, so IT sees which how-to was tried; Contact IT is
 * also offered without answering.
 */
export function Article({ articleId, title, navigate }: { articleId: string; title?: string | undefined; navigate: Navigate }) {
  const { t } = useTranslation();
  const [view, setView] = useState<ArticleView | null>(null);
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const heading = view?.title ?? title ?? '';
  const contact = () => navigate({ name: 'ticket', articleId, title: heading });
  const answerWith = (helpful: boolean) => {
    setAnswer(helpful ? 'yes' : 'no');
    call('article:feedback', { id: articleId, helpful }).then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );
  };
  return (
    <section aria-labelledby="article-heading" className="screen">
      <ScreenHeading id="article-heading">{heading || t('article.headingFallback')}</ScreenHeading>
      <ArticleBody articleId={articleId} onLoaded={setView} />
      {view && (
        <div className="article-feedback">
          {answer === null ? (
            <fieldset className="feedback-question">
              <legend>{t('article.helpfulQuestion')}</legend>
              <div className="button-row">
                <button type="button" className="button button-primary" onClick={() => answerWith(true)}>
                  {t('article.helpfulYes')}
                </button>
                <button type="button" className="button" onClick={() => answerWith(false)}>
                  {t('article.helpfulNo')}
                </button>
              </div>
            </fieldset>
          ) : (
            <p role="status" className="ending-heading">
              {answer === 'yes' ? t('article.thanksYes') : t('article.thanksNo')}
            </p>
          )}
          {saveFailed && <p className="hint">{t('article.feedbackNotSaved')}</p>}
          <div className="button-row">
            <button type="button" className={answer === 'no' ? 'button button-primary' : 'button'} onClick={contact}>
              {t('article.contactIt')}
            </button>
            <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
              {t('ending.home')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
