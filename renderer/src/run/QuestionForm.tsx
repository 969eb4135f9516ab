import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEvent } from './run-state.ts';

type Question = Extract<RunEvent, { type: 'question' }>['question'];
type Answer = string | boolean;

/** Same rule as the engine's validateAnswer, so the employee sees the problem before sending. */
function textProblem(question: Extract<Question, { type: 'text' }>, value: string): boolean {
  if (value.trim() === '') return true;
  if (question.maxLength !== undefined && value.length > question.maxLength) return true;
  if (question.pattern === undefined) return false;
  try {
    return !new RegExp(`^(?:${question.pattern})$`).test(value);
  } catch {
    return false; // An unusable pattern is the engine's to report, not the employee's.
  }
}

/** A question of the troubleshooter, asked inline in the run (never a popup). */
export function QuestionForm({ question, onAnswer }: { question: Question; onAnswer(value: Answer): void }) {
  const { t } = useTranslation();
  const id = useId();
  const promptId = `${id}-prompt`;
  const errorId = `${id}-error`;
  const [text, setText] = useState('');
  const [choice, setChoice] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sent, setSent] = useState(false);
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);

  // The question is where the employee's attention should be.
  useEffect(() => first.current?.focus(), []);

  const send = (value: Answer) => {
    if (sent) return;
    setSent(true);
    onAnswer(value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (question.type === 'text') {
      if (textProblem(question, text)) return setInvalid(true);
      send(text);
    } else if (question.type === 'choice') {
      if (!choice) return setInvalid(true);
      send(choice);
    }
  };

  if (question.type === 'yesno') {
    return (
      <div className="question" role="group" aria-labelledby={promptId}>
        <p id={promptId} className="question-prompt">
          {question.prompt}
        </p>
        <div className="button-row">
          <button type="button" ref={first} className="button button-primary" disabled={sent} onClick={() => send(true)}>
            {t('question.yes')}
          </button>
          <button type="button" className="button" disabled={sent} onClick={() => send(false)}>
            {t('question.no')}
          </button>
        </div>
      </div>
    );
  }

  if (question.type === 'choice') {
    return (
      <form className="question" onSubmit={submit} noValidate>
        <fieldset aria-describedby={invalid ? errorId : undefined}>
          <legend className="question-prompt">{question.prompt}</legend>
          {question.choices.map((c, i) => (
            <label key={c.value} className="choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={c.value}
                ref={i === 0 ? first : undefined}
                checked={choice === c.value}
                onChange={() => {
                  setChoice(c.value);
                  setInvalid(false);
                }}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        {invalid && (
          <p id={errorId} className="error" role="alert">
            {t('question.pickOne')}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={sent}>
          {t('question.continue')}
        </button>
      </form>
    );
  }

  return (
    <form className="question" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-text`} className="question-prompt">
        {question.prompt}
      </label>
      <input
        id={`${id}-text`}
        ref={first}
        type="text"
        className="input"
        value={text}
        maxLength={question.maxLength}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
      />
      {invalid && (
        <p id={errorId} className="error" role="alert">
          {question.invalidMessage ?? t('question.invalid')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={sent}>
        {t('question.continue')}
      </button>
    </form>
  );
}
