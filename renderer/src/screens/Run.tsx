import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/index.ts';
import { call, on } from '../api.ts';
import type { UiLang } from '../i18n.ts';
import type { Navigate } from '../navigation.ts';
import { ConsentDialog } from '../run/ConsentDialog.tsx';
import { QuestionForm } from '../run/QuestionForm.tsx';
import { RunEnding } from '../run/RunEnding.tsx';
import { initialRun, reduceRun, type RunEvent, type RunView } from '../run/run-state.ts';
import { shownSteps, summaryLine } from '../run/run-summary.ts';
import { StepRow } from '../run/StepRow.tsx';
import { OutageBanner } from '../components/OutageBanner.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';

type State = { view: RunView | null; early: RunEvent[] };
type Action = { type: 'started'; runId: string; title: string } | { type: 'event'; event: RunEvent };

function reducer(state: State, action: Action): State {
  if (action.type === 'event') {
    // Events can arrive before run:start has answered with the id; keep them until then.
    if (!state.view) return { ...state, early: [...state.early, action.event] };
    return { ...state, view: reduceRun(state.view, action.event) };
  }
  const view = state.early.reduce(reduceRun, initialRun(action.runId, action.title));
  return { view, early: [] };
}

export function RunScreen({ info, troubleshooterId, title, navigate }: { info: AppInfo | null; troubleshooterId: string; title: string; navigate: Navigate }) {
  const { t, i18n } = useTranslation();
  const [state, dispatch] = useReducer(reducer, { view: null, early: [] });
  const [failed, setFailed] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const started = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const off = on('run:event', (event) => dispatch({ type: 'event', event }));
    // StrictMode mounts twice in development; a run must start once.
    if (!started.current) {
      started.current = true;
      call('run:start', { troubleshooterId, lang: i18n.language as UiLang }).then(
        ({ runId }) => {
          // Left before the run even had an id: stop it, or its first question would wait unseen.
          if (!mounted.current) call('run:cancel', { runId }).catch(() => undefined);
          else dispatch({ type: 'started', runId, title });
        },
        () => setFailed(true),
      );
    }
    return () => {
      mounted.current = false;
      off();
    };
  }, [troubleshooterId, title, i18n.language]);

  // Leaving the run view (another screen, Contact IT) stops a run that is still going, so no
  // question or consent is left waiting where the employee can no longer see it.
  const live = useRef<{ runId: string | null; ended: boolean }>({ runId: null, ended: false });
  live.current = { runId: state.view?.runId ?? null, ended: state.view?.ended != null };
  useEffect(
    () => () => {
      const { runId, ended } = live.current;
      if (runId && !ended) call('run:cancel', { runId }).catch(() => undefined);
    },
    [],
  );

  const view = state.view;
  const steps = view ? shownSteps(view) : { ran: [], notRun: [] };
  const summary = view ? summaryLine(view) : { key: 'run.starting' };
  const running = view !== null && view.ended === null;
  const act = (promise: Promise<unknown>) => promise.catch(() => setFailed(true));

  return (
    <section aria-labelledby="run-heading" className="screen">
      <ScreenHeading id="run-heading">{view?.title ?? title}</ScreenHeading>
      <OutageBanner troubleshooterId={troubleshooterId} />
      {failed && (
        <p role="alert" className="error">
          {t('run.startFailed')}
        </p>
      )}
      {!view && !failed && <p role="status">{t('run.starting')}</p>}
      {view && (
        <>
          <p className={`run-summary run-summary-${view.ended?.outcome ?? 'running'}`}>{t(summary.key, summary.values ?? {})}</p>
          <ol className="steps" aria-label={t('run.stepsLabel')}>
            {steps.ran.map((step) => (
              <StepRow key={step.stepId} step={step} runId={view.runId} />
            ))}
          </ol>
          {steps.notRun.length > 0 && (
            <details className="steps-details">
              <summary>{t('run.notNeeded', { count: steps.notRun.length })}</summary>
              <ol className="steps">
                {steps.notRun.map((step) => (
                  <StepRow key={step.stepId} step={step} runId={view.runId} />
                ))}
              </ol>
            </details>
          )}
          {/* Announces progress without moving focus; the latest step is enough. */}
          <p role="status" className="visually-hidden">
            {running && view.steps.at(-1) ? t('run.progress', { step: view.steps.at(-1)?.title ?? '' }) : ''}
          </p>
          {view.question && (
            <QuestionForm
              key={view.question.stepId}
              question={view.question.question}
              onAnswer={(value) => void act(call('run:answer', { runId: view.runId, stepId: view.question?.stepId ?? '', value }))}
            />
          )}
          {view.consent && (
            <ConsentDialog
              key={view.consent.stepId}
              changes={view.consent.changes}
              elevation={view.consent.elevation}
              info={info}
              // Leaving the run screen stops the run, so nothing changes; then Contact IT opens.
              onContactIt={() => navigate({ name: 'ticket' })}
              onAnswer={(granted) => void act(call('run:consent', { runId: view.runId, stepId: view.consent?.stepId ?? '', granted }))}
            />
          )}
          {view.ended && (
            <RunEnding
              view={view}
              onTicket={() => navigate({ name: 'ticket', runId: view.runId, troubleshooterId, title: view.title })}
              onAgain={() => navigate({ name: 'run', troubleshooterId, title })}
              onHome={() => navigate({ name: 'home' })}
            />
          )}
        </>
      )}
      {(running || (!view && !failed)) && (
        <div className="button-row run-controls">
          <button
            type="button"
            className="button"
            disabled={!view || cancelling}
            onClick={() => {
              if (!view) return;
              setCancelling(true);
              // A run that ended meanwhile cannot be cancelled; its own ending is shown instead.
              call('run:cancel', { runId: view.runId }).catch(() => undefined);
            }}
          >
            {cancelling ? t('run.cancelling') : t('run.cancel')}
          </button>
        </div>
      )}
      {failed && (
        <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
          {t('action.back')}
        </button>
      )}
    </section>
  );
}
