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
import { describePath, issueLocation, whereArgs, type Locator, type PathKey } from './source-diagnostics.ts';
import { coded } from './lint-messages.ts';
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
  const add = (severity: Severity, p: readonly PathKey[], message: string | ReturnType<typeof coded>, offset?: number) => {
    const where = locator.at(p, offset);
    out.push({ file, line: where.line, column: where.column, severity, ...(typeof message === 'string' ? { message } : message) });
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
      if (suggestions.length === 0 && names.length <= 12) add('error', [...p, 'action'], `${describePath(p, data)}: unknown action "${name}". Known actions: ${names.join(', ')}.`);
      else add('error', [...p, 'action'], coded('action.unknown', { ...at(p), name, ...(suggestions.length ? { suggestions } : { hint: 'actions' }) }));
      return;
    }
    // An action that does not exist on a declared platform must be guarded by a `when:` on platform.
    const step = valueAtPath(data, p.slice(0, 2));
    const guarded = isObj(step) && typeof step.when === 'string' && /\bplatform\b/.test(step.when);
    const declared = Array.isArray(data.platforms) ? data.platforms.filter((x): x is string => typeof x === 'string') : [];
    const unsupported = declared.filter((pl) => !(def.platforms as readonly string[]).includes(pl));
    if (unsupported.length > 0 && !guarded) {
      add('warning', [...p, 'action'], `${describePath(p, data)}: "${name}" does not run on ${unsupported.join(', ')}; add a when: condition on platform.`);
    }
    const withValue = input === undefined ? {} : input;
    walkStrings(withValue, [...p, 'with'], (text, sp) => {
      for (const t of findTemplates(text)) {
        if (!t.ok) add('error', sp, t.message, t.pos);
        else checkRefs(t.refs, sp, 0, stepId);
      }
    });
    const parsed = def.input.safeParse(withValue);
    if (parsed.success) {
      if (baseDir === undefined || !def.catalogFiles) return;
      for (const rel of def.catalogFiles(parsed.data)) {
        if (!hasTemplate(rel) && !existsSync(path.resolve(baseDir, rel))) {
          add('error', [...p, 'with'], `${describePath(p, data)}: "${rel}" does not exist next to this troubleshooter (paths are relative to its folder).`);
        }
      }
      return;
    }
    for (const issue of parsed.error.issues) {
      const ip = [...p, 'with', ...(issue.path as PathKey[])];
      // A templated value is checked again at run time, after substitution.
      const value = issue.path.reduce<unknown>((v, k) => (isObj(v) || Array.isArray(v) ? (v as Obj)[k as string] : undefined), withValue);
      if (typeof value === 'string' && hasTemplate(value)) continue;
      const where = issueLocation({ ...issue, path: ip }, locator);
      const field = issue.path.length ? `"${issue.path.join('.')}"` : 'its input';
      const message = issue.code === 'unrecognized_keys' ? `unknown input ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `${field}: ${issue.message}`;
      out.push({ file, ...where, severity: 'error', message: `${describePath(p, data)}: action "${name}" ${message.replace(/\.?$/, '.')}` });
    }
  };

  let endedBy: string | undefined; // an earlier escalate step without `when:` ends every run
  steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const p: PathKey[] = ['steps', i];
    const id = typeof step.id === 'string' ? step.id : undefined;
    if (endedBy !== undefined) add('warning', p, `${describePath(p, data)} never runs: step "${endedBy}" always escalates before it (give it a when: condition).`);
    if (step.type === 'escalate' && step.when === undefined && endedBy === undefined) endedBy = id ?? String(i + 1);
    if (id !== undefined && earlier.has(id)) add('error', [...p, 'id'], coded('step.duplicateId', { id }));
    if (typeof step.when === 'string') {
      const cond = parseCondition(step.when);
      if (!cond.ok) add('error', [...p, 'when'], `${describePath(p, data)}, when: ${cond.error.message}`, cond.error.pos);
      else {
        checkRefs(cond.refs, [...p, 'when'], 0, id);
        for (const problem of lintCondition(cond.expr, facts)) add('error', [...p, 'when'], `${describePath(p, data)}, when: ${problem.message}`, problem.pos);
      }
    }
    if (step.type === 'check') {
      checkAction(step.action, step.with, p, id);
      if (Array.isArray(step.fix)) step.fix.forEach((fix, j) => isObj(fix) && checkAction(fix.action, fix.with, [...p, 'fix', j], id));
      if (Array.isArray(step.expect)) {
        step.expect.forEach((e, j) => {
          if (!isObj(e)) return;
          const ops = ['equals', 'not-equals', 'in', 'matches', 'gt', 'gte', 'lt', 'lte'].filter((k) => k in e);
          if (ops.length === 0) add('error', [...p, 'expect', j], `${describePath(p, data)}: this expectation has no test; add equals, not-equals, in, matches, gt, gte, lt or lte.`);
          if (typeof e.matches === 'string' && !validRegExp(e.matches)) add('error', [...p, 'expect', j, 'matches'], coded('regexp.invalid', { pattern: e.matches }));
        });
      }
    }
    if (step.type === 'ask') {
      const dynamic = typeof step['choices-from'] === 'string';
      if (step.answer === 'choice' && !Array.isArray(step.choices) && !dynamic) add('error', p, `${describePath(p, data)}: a choice question needs "choices" or "choices-from".`);
      if (step.answer !== 'choice' && step.choices !== undefined) add('error', [...p, 'choices'], '"choices" only applies when answer is "choice".');
      if (step.answer !== 'choice' && dynamic) add('error', [...p, 'choices-from'], '"choices-from" only applies when answer is "choice".');
      if (typeof step['choices-from'] === 'string') {
        for (const t of findTemplates(step['choices-from'])) {
          if (!t.ok) add('error', [...p, 'choices-from'], t.message, t.pos);
          else checkRefs(t.refs, [...p, 'choices-from'], 0, id);
        }
      }
      if (typeof step.pattern === 'string' && !validRegExp(step.pattern)) add('error', [...p, 'pattern'], coded('regexp.invalid', { pattern: step.pattern }));
      // With choices-from, the pattern guards the text answer asked when no list could be made.
      if (step.answer !== 'text' && step.pattern !== undefined && !dynamic) add('error', [...p, 'pattern'], '"pattern" only applies when answer is "text".');
    }
    const checkTarget = (target: Obj, tp: PathKey[], required: boolean) => {
      const hasUrl = target.url !== undefined;
      const hasPolicy = target['url-from-policy'] !== undefined;
      if (hasUrl && hasPolicy) add('error', tp, `${describePath(tp, data)}: give either "url" or "url-from-policy", not both.`);
      if (required && !hasUrl && !hasPolicy) add('error', tp, `${describePath(tp, data)}: a link needs "url" or "url-from-policy".`);
      const key = target['url-from-policy'];
      if (typeof key === 'string' && !declaredPolicy.has(key)) add('warning', [...tp, 'url-from-policy'], coded('policy.undeclared', { key }));
    };
    if (step.type === 'escalate') {
      if (step.it === undefined && step.reason === undefined) add('error', p, coded('escalate.needsIt', at(p)));
      if (step.employee === undefined) add('warning', p, coded('escalate.noEmployee', at(p)));
      if (step.it !== undefined && step.reason !== undefined) add('error', [...p, 'reason'], '"reason" is the older name of "it"; give only "it".');
      if (typeof step.cause === 'string') {
        for (const t of findTemplates(step.cause)) {
          if (!t.ok) add('error', [...p, 'cause'], t.message, t.pos);
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
    add(
      'warning',
      ['steps', index],
      `Step "${id}": when its fix fails or is refused, the run can go on to the end without a re-check of the same condition or an escalation; Firstline would then end it "not fixed" after leading the employee on. Add an escalate step whose when: covers steps.${id}.outcome not in ['passed', 'fixed'].`,
    );
  }

  walkLocalized(data, [], (value, p) => {
    const missing = translations.filter((l) => value[l] === undefined);
    if (missing.length > 0 && defaultLang in value) {
      add('warning', p, coded('text.missingTranslation', { ...at(p), langs: missing.join(', ') }));
    }
  });
  for (const bare of findBareTemplates(data)) add('warning', bare.path, `${describePath(bare.path, data)}: ${bare.message}`);
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
