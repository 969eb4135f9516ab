import { useTranslation } from 'react-i18next';
import type { ChannelArgs } from '../../../contract/index.ts';

export type Urgency = NonNullable<ChannelArgs<'ticket:send'>['urgency']>;
const levels: readonly Urgency[] = ['high', 'normal', 'low'];

/**
 * How much the problem stops the employee's work, in their words (each helpdesk receives it in its
 * own urgency field), and a number IT can call back — the way to a person when e-mail or chat is
 * out of reach (issue 14). `callbackRequired` when the employee asked to be called.
 */
export function TicketChoices({
  urgency,
  onUrgency,
  phone,
  onPhone,
  phoneError,
  callbackRequired,
}: {
  urgency: Urgency;
  onUrgency(value: Urgency): void;
  phone: string;
  onPhone(value: string): void;
  /** Set after a send attempt with a number that is missing (when required) or is not a number. */
  phoneError: 'missing' | 'invalid' | null;
  callbackRequired: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="ticket-urgency">
        <legend>{t('ticket.urgency.legend')}</legend>
        {levels.map((level) => (
          <label key={level} className="choice">
            <input type="radio" name="ticket-urgency" value={level} checked={urgency === level} onChange={() => onUrgency(level)} />
            {t(`ticket.urgency.${level}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="ticket-callback">{callbackRequired ? t('ticket.callback.labelRequired') : t('ticket.callback.label')}</label>
      <input
        id="ticket-callback"
        className="input"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        maxLength={40}
        value={phone}
        aria-describedby="ticket-callback-hint"
        aria-invalid={phoneError ? true : undefined}
        aria-required={callbackRequired || undefined}
        onChange={(e) => onPhone(e.target.value)}
      />
      <p id="ticket-callback-hint" className={phoneError ? 'error' : 'hint'}>
        {phoneError === 'invalid' ? t('ticket.callback.invalid') : phoneError === 'missing' ? t('ticket.callback.missing') : t('ticket.callback.hint')}
      </p>
    </>
  );
}
