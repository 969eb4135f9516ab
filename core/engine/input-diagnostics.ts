/**
 * A finding about an action's `with:` input (zod issues of the action's input schema), worded per
 * language by issue kind like the troubleshooter's own schema issues (source-diagnostics.ts).
 */
import type { z } from 'zod';
import type { DiagnosticArgs } from '../kernel/diagnostics.ts';
import { coded, type Coded } from './lint-messages.ts';
import { issueDetail } from './source-diagnostics.ts';

/** `place`: the step's and action's arguments (whereStep/whereField, name). */
export function inputFinding(issue: z.core.$ZodIssue, value: unknown, place: DiagnosticArgs): Coded {
  if (issue.code === 'unrecognized_keys') return coded('action.unknownInput', { ...place, keys: issue.keys.map((k) => `"${k}"`).join(', ') });
  const field = issue.path.join('.');
  if (issue.code === 'invalid_type' && value === undefined && field) return coded('action.inputRequired', { ...place, field });
  const detail = issueDetail(issue, value);
  if (detail) return coded(field ? 'action.input' : 'action.inputWhole', { ...place, field, ...detail });
  return coded('action.untranslatedRule', { ...place, field: field || '(with:)', rule: issue.message.replace(/\.$/, '') });
}
