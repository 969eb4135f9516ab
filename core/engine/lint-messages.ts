/**
 * The lint vocabulary in four languages (issue 16): a diagnostic with a `code` is worded from
 * locales/<lang>/lint.json with its `args`, so `firstline lint --lang nl` speaks Dutch while
 * file:line:col and severity stay as editors and CI parse them. English is the default and the
 * `message` every diagnostic carries; a code without a translation falls back to English.
 */
import de from '../../locales/de/lint.json' with { type: 'json' };
import en from '../../locales/en/lint.json' with { type: 'json' };
import fr from '../../locales/fr/lint.json' with { type: 'json' };
import nl from '../../locales/nl/lint.json' with { type: 'json' };
import type { Diagnostic, DiagnosticArgs } from '../kernel/diagnostics.ts';
import type { Lang } from '../kernel/lang.ts';

export type LintCode = Exclude<keyof typeof en, `where.${string}` | `hint.${string}`>;
type Key = keyof typeof en;
export const lintTables: Record<Lang, Partial<Record<Key, { message: string }>>> = { en, nl, fr, de };

function text(lang: Lang, key: Key, args: Record<string, string | number> = {}): string {
  const message = lintTables[lang][key]?.message ?? en[key].message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** `where` (a step by id or number, then the field path) and `hint` (suggested names) are worded per language too. */
function render(lang: Lang, args: DiagnosticArgs): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(args)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  const step = args.whereStep;
  const field = args.whereField;
  const place = typeof step === 'string' ? text(lang, 'where.step', { step }) : typeof step === 'number' ? text(lang, 'where.stepNumber', { number: step }) : undefined;
  out.where = place !== undefined ? (field ? `${place}, ${field}` : place) : typeof field === 'string' && field ? field : text(lang, 'where.top');
  const names = Array.isArray(args.suggestions) ? args.suggestions : [];
  out.hint =
    names.length > 0
      ? ` ${text(lang, 'hint.didYouMean', { names: names.map((n) => `"${n}"`).join(` ${text(lang, 'hint.or')} `) })}`
      : args.hint === 'actions'
        ? ` ${text(lang, 'hint.actionsCommand')}`
        : '';
  return out;
}

export function lintMessage(lang: Lang, code: LintCode, args: DiagnosticArgs = {}): string {
  return text(lang, code, render(lang, args));
}

/** The fields a coded finding carries: its code, its arguments and its English message. */
export function coded(code: LintCode, args: DiagnosticArgs = {}): { code: LintCode; args: DiagnosticArgs; message: string } {
  return { code, args, message: lintMessage('en', code, args) };
}

/** The diagnostic's sentence in `lang` (its English message when it has no code). */
export function localizedMessage(d: Diagnostic, lang: Lang): string {
  return d.code !== undefined && d.code in en ? lintMessage(lang, d.code as LintCode, d.args) : d.message;
}
