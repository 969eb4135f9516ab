/**
 * Catches comparisons in `when:` that can never be true — the classic author mistakes: comparing a
 * yes/no answer with 'yes' (answers are true/false), naming a choice that does not exist, or an
 * outcome that is misspelled ('fail' for 'failed').
 */
import type { DiagnosticArgs } from '../kernel/diagnostics.ts';
import type { Expr } from './condition.ts';
import type { LintCode } from './lint-messages.ts';

export type StepFacts = { type: string; answer?: string; choices?: string[] };
/** `code`/`args`: the sentence in locales/<lang>/lint.json; `message` is the English one. */
export type ConditionProblem = { message: string; pos: number; code: LintCode; args: DiagnosticArgs };

const outcomes = ['passed', 'fixed', 'failed', 'skipped', 'error', 'timeout', 'refused'];

function literals(expr: Expr): { value: unknown; pos: number }[] | undefined {
  if (expr.kind === 'literal') return [{ value: expr.value, pos: expr.pos }];
  if (expr.kind === 'list') return expr.items.map((i) => ({ value: i.kind === 'literal' ? i.value : undefined, pos: i.pos }));
  return undefined;
}

export function lintCondition(expr: Expr, steps: ReadonlyMap<string, StepFacts>): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'not') return visit(e.operand);
    if (e.kind !== 'binary') return;
    if (e.op === 'and' || e.op === 'or') {
      visit(e.left);
      visit(e.right);
      return;
    }
    const pairs: [Expr, Expr][] =
      e.op === 'in'
        ? [[e.left, e.right]]
        : [
            [e.left, e.right],
            [e.right, e.left],
          ];
    for (const [ref, other] of pairs) {
      if (ref.kind !== 'ref') continue;
      const values = literals(other);
      if (!values) continue;
      const [root, id, field] = ref.path;
      const facts = id === undefined ? undefined : steps.get(id);
      for (const { value, pos } of values) {
        if (value === null || value === undefined) continue;
        if (root === 'steps' && field === 'outcome' && ref.path.length === 3 && !outcomes.includes(String(value))) {
          out.push({
            pos,
            message: `${JSON.stringify(value)} is not a step outcome; use one of ${outcomes.join(', ')}.`,
            code: 'cond.notOutcome',
            args: { value: JSON.stringify(value), choices: outcomes },
          });
        }
        if (root === 'answers' && facts?.answer === 'yesno' && typeof value !== 'boolean') {
          out.push({
            pos,
            message: `Yes/no answers are true or false, so comparing answers.${id} with ${JSON.stringify(value)} is never true.`,
            code: 'cond.yesNo',
            args: { id, value: JSON.stringify(value) },
          });
        }
        if (root === 'answers' && facts?.answer === 'choice' && facts.choices && !facts.choices.includes(String(value))) {
          out.push({
            pos,
            message: `${JSON.stringify(value)} is not a choice of step "${id}" (${facts.choices.join(', ')}).`,
            code: 'cond.notChoice',
            args: { value: JSON.stringify(value), id, choices: facts.choices },
          });
        }
      }
    }
  };
  visit(expr);
  return out;
}
