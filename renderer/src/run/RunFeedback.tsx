import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

/**
 * "Was this helpful?" after a run that ended resolved (issue 14): the employee's answer, not our
 * verification, is what `firstline report` counts as deflection. Stored on the run's history
 * record; a "No" points at the ticket, which stays one click away below.
 */
export function RunFeedback({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const answerWith = (helpful: boolean) => {
    setAnswer(helpful);
    call('run:feedback', { runId, helpful }).then(
      ({ stored }) => setSaveFailed(!stored),
      () => setSaveFailed(true),
    );
  };
  if (answer === null) {
    return (
      <fieldset className="feedback-question">
        <legend>{t('ending.helpful.question')}</legend>
        <div className="button-row">
          <button type="button" className="button" onClick={() => answerWith(true)}>
            {t('ending.helpful.yes')}
          </button>
          <button type="button" className="button" onClick={() => answerWith(false)}>
            {t('ending.helpful.no')}
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <p role="status">
      {answer ? t('ending.helpful.thanksYes') : t('ending.helpful.thanksNo')}
      {saveFailed && ` ${t('ending.helpful.notSaved')}`}
    </p>
  );
}
