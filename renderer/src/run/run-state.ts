/**
 * Folds the run's event stream (core/engine/events.ts) into what the run view shows: the steps in
 * plain language, the pending question or consent request, and the ending. Pure, so the view is a
 * function of the events received so far.
 */
import type { EventPayload } from '../../../contract/index.ts';

export type RunEvent = EventPayload<'run:event'>;

type Question = Extract<RunEvent, { type: 'question' }>['question'];
type Outcome = Extract<RunEvent, { type: 'run-finished' }>['outcome'];
type StepStatus = Extract<RunEvent, { type: 'step-finished' }>['status'];

export type StepView = {
  stepId: string;
  title: string;
  kind: Extract<RunEvent, { type: 'step-started' }>['kind'];
  /** 'running' until the step finishes. */
  status: StepStatus | 'running';
  findings: string[];
  infos: { text: string; link?: string | undefined; article?: string | undefined }[];
  /** Sentences of what was changed with the employee's consent. */
  changed: string[];
};

export type RunView = {
  runId: string;
  title: string;
  steps: StepView[];
  question: { stepId: string; question: Question } | null;
  consent: { stepId: string; changes: string[]; elevation: boolean } | null;
  /** Changes the employee agreed to, so the ending can say what was done. */
  agreedChanges: string[];
  /** reasonCode/cause: why it ended so, for the ending's words (locales `ending.reason.<code>`). */
  ended: { outcome: Outcome; reason?: string | undefined; reasonCode?: string | undefined; cause?: string | undefined } | null;
  lastSeq: number;
};

export function initialRun(runId: string, title: string): RunView {
  return { runId, title, steps: [], question: null, consent: null, agreedChanges: [], ended: null, lastSeq: -1 };
}

function updateStep(view: RunView, stepId: string, change: (step: StepView) => StepView): StepView[] {
  return view.steps.map((s) => (s.stepId === stepId ? change(s) : s));
}

export function reduceRun(view: RunView, event: RunEvent): RunView {
  const consent = view.consent;
  // Events of other runs, and duplicates, are ignored: the stream is shared by every window.
  if (event.runId !== view.runId || event.seq <= view.lastSeq) return view;
  const next: RunView = { ...view, lastSeq: event.seq };
  switch (event.type) {
    case 'run-started':
      return { ...next, title: event.title };
    case 'step-started':
      return {
        ...next,
        steps: [...view.steps, { stepId: event.stepId, title: event.title, kind: event.kind, status: 'running', findings: [], infos: [], changed: [] }],
      };
    case 'action-result':
      // The verification re-runs the check and often finds the same thing: say it once.
      return event.finding
        ? { ...next, steps: updateStep(view, event.stepId, (s) => (s.findings.includes(event.finding ?? '') ? s : { ...s, findings: [...s.findings, event.finding ?? ''] })) }
        : next;
    case 'question':
      return { ...next, question: { stepId: event.stepId, question: event.question } };
    case 'answer':
      return { ...next, question: view.question?.stepId === event.stepId ? null : view.question };
    case 'consent-requested':
      return { ...next, consent: { stepId: event.stepId, changes: event.changes, elevation: event.elevation } };
    case 'consent-given': {
      const changes = consent?.stepId === event.stepId ? consent.changes : [];
      return {
        ...next,
        consent: null,
        agreedChanges: [...view.agreedChanges, ...changes],
        steps: updateStep(view, event.stepId, (s) => ({ ...s, changed: [...s.changed, ...changes] })),
      };
    }
    case 'consent-refused':
    case 'elevation-refused':
      return { ...next, consent: null };
    case 'info':
      return { ...next, steps: updateStep(view, event.stepId, (s) => ({ ...s, infos: [...s.infos, { text: event.text, link: event.link, article: event.article }] })) };
    case 'step-finished':
      return {
        ...next,
        question: view.question?.stepId === event.stepId ? null : view.question,
        consent: view.consent?.stepId === event.stepId ? null : view.consent,
        steps: updateStep(view, event.stepId, (s) => ({
          ...s,
          status: event.status,
          findings: event.finding && !s.findings.includes(event.finding) ? [...s.findings, event.finding] : s.findings,
        })),
      };
    case 'run-finished':
      return { ...next, question: null, consent: null, ended: { outcome: event.outcome, reason: event.reason, reasonCode: event.reasonCode, cause: event.cause } };
    case 'fix-applied':
    case 'verified':
    case 'verification-failed':
    case 'link-opened':
      return next;
  }
  return next;
}

/** Keys of the step status labels (the same words in every screen). */
export const stepStatusKey: Record<StepView['status'], string> = {
  running: 'run.status.running',
  passed: 'run.status.passed',
  fixed: 'run.status.fixed',
  failed: 'run.status.failed',
  skipped: 'run.status.skipped',
  error: 'run.status.error',
  timeout: 'run.status.timeout',
  refused: 'run.status.refused',
};
