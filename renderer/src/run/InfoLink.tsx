import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

/**
 * The web address of an info step, shown as text to copy, with a button that asks the app to
 * open it. The button names the run and step only: the app takes the URL from the run itself and
 * checks it against the allowlist, so the window never sends a URL nor navigates away.
 */
export function InfoLink({ runId, stepId, link }: { runId: string; stepId: string; link: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'opening' | 'opened' | 'failed'>('idle');
  const open = () => {
    setState('opening');
    call('run:open-link', { runId, stepId }).then(
      ({ opened }) => setState(opened ? 'opened' : 'failed'),
      () => setState('failed'),
    );
  };
  return (
    <span className="step-link-row">
      <span className="step-link">{link}</span>
      <button type="button" className="button button-small" disabled={state === 'opening'} onClick={open}>
        {t('run.openLink')}
      </button>
      <span role="status" className={state === 'failed' ? 'error' : 'hint'}>
        {state === 'opened' ? t('run.linkOpened') : state === 'failed' ? t('run.linkNotOpened') : ''}
      </span>
    </span>
  );
}
