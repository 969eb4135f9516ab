/**
 * `firstline lint`: "a failed fix can reach resolved" (issue #12). For every check step that
 * changes the machine and has `continue-on-error`, assume its fix failed (or was refused) and walk
 * the later steps with three-valued logic: values the lint cannot know (results, answers,
 * platform) are unknown. The path is safe when a later escalate step surely runs, or a later
 * check of the same condition surely runs (a re-verify). Otherwise the author is warned: at run
 * time the engine would end such a run `not-resolved` (outcome.ts) instead of letting it claim
 * "fixed", but the employee would first be led through the happy path.
 */
import { parseCondition, type Expr } from './condition.ts';
import type { ActionRegistry } from './registry.ts';

type Obj = Record<string, unknown>;
type Tri = { known: true; value: unknown } | { known: false };
const unknown: Tri = { known: false };
const known = (value: unknown): Tri => ({ known: true, value });
const truthy = (v: unknown) => !(v === undefined || v === null || v === false || v === '' || v === 0);
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function evaluate(expr: Expr, facts: Facts): Tri {
  switch (expr.kind) {
    case 'literal':
      return known(expr.value);
    case 'list': {
      const items = expr.items.map((i) => evaluate(i, facts));
      return items.every((i) => i.known) ? known(items.map((i) => (i as { value: unknown }).value)) : unknown;
    }
    case 'ref': {
      const key = expr.path.join('.');
      return facts.values.has(key) ? known(facts.values.get(key)) : unknown;
    }
    case 'not': {
      const v = evaluate(expr.operand, facts);
      return v.known ? known(!truthy(v.value)) : unknown;
    }
    case 'binary': {
      const l = evaluate(expr.left, facts);
      const r = evaluate(expr.right, facts);
      if (expr.op === 'and') {
        if ((l.known && !truthy(l.value)) || (r.known && !truthy(r.value))) return known(false);
        return l.known && r.known ? known(true) : unknown;
      }
      if (expr.op === 'or') {
        if ((l.known && truthy(l.value)) || (r.known && truthy(r.value))) return known(true);
        return l.known && r.known ? known(false) : unknown;
      }
      if (!l.known && r.known && expr.left.kind === 'ref') {
        // A value the reference is known not to have.
        const excluded = facts.excluded.get(expr.left.path.join('.')) ?? [];
        const candidates = expr.op === 'in' ? (Array.isArray(r.value) ? r.value : []) : [r.value];
        if (candidates.every((c) => excluded.includes(c))) return known(expr.op === '!=');
      }
      if (!l.known || !r.known) return unknown;
      if (expr.op === '==') return known((l.value ?? null) === (r.value ?? null));
      if (expr.op === '!=') return known((l.value ?? null) !== (r.value ?? null));
      return known(Array.isArray(r.value) && r.value.some((x) => x === (l.value ?? null)));
    }
  }
}

type Facts = { values: Map<string, unknown>; excluded: Map<string, unknown[]> };

/**
 * Facts a step's own `when:` proves when it ran: `ref == literal` conjuncts give a value;
 * `not (ref in [...])` and `not (a or b)` give values a reference does not have.
 */
function provenBy(expr: Expr, facts: Facts, negated = false): void {
  if (expr.kind === 'not') return provenBy(expr.operand, facts, !negated);
  if (expr.kind !== 'binary') return;
  if ((expr.op === 'and' && !negated) || (expr.op === 'or' && negated)) {
    provenBy(expr.left, facts, negated);
    provenBy(expr.right, facts, negated);
    return;
  }
  if (expr.left.kind !== 'ref') return;
  if (expr.op === '!=') return provenBy({ ...expr, op: '==' }, facts, !negated);
  const key = expr.left.path.join('.');
  const literals =
    expr.op === '==' && expr.right.kind === 'literal'
      ? [expr.right.value]
      : expr.op === 'in' && expr.right.kind === 'list' && expr.right.items.every((i) => i.kind === 'literal')
        ? expr.right.items.map((i) => (i as { value: unknown }).value)
        : undefined;
  if (!literals) return;
  if (negated) facts.excluded.set(key, [...(facts.excluded.get(key) ?? []), ...literals]);
  else if (literals.length === 1) facts.values.set(key, literals[0]);
}

function conditionKey(step: Obj, registry: ActionRegistry): string {
  const fixes = Array.isArray(step.fix) ? step.fix.length : 0;
  const changing = typeof step.action === 'string' && registry.get(step.action)?.changesMachine === true && fixes === 0;
  return JSON.stringify([step.action, changing ? null : (step.with ?? {}), step.expect ?? null]);
}

function changesMachine(step: Obj, registry: ActionRegistry): boolean {
  if (step.type !== 'check' || typeof step.action !== 'string') return false;
  return (Array.isArray(step.fix) && step.fix.length > 0) || registry.get(step.action)?.changesMachine === true;
}

/** Index of each step whose failed fix can reach the end of the run without escalation or re-verify. */
export function unverifiedFixPaths(steps: readonly unknown[], registry: ActionRegistry): Array<{ index: number; id: string }> {
  const out: Array<{ index: number; id: string }> = [];
  steps.forEach((raw, index) => {
    if (!isObj(raw) || raw['continue-on-error'] !== true || !changesMachine(raw, registry) || typeof raw.id !== 'string') return;
    const key = conditionKey(raw, registry);
    for (const assumed of ['failed', 'refused']) {
      const facts: Facts = { values: new Map(), excluded: new Map() };
      if (typeof raw.when === 'string') {
        const own = parseCondition(raw.when);
        if (own.ok) provenBy(own.expr, facts);
      }
      // Earlier steps this run surely skipped (e.g. the other platform's variant).
      for (const before of steps.slice(0, index)) {
        if (!isObj(before) || typeof before.id !== 'string' || typeof before.when !== 'string') continue;
        const cond = parseCondition(before.when);
        const runs = cond.ok ? evaluate(cond.expr, facts) : unknown;
        if (runs.known && !truthy(runs.value)) facts.values.set(`steps.${before.id}.outcome`, 'skipped');
      }
      facts.values.set(`steps.${raw.id}.outcome`, assumed);
      let safe = false;
      for (const later of steps.slice(index + 1)) {
        if (!isObj(later) || typeof later.id !== 'string') continue;
        let runs: Tri = known(true);
        if (typeof later.when === 'string') {
          const cond = parseCondition(later.when);
          runs = cond.ok ? evaluate(cond.expr, facts) : unknown;
        }
        const skipped = () => {
          facts.values.set(`steps.${later.id}.outcome`, 'skipped');
          if (later.type === 'ask') facts.values.set(`answers.${later.id}`, undefined);
        };
        if (runs.known && !truthy(runs.value)) {
          skipped();
          continue;
        }
        const sure = runs.known;
        const recheck = later.type === 'check' && conditionKey(later, registry) === key;
        if (sure && (later.type === 'escalate' || recheck)) {
          safe = true; // the escalation ends the run, or a re-check of the same condition decides again
          break;
        }
        // May or may not run: on the branch where it runs the path is decided (an escalation, or a
        // re-check that is a fix point of its own); follow the branch where it is skipped.
        if (later.type === 'escalate' || recheck) skipped();
      }
      if (!safe) {
        out.push({ index, id: raw.id });
        return;
      }
    }
  });
  return out;
}
