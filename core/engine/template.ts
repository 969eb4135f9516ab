/**
 * `${{ reference }}` substitution in action inputs (GitHub Actions syntax, but only a single
 * reference — no expressions). The value is inserted as data: a whole-string template keeps the
 * value's type, a template inside text is stringified. Nothing is ever handed to a shell, so an
 * answer like `"; rm -rf ~ #` stays one literal argv element.
 */
import type { DiagnosticArgs } from '../kernel/diagnostics.ts';
import { parseCondition, resolveReference, type ConditionScope, type Expr } from './condition.ts';
import type { LintCode } from './lint-messages.ts';

const templatePattern = /\$\{\{(.*?)\}\}/g;

/** A template that cannot work: `message` in English, `code`/`args` for the same sentence in locales/<lang>/lint.json. */
export type TemplateProblem = { ok: false; message: string; pos: number; code: LintCode; args: DiagnosticArgs };
export type TemplateRef = { ok: true; refs: Extract<Expr, { kind: 'ref' }>[]; pos: number } | TemplateProblem;

export const hasTemplate = (text: string) => text.includes('${{');

/** Every template in `text`, with positions (0-based offsets into `text`). */
export function findTemplates(text: string): TemplateRef[] {
  const out: TemplateRef[] = [];
  for (const m of text.matchAll(templatePattern)) {
    const inner = m[1] as string;
    const innerPos = (m.index ?? 0) + 3;
    const parsed = parseCondition(inner);
    if (!parsed.ok) {
      const args = { ...parsed.error.args, template: `\${{${inner}}}`, cause: parsed.error.code };
      out.push({ ok: false, message: `In "\${{${inner}}}": ${parsed.error.message}`, pos: innerPos + parsed.error.pos, code: 'template.condition', args });
    } else if (parsed.expr.kind !== 'ref') {
      const message = `"\${{${inner}}}" must be a single reference such as answers.<id>; expressions are not allowed here.`;
      out.push({ ok: false, message, pos: m.index ?? 0, code: 'template.notReference', args: { template: `\${{${inner}}}` } });
    } else out.push({ ok: true, refs: parsed.refs.map((r) => ({ ...r, pos: innerPos + r.pos })), pos: innerPos });
  }
  const stray = text.replace(templatePattern, '').indexOf('${{');
  if (stray >= 0) out.push({ ok: false, message: 'A "${{" is not closed with "}}".', pos: text.indexOf('${{', stray), code: 'template.notClosed', args: {} });
  return out;
}

function substituteString(text: string, scope: ConditionScope): unknown {
  const whole = /^\$\{\{(.*?)\}\}$/.exec(text);
  const resolve = (inner: string) => {
    const parsed = parseCondition(inner);
    if (!parsed.ok || parsed.expr.kind !== 'ref') throw new Error(`Invalid template "\${{${inner}}}".`);
    return resolveReference(parsed.expr.path, scope);
  };
  if (whole && !(whole[1] as string).includes('}}')) return resolve(whole[1] as string) ?? null;
  return text.replace(templatePattern, (_m, inner: string) => {
    const value = resolve(inner);
    return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** Returns a copy of `value` with every template substituted from `scope`. */
export function substitute(value: unknown, scope: ConditionScope): unknown {
  if (typeof value === 'string') return hasTemplate(value) ? substituteString(value, scope) : value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, scope)]));
  }
  return value;
}
