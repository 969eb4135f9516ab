/**
 * Checks the JSON Schema cannot express: actions exist and get valid input, `when:` conditions
 * parse and only reference earlier steps, step ids are unique, ask/link steps are complete, and
 * translations exist. Works on the raw parsed YAML (not the schema-validated value) so these
 * errors are reported together with schema errors in one pass.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCondition, type Expr } from './condition.ts';
import { lintCondition, type StepFacts } from './condition-lint.ts';
import type { Diagnostic, Severity } from '../kernel/diagnostics.ts';
import { defaultLang, isLang, langs } from '../kernel/lang.ts';
import { issueLocation, whereArgs, type Locator, type PathKey } from './source-diagnostics.ts';
import { coded, type Coded } from './lint-messages.ts';
import { inputFinding } from './input-diagnostics.ts';
import type { ActionRegistry } from './registry.ts';
import { findTemplates, hasTemplate } from './template.ts';
import { unverifiedFixPaths } from './honesty-lint.ts';
import { findBareTemplates } from './template-lint.ts';
import { closestNames, editDistance as distance } from '../util/did-you-mean.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The translations a text should have besides English. */
const translations = langs.filter((lang) => lang !== defaultLang);

/** `baseDir`: the catalog folder, to check that referenced files exist (omitted for in-memory text). */
export function checkSemantics(data: Obj, registry: ActionRegistry, locator: Locator, file: string, baseDir?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Severity, p: readonly PathKey[], finding: Coded, offset?: number) => {
    const where = locator.at(p, offset);
    out.push({ file, line: where.line, column: where.column, severity, ...finding });
  };
  const at = (p: readonly PathKey[]) => whereArgs(p, data);
  const declaredPolicy = new Set(Array.isArray(data.policy) ? data.policy.filter((k): k is string => typeof k === 'string') : []);
  const steps = Array.isArray(data.steps) ? data.steps : [];
  const earlier = new Map<string, string>(); // id → type, for steps before the current one
  const facts = new Map<string, StepFacts>();
  const all = new Set(
    steps
      .filter(isObj)
      .map((s) => s.id)
      .filter((id): id is string => typeof id === 'string'),
  );

  const checkRefs = (refs: Extract<Expr, { kind: 'ref' }>[], p: PathKey[], base: number, own: string | undefined) => {
    for (const ref of refs) {
      const [root, id] = ref.path;
      if ((root === 'steps' || root === 'answers') && id !== undefined) {
        if (id === own) add('error', p, coded('ref.self', { ref: ref.path.join('.') }), base + ref.pos);
        else if (!earlier.has(id)) {
          add(
            'error',
            p,
            all.has(id) ? coded('ref.later', { id }) : coded(root === 'answers' ? 'ref.noQuestion' : 'ref.noStep', { id, suggestions: closestNames(id, [...earlier.keys()]) }),
            base + ref.pos,
          );
        } else if (root === 'answers' && earlier.get(id) !== 'ask') add('error', p, coded('ref.notAsk', { id }), base + ref.pos);
      }
      if (root === 'policy' && id !== undefined && !declaredPolicy.has(id)) {
        add('warning', p, coded('policy.undeclared', { key: id }), base + ref.pos);
      }
    }
  };

  const checkAction = (name: unknown, input: unknown, p: PathKey[], stepId: string | undefined) => {
    if (typeof name !== 'string') return;
    const def = registry.get(name);
    if (!def) {
      const names = registry.names();
      const namespace = name.split('.')[0];
      const near = names.filter((n) => distance(n, name) <= 3);
      const sameNamespace = names.filter((n) => n.split('.')[0] === namespace && !near.includes(n));
      const suggestions = [...near, ...sameNamespace].slice(0, 5);
      if (suggestions.length === 0 && names.length <= 12) add('error', [...p, 'action'], coded('action.unknownListed', { ...at(p), name, known: names.join(', ') }));
      else add('error', [...p, 'action'], coded('action.unknown', { ...at(p), name, ...(suggestions.length ? { suggestions } : { hint: 'actions' }) }));
      return;
    }
    // An action that does not exist on a declared platform must be guarded by a `when:` on platform.
    const step = valueAtPath(data, p.slice(0, 2));
    const guarded = isObj(step) && typeof step.when === 'string' && /\bplatform\b/.test(step.when);
    const declared = Array.isArray(data.platforms) ? data.platforms.filter((x): x is string => typeof x === 'string') : [];
    const unsupported = declared.filter((pl) => !(def.platforms as readonly string[]).includes(pl));
    if (unsupported.length > 0 && !guarded) {
      add('warning', [...p, 'action'], coded('action.platform', { ...at(p), name, platforms: unsupported.join(', ') }));
    }
    const withValue = input === undefined ? {} : input;
    walkStrings(withValue, [...p, 'with'], (text, sp) => {
      for (const t of findTemplates(text)) {
        if (!t.ok) add('error', sp, coded(t.code, t.args), t.pos);
        else checkRefs(t.refs, sp, 0, stepId);
      }
    });
    const parsed = def.input.safeParse(withValue);
    if (parsed.success) {
      if (baseDir === undefined || !def.catalogFiles) return;
      for (const rel of def.catalogFiles(parsed.data)) {
        if (!hasTemplate(rel) && !existsSync(path.resolve(baseDir, rel))) {
          add('error', [...p, 'with'], coded('action.missingFile', { ...at(p), path: rel }));
        }
      }
      return;
    }
    for (const issue of parsed.error.issues) {
      const ip = [...p, 'with', ...(issue.path as PathKey[])];
      // A templated value is checked again at run time, after substitution.
      const value = issue.path.reduce<unknown>((v, k) => (isObj(v) || Array.isArray(v) ? (v as Obj)[k as string] : undefined), withValue);
      if (typeof value === 'string' && hasTemplate(value)) continue;
      out.push({ file, ...issueLocation({ ...issue, path: ip }, locator), severity: 'error', ...inputFinding(issue, value, { ...at(p), name }) });
    }
  };

  let endedBy: string | undefined; // an earlier escalate step without `when:` ends every run
  steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const p: PathKey[] = ['steps', i];
    const id = typeof step.id === 'string' ? step.id : undefined;
    if (endedBy !== undefined) add('warning', p, coded('step.neverRuns', { ...at(p), by: endedBy }));
    if (step.type === 'escalate' && step.when === undefined && endedBy === undefined) endedBy = id ?? String(i + 1);
    if (id !== undefined && earlier.has(id)) add('error', [...p, 'id'], coded('step.duplicateId', { id }));
    if (typeof step.when === 'string') {
      const cond = parseCondition(step.when);
      if (!cond.ok) add('error', [...p, 'when'], coded('when.problem', { ...at(p), ...cond.error.args, detail: cond.error.code }), cond.error.pos);
      else {
        checkRefs(cond.refs, [...p, 'when'], 0, id);
        for (const problem of lintCondition(cond.expr, facts)) add('error', [...p, 'when'], coded('when.problem', { ...at(p), ...problem.args, detail: problem.code }), problem.pos);
      }
    }
    if (step.type === 'check') {
      checkAction(step.action, step.with, p, id);
      if (Array.isArray(step.fix)) step.fix.forEach((fix, j) => isObj(fix) && checkAction(fix.action, fix.with, [...p, 'fix', j], id));
      if (Array.isArray(step.expect)) {
        step.expect.forEach((e, j) => {
          if (!isObj(e)) return;
          const ops = ['equals', 'not-equals', 'in', 'matches', 'gt', 'gte', 'lt', 'lte'].filter((k) => k in e);
          if (ops.length === 0) add('error', [...p, 'expect', j], coded('expect.noTest', at(p)));
          if (typeof e.matches === 'string' && !validRegExp(e.matches)) add('error', [...p, 'expect', j, 'matches'], coded('regexp.invalid', { pattern: e.matches }));
        });
      }
    }
    if (step.type === 'ask') {
      const dynamic = typeof step['choices-from'] === 'string';
      if (step.answer === 'choice' && !Array.isArray(step.choices) && !dynamic) add('error', p, coded('ask.needsChoices', at(p)));
      if (step.answer !== 'choice' && step.choices !== undefined) add('error', [...p, 'choices'], coded('ask.choicesOnlyForChoice'));
      if (step.answer !== 'choice' && dynamic) add('error', [...p, 'choices-from'], coded('ask.choicesFromOnlyForChoice'));
      if (typeof step['choices-from'] === 'string') {
        for (const t of findTemplates(step['choices-from'])) {
          if (!t.ok) add('error', [...p, 'choices-from'], coded(t.code, t.args), t.pos);
          else checkRefs(t.refs, [...p, 'choices-from'], 0, id);
        }
      }
      if (typeof step.pattern === 'string' && !validRegExp(step.pattern)) add('error', [...p, 'pattern'], coded('regexp.invalid', { pattern: step.pattern }));
      // With choices-from, the pattern guards the text answer asked when no list could be made.
      if (step.answer !== 'text' && step.pattern !== undefined && !dynamic) add('error', [...p, 'pattern'], coded('ask.patternOnlyForText'));
    }
    const checkTarget = (target: Obj, tp: PathKey[], required: boolean) => {
      const hasUrl = target.url !== undefined;
      const hasPolicy = target['url-from-policy'] !== undefined;
      if (hasUrl && hasPolicy) add('error', tp, coded('link.urlAndPolicy', at(tp)));
      if (required && !hasUrl && !hasPolicy) add('error', tp, coded('link.needsUrl', at(tp)));
      const key = target['url-from-policy'];
      if (typeof key === 'string' && !declaredPolicy.has(key)) add('warning', [...tp, 'url-from-policy'], coded('policy.undeclared', { key }));
    };
    if (step.type === 'escalate') {
      if (step.it === undefined && step.reason === undefined) add('error', p, coded('escalate.needsIt', at(p)));
      if (step.employee === undefined) add('warning', p, coded('escalate.noEmployee', at(p)));
      if (step.it !== undefined && step.reason !== undefined) add('error', [...p, 'reason'], coded('escalate.reasonAndIt'));
      if (typeof step.cause === 'string') {
        for (const t of findTemplates(step.cause)) {
          if (!t.ok) add('error', [...p, 'cause'], coded(t.code, t.args), t.pos);
          else checkRefs(t.refs, [...p, 'cause'], 0, id);
        }
      }
    }
    if (step.type === 'link') checkTarget(step, p, true);
    if (step.type === 'info' && isObj(step.link)) checkTarget(step.link, [...p, 'link'], true);
    if (id !== undefined && !earlier.has(id) && typeof step.type === 'string') {
      earlier.set(id, step.type);
      const choices = Array.isArray(step.choices) ? step.choices.filter(isObj).map((c) => String(c.value)) : undefined;
      facts.set(id, { type: step.type, ...(typeof step.answer === 'string' ? { answer: step.answer } : {}), ...(choices ? { choices } : {}) });
    }
  });

  for (const { index, id } of unverifiedFixPaths(steps, registry)) {
    add('warning', ['steps', index], coded('honesty.unverifiedFix', { id }));
  }

  walkLocalized(data, [], (value, p) => {
    const missing = translations.filter((l) => value[l] === undefined);
    if (missing.length > 0 && defaultLang in value) {
      add('warning', p, coded('text.missingTranslation', { ...at(p), langs: missing.join(', ') }));
    }
  });
  for (const bare of findBareTemplates(data)) add('warning', bare.path, coded('template.bare', { ...at(bare.path), written: bare.written, suggested: bare.suggested }));
  return out;
}

function valueAtPath(data: unknown, p: readonly PathKey[]): unknown {
  return p.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PathKey, unknown>)[k] : undefined), data);
}

function validRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function walkStrings(value: unknown, p: PathKey[], visit: (text: string, p: PathKey[]) => void): void {
  if (typeof value === 'string') visit(value, p);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...p, i], visit));
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) walkStrings(v, [...p, k], visit);
}

/** Localized values are mappings whose keys are all language codes. */
function walkLocalized(value: unknown, p: PathKey[], visit: (value: Obj, p: PathKey[]) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkLocalized(v, [...p, i], visit));
  else if (isObj(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => isLang(k)) && p[p.length - 1] !== 'with') visit(value, p);
    else for (const [k, v] of Object.entries(value)) if (k !== 'with') walkLocalized(v, [...p, k], visit);
  }
}
