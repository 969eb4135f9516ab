/**
 * The lint vocabulary in four languages (issue 16): a diagnostic with a `code` is worded from
 * locales/<lang>/lint.json with its `args`, so `firstline lint --lang nl` speaks Dutch while
 * file:line:col and severity stay as editors and CI parse them. English is the default and the
 * `message` every diagnostic carries; a code without a translation falls back to English.
 *
 * Besides codes, the table holds parts that codes are built from: `where.*` (a step or a field),
 * `hint.*` (suggested names), `kind.*` (a value's type: "a list"), `issue.*` (what is wrong with a
 * value, by zod issue kind) and `rule.*` (a schema's own rule, e.g. "Ids are kebab-case"). A code
 * names a part in the `detail` (or `cause`) argument; it is worded in the same language.
 */
import de from '../../locales/de/lint.json' with { type: 'json' };
import en from '../../locales/en/lint.json' with { type: 'json' };
import fr from '../../locales/fr/lint.json' with { type: 'json' };
import nl from '../../locales/nl/lint.json' with { type: 'json' };
import type { Diagnostic, DiagnosticArgs } from '../kernel/diagnostics.ts';
import type { Lang } from '../kernel/lang.ts';

export type LintKey = keyof typeof en;
export type LintCode = Exclude<LintKey, `${'where' | 'hint' | 'kind' | 'issue' | 'rule'}.${string}`>;
export const lintTables: Record<Lang, Partial<Record<LintKey, { message: string }>>> = { en, nl, fr, de };
export const isLintKey = (key: unknown): key is LintKey => typeof key === 'string' && Object.hasOwn(en, key);

/**
 * Fills `{name}` placeholders. The tables are ICU messages (test/unit/i18n/other-locale-files.test.ts
 * parses them), so a literal `{`, `}` or `<` is quoted with apostrophes ("$'{{'", "answers.'<'id>")
 * and `''` is one apostrophe; any other apostrophe is itself.
 */
export function fill(message: string, args: Record<string, string | number>): string {
  let out = '';
  for (let i = 0; i < message.length; i++) {
    const c = message[i] as string;
    const next = message[i + 1];
    if (c === "'" && next === "'") {
      out += "'";
      i++;
    } else if (c === "'" && next !== undefined && '{}<>#|'.includes(next)) {
      const end = message.indexOf("'", i + 1);
      const stop = end < 0 ? message.length : end;
      out += message.slice(i + 1, stop);
      i = stop;
    } else {
      const name = c === '{' ? /^\{(\w+)\}/.exec(message.slice(i))?.[1] : undefined;
      if (name !== undefined && name in args) {
        out += String(args[name]);
        i += name.length + 1;
      } else out += c;
    }
  }
  return out;
}

function text(lang: Lang, key: LintKey, args: Record<string, string | number> = {}): string {
  return fill(lintTables[lang][key]?.message ?? en[key].message, args);
}

/** A value's kind in words ("a list"), or the name itself when the table has none (zod's rarer types). */
function kind(lang: Lang, name: string): string {
  const key = `kind.${name}`;
  return isLintKey(key) ? text(lang, key) : name;
}

/** `where` (a step by id or number, then the field path) and `hint` (suggested names) are worded per language too. */
function render(lang: Lang, args: DiagnosticArgs): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(args)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  const step = args.whereStep;
  const field = args.whereField;
  const place = typeof step === 'string' ? text(lang, 'where.step', { step }) : typeof step === 'number' ? text(lang, 'where.stepNumber', { number: step }) : undefined;
  out.where = place !== undefined ? (field ? `${place}, ${field}` : place) : typeof field === 'string' && field ? field : text(lang, 'where.top');
  // `at`: "<where>: " before a sentence that needs no place at the top level.
  out.at = place !== undefined || (typeof field === 'string' && field) ? text(lang, 'where.at', { where: out.where }) : '';
  const names = Array.isArray(args.suggestions) ? args.suggestions : [];
  out.hint =
    names.length > 0
      ? ` ${text(lang, 'hint.didYouMean', { names: names.map((n) => `"${n}"`).join(` ${text(lang, 'hint.or')} `) })}`
      : args.hint === 'actions'
        ? ` ${text(lang, 'hint.actionsCommand')}`
        : '';
  if (typeof args.expected === 'string') out.expected = kind(lang, args.expected);
  if (typeof args.foundKind === 'string') out.found = args.foundValue === undefined ? kind(lang, args.foundKind) : `${kind(lang, args.foundKind)} ${String(args.foundValue)}`;
  if (Array.isArray(args.choices)) out.choices = args.choices.join(', ');
  if (Array.isArray(args.options)) out.options = `${args.options.slice(0, -1).join(', ')} ${text(lang, 'hint.or')} ${String(args.options[args.options.length - 1])}`;
  // A part named by `cause` is worded first, so that the part named by `detail` may use it.
  if (isLintKey(args.cause)) out.cause = text(lang, args.cause, out);
  if (isLintKey(args.detail)) out.detail = text(lang, args.detail, out);
  return out;
}

export function lintMessage(lang: Lang, code: LintCode, args: DiagnosticArgs = {}): string {
  return text(lang, code, render(lang, args));
}

export type Coded = { code: LintCode; args: DiagnosticArgs; message: string };
/** The fields a coded finding carries: its code, its arguments and its English message. */
export function coded(code: LintCode, args: DiagnosticArgs = {}): Coded {
  return { code, args, message: lintMessage('en', code, args) };
}

/** The diagnostic's sentence in `lang` (its English message when it has no code). */
export function localizedMessage(d: Diagnostic, lang: Lang): string {
  return d.code !== undefined && isLintKey(d.code) ? lintMessage(lang, d.code as LintCode, d.args) : d.message;
}
