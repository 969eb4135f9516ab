import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { loadTroubleshooterFile, loadTroubleshooterText } from '../../../core/engine/loader.ts';
import type { Diagnostic } from '../../../core/kernel/diagnostics.ts';

const fixtures = path.resolve('test/fixtures/engine');
const registry = builtinRegistry();
const located = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity}`);

describe('loader', () => {
  it('loads a troubleshooter using every step type without diagnostics', async () => {
    const result = await loadTroubleshooterFile(path.join(fixtures, 'valid/all-steps.yaml'), registry);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.troubleshooter?.steps.map((s) => s.type)).toEqual(['ask', 'ask', 'check', 'info', 'link', 'escalate']);
  });

  it('reports a YAML syntax error at its line and column and nothing else', async () => {
    const result = await loadTroubleshooterFile(path.join(fixtures, 'invalid/yaml-syntax.yaml'), registry);
    expect(result.ok).toBe(false);
    expect(located(result.diagnostics)).toEqual(['4:1 error']);
    expect(result.diagnostics[0]?.message).toMatch(/^YAML syntax: a mapping in \{ \} is not closed before line 4: add the \} on the line above \(parser: "Flow map/);
    expect(result.diagnostics[0]?.file).toBe(path.join(fixtures, 'invalid/yaml-syntax.yaml'));
  });

  it('reports every schema error together, each located at the offending key or value', async () => {
    const result = await loadTroubleshooterFile(path.join(fixtures, 'invalid/schema.yaml'), registry);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([
      ['1:5', 'id: Ids are kebab-case, e.g. "printer-queue".'],
      ['2:10', 'version: expected text, found number 1; put the value in quotes (YAML reads 1.0 as a number and yes as true).'],
      ['3:8', 'title.en: the English text ("en") is missing; English is required and shown when a translation is missing.'],
      ['4:25', 'summary: unknown language "xx"; use en, nl, fr or de.'],
      ['5:20', 'platforms.1: must be one of "win32", "darwin", "linux".'],
      ['7:1', 'unknown key "colour"; check the spelling (allowed keys are in troubleshooters/schema.json).'],
      ['14:14', 'step "one", timeout: Use a duration like "30s", "500ms" or "2m".'],
      ['16:11', 'step "two": unknown step type; use check, ask, info, link or escalate.'],
    ]);
  });

  it('reports unknown actions, bad action input, bad references, duplicate ids and bad conditions with positions', async () => {
    const result = await loadTroubleshooterFile(path.join(fixtures, 'invalid/semantics.yaml'), registry);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([
      ['11:13', 'step "first": unknown action "printer.clear-all". Known actions: command.exists, env.platform, script, script.check.'],
      ['16:22', 'step "second": action "command.exists" "command": A bare command name such as "nmcli".'],
      ['16:34', 'step "second": action "command.exists" unknown input "extra".'],
      ['17:11', 'Step "later" runs later; a step can only use results of earlier steps.'],
      ['18:9', 'The step id "first" is used twice; step ids must be unique.'],
      ['22:34', 'step "first", when: Unexpected "="; did you mean "=="? (use "not" for negation)'],
      ['23:5', 'step "later": a choice question needs "choices" or "choices-from".'],
    ]);
  });

  it('warns, without failing, about missing nl/fr/de translations', async () => {
    const result = await loadTroubleshooterFile(path.join(fixtures, 'invalid/translations.yaml'), registry);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [`${d.line}:${d.column}`, d.severity, d.message])).toEqual([
      ['3:8', 'warning', 'title: no nl, fr, de translation; employees will see the English text.'],
      ['10:12', 'warning', 'step "only", title: no fr, de translation; employees will see the English text.'],
    ]);
  });

  it('locates errors in conditions and templates at the exact character', () => {
    const text = [
      'id: t',
      'version: "1.0.0"',
      'title: { en: T }',
      'summary: { en: S }',
      'platforms: [linux]',
      'category: x',
      'steps:',
      '  - id: q',
      '    type: ask',
      '    title: { en: Q }',
      '    prompt: { en: Q }',
      '    answer: text',
      '  - id: c',
      '    type: check',
      '    title: { en: C }',
      '    action: script',
      '    when: "answers.q == \'a\' or nope"',
      '    with: { path: a.sh, args: ["--user=${{ answers.zz }}", "${{ answers.q and 1 }}"] }',
    ].join('\n');
    const result = loadTroubleshooterText(text, 'inline.yaml', registry);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([
      ['17:32', 'step "c", when: Unknown name "nope"; use platform, lang, steps.<id>…, answers.<id> or policy.<key>.'],
      ['18:44', 'There is no question "zz". Did you mean "q"?'],
      ['18:61', '"${{ answers.q and 1 }}" must be a single reference such as answers.<id>; expressions are not allowed here.'],
    ]);
  });

  it('reports a script the troubleshooter names but the catalog does not contain', async () => {
    const result = await loadTroubleshooterFile(path.join(fixtures, 'invalid/missing-script.yaml'), registry);
    expect(result.diagnostics.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([
      ['12:11', 'step "run": "scripts/not-there.sh" does not exist next to this troubleshooter (paths are relative to its folder).'],
    ]);
  });

  it('warns when an action does not run on a declared platform and no when: guards it', () => {
    const steps = (when: string) =>
      [
        'id: t',
        'version: "1.0.0"',
        'title: { en: T }',
        'summary: { en: S }',
        'platforms: [linux, win32]',
        'category: x',
        'steps:',
        '  - id: s',
        '    type: check',
        '    title: { en: S }',
        '    action: env.platform',
        ...(when ? [`    when: ${when}`] : []),
      ].join('\n');
    const narrow = {
      ...registry,
      get: (n: string) => {
        const d = registry.get(n);
        return d && { ...d, platforms: ['linux' as const] };
      },
    };
    const unguarded = loadTroubleshooterText(steps(''), 'x.yaml', narrow).diagnostics.filter((d) => d.message.includes('does not run on'));
    expect(unguarded.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([['11:13', 'step "s": "env.platform" does not run on win32; add a when: condition on platform.']]);
    expect(loadTroubleshooterText(steps("platform == 'linux'"), 'x.yaml', narrow).diagnostics.some((d) => d.message.includes('does not run on'))).toBe(false);
  });

  it('rejects when: comparisons that can never be true, at the offending value', () => {
    const text = [
      'id: t',
      'version: "1.0.0"',
      'title: { en: T }',
      'summary: { en: S }',
      'platforms: [linux]',
      'category: x',
      'steps:',
      '  - id: sure',
      '    type: ask',
      '    title: { en: S }',
      '    prompt: { en: S }',
      '    answer: yesno',
      '  - id: color',
      '    type: ask',
      '    title: { en: C }',
      '    prompt: { en: C }',
      '    answer: choice',
      '    choices: [{ value: red, label: { en: Red } }, { value: blue, label: { en: Blue } }]',
      '  - id: end',
      '    type: escalate',
      '    title: { en: E }',
      '    reason: { en: E }',
      "    when: answers.sure == 'yes' or answers.color in ['red', 'gren'] or steps.color.outcome == 'fail' or answers.sure == true",
    ].join('\n');
    const errors = loadTroubleshooterText(text, 'x.yaml', registry).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([
      ['23:27', 'step "end", when: Yes/no answers are true or false, so comparing answers.sure with "yes" is never true.'],
      ['23:61', 'step "end", when: "gren" is not a choice of step "color" (red, blue).'],
      ['23:95', 'step "end", when: "fail" is not a step outcome; use one of passed, fixed, failed, skipped, error, timeout, refused.'],
    ]);
  });

  it('warns about steps after an escalate step that has no when:', () => {
    const text = [
      'id: t',
      'version: "1.0.0"',
      'title: { en: T }',
      'summary: { en: S }',
      'platforms: [linux]',
      'category: x',
      'steps:',
      '  - id: end',
      '    type: escalate',
      '    title: { en: E }',
      '    reason: { en: E }',
      '  - id: after',
      '    type: info',
      '    title: { en: A }',
      '    text: { en: A }',
    ].join('\n');
    const warnings = loadTroubleshooterText(text, 'x.yaml', registry).diagnostics.filter((d) => d.message.includes('never runs'));
    expect(warnings.map((d) => [`${d.line}:${d.column}`, d.severity, d.message])).toEqual([
      ['12:5', 'warning', 'step "after" never runs: step "end" always escalates before it (give it a when: condition).'],
    ]);
  });

  it('never throws on input that is not a mapping', () => {
    for (const text of ['', '42', '- a\n- b', 'null', '"x"']) {
      const result = loadTroubleshooterText(text, 'x.yaml', registry);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
    const result = loadTroubleshooterText(bomb, 'bomb.yaml', registry);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toMatch(/alias/i);
  });

  it('loads a catalog from the top-level files of a directory and skips invalid ones with diagnostics', async () => {
    const catalog = await loadCatalog(path.join(fixtures, 'invalid'), registry);
    expect(catalog.entries.map((e) => e.troubleshooter.id)).toEqual(['translations']);
    expect(catalog.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('semantics.yaml'))).toBe(true);
  });
});

describe('did you mean, for keys, steps and answers (issue 16)', () => {
  it('suggests the key, step or question an author probably meant, at the place of the mistake', async () => {
    const { loadTroubleshooterText } = await import('../../../core/engine/loader.ts');
    const { fullActionRegistry } = await import('../../../core/action-registry.ts');
    const text = [
      'id: t',
      'version: "1.0.0"',
      'title: { en: T }',
      'summary: { en: T }',
      'platforms: [linux]',
      'category: general',
      'steps:',
      '  - id: ask1',
      '    type: ask',
      '    title: { en: A }',
      '    promtp: { en: Q }',
      '    prompt: { en: Q }',
      '    answer: yesno',
      '  - id: s2',
      '    type: info',
      "    when: answers.ask2 == true and steps.ask11.outcome == 'passed'",
      '    title: { en: B }',
      '    text: { en: x }',
    ].join('\n');
    const result = loadTroubleshooterText(text, 't.yaml', fullActionRegistry());
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(errors).toContain('11:5 step "ask1": unknown key "promtp". Did you mean "prompt"? (Allowed keys are in troubleshooters/schema.json.)');
    expect(errors).toContain('16:11 There is no question "ask2". Did you mean "ask1"?');
    expect(errors).toContain('16:36 There is no step "ask11". Did you mean "ask1"?');
  });
});
