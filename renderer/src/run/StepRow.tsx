import { useTranslation } from 'react-i18next';
import { InfoLink } from './InfoLink.tsx';
import { InlineArticle } from './InlineArticle.tsx';
import type { ShownStep } from './run-summary.ts';

/** One step of a run: its title, an honest status word, what it found and any instructions. */
export function StepRow({ step, runId }: { step: ShownStep; runId: string }) {
  const { t } = useTranslation();
  return (
    <li className={`step step-${step.status} step-tone-${step.tone}`}>
      <span className="step-title">{step.title}</span>
      {step.labelKey && <span className="step-status">{t(step.labelKey)}</span>}
      {step.findings.map((f, i) => (
        <span key={i} className="step-finding">
          {f}
        </span>
      ))}
      {step.infos.map((info, i) => (
        <span key={`i${i}`} className="step-info">
          {info.text}
          {info.link && <InfoLink runId={runId} stepId={step.stepId} link={info.link} />}
          {info.article && <InlineArticle articleId={info.article} />}
        </span>
      ))}
    </li>
  );
}
