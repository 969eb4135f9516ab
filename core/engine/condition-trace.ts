/**
 * Why a step was skipped, the way GitHub Actions traces `if:`: the condition as written and the
 * value each reference read when it was judged. Pure; string values pass through `redact` before the
 * trace enters a run event (a step result can hold a user name or a network name).
 */
import { resolveReference, type ConditionScope, type Expr } from './condition.ts';

/** A value as read, kept small: scalars as they are, `undefined` as null (the grammar compares it as null), anything else as bounded JSON. */
export type TracedValue = string | number | boolean | null;
export type ConditionRead = { ref: string; value: TracedValue };
export type ConditionTrace = { when: string; values: ConditionRead[] };

const maxText = 200;
const maxReads = 20;

function bounded(text: string): string {
  return text.length > maxText ? `${text.slice(0, maxText - 1)}…` : text;
}

export function tracedValue(value: unknown): TracedValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return bounded(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  try {
    return bounded(JSON.stringify(value) ?? String(value));
  } catch {
    return '[unserialisable]';
  }
}

/** Every distinct reference in the condition, in the order written, with the value it read. */
export function traceCondition(when: string, refs: readonly Extract<Expr, { kind: 'ref' }>[], scope: ConditionScope, redact: (text: string) => string = (t) => t): ConditionTrace {
  const values: ConditionRead[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const name = ref.path.join('.');
    if (seen.has(name)) continue;
    seen.add(name);
    const value = tracedValue(resolveReference(ref.path, scope));
    values.push({ ref: name, value: typeof value === 'string' ? redact(value) : value });
    if (values.length >= maxReads) break;
  }
  return { when: bounded(when), values };
}

/** The values a condition read, for people: `steps.wifi.outcome = "passed", platform = "linux"` ('' when none). */
export function formatConditionReads(trace: ConditionTrace): string {
  return trace.values.map((r) => `${r.ref} = ${JSON.stringify(r.value)}`).join(', ');
}

/** One line for people: `steps.wifi.outcome == 'failed' (steps.wifi.outcome = "passed")`. */
export function formatConditionTrace(trace: ConditionTrace): string {
  const reads = formatConditionReads(trace);
  return reads ? `${trace.when} (${reads})` : trace.when;
}
