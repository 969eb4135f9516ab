import { describe, expect, it } from 'vitest';
import { evaluateCondition, parseCondition, type ConditionScope, type Expr } from '../../../core/engine/condition.ts';

const scope: ConditionScope = {
  platform: 'linux',
  lang: 'nl',
  steps: { wifi: { outcome: 'failed', result: { ssid: 'Office', signal: 40, nested: { up: true } } }, dns: { outcome: 'passed' } },
  answers: { printer: 'HP-2', sure: true },
  policy: { resetUrl: 'https://reset.example.invalid' },
};

function ev(text: string, s: ConditionScope = scope): boolean {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.pos}`);
  return evaluateCondition(parsed.expr, s);
}

/** Fully parenthesised rendering, to assert precedence directly on the tree. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'list':
      return `[${e.items.map(show).join(',')}]`;
    case 'ref':
      return e.path.join('.');
    case 'not':
      return `(not ${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}
const tree = (text: string) => {
  const p = parseCondition(text);
  if (!p.ok) throw new Error(p.error.message);
  return show(p.expr);
};

describe('condition grammar', () => {
  it('groups or/and/not as documented', () => {
    expect(tree("platform == 'linux' or lang == 'nl' and not answers.sure")).toBe('((platform == "linux") or ((lang == "nl") and (not answers.sure)))');
    expect(tree("(platform == 'linux' or lang == 'nl') and answers.sure")).toBe('(((platform == "linux") or (lang == "nl")) and answers.sure)');
    expect(tree('not not answers.sure')).toBe('(not (not answers.sure))');
    expect(tree("platform in ['linux', 'darwin'] or answers.sure == true")).toBe('((platform in ["linux","darwin"]) or (answers.sure == true))');
  });

  it('evaluates references to platform, steps, results, answers and policy', () => {
    expect(ev("platform == 'linux'")).toBe(true);
    expect(ev("steps.wifi.outcome == 'failed' and steps.dns.outcome == 'passed'")).toBe(true);
    expect(ev("steps.wifi.result.ssid == 'Office' and steps.wifi.result.signal == 40")).toBe(true);
    expect(ev('steps.wifi.result.nested.up')).toBe(true);
    expect(ev("answers.printer in ['HP-1', 'HP-2']")).toBe(true);
    expect(ev('answers.sure == true and not answers.missing')).toBe(true);
    expect(ev("policy.resetUrl != null and lang == 'nl'")).toBe(true);
    expect(ev("steps.never.outcome == 'skipped'")).toBe(true);
    expect(ev("'Off' in steps.wifi.result.ssid")).toBe(true);
  });

  it('short-circuits and respects precedence when evaluating', () => {
    expect(ev("platform == 'win32' or platform == 'linux' and answers.sure")).toBe(true);
    expect(ev("(platform == 'win32' or platform == 'linux') and not answers.sure")).toBe(false);
    expect(ev("not platform == 'win32'")).toBe(true);
    expect(ev('steps.wifi.result.signal != 40 or -1 == -1')).toBe(true);
  });

  it('does not resolve prototype properties', () => {
    expect(ev('answers.constructor == null')).toBe(true);
    expect(ev('steps.wifi.result.__proto__ == null')).toBe(true);
  });

  it.each([
    ["platform = 'x'", 9, /did you mean "=="/],
    ["platform == 'x", 12, /closing quote/],
    ['platform ==', 11, /ends too early/],
    ["(platform == 'x'", 16, /closing "\)"/],
    ["platform == 'x' answers.sure", 16, /Expected "and", "or"/],
    ["platform == 'a' == 'b'", 16, /cannot be chained/],
    ['and platform', 0, /needs a value before it/],
    ["platform in ['a', answers.x]", 18, /Lists may only hold/],
    ["platform in ['a' 'b']", 17, /"," or a closing "\]"/],
    ['steps.wifi', 0, /steps.<step-id>.outcome/],
    ['steps.wifi.outcome.x', 0, /steps.<step-id>.outcome/],
    ['platform.os', 0, /has no fields/],
    ['process.env == 1', 0, /Unknown name "process.env"/],
    ['answers.a.b', 0, /answers.<step-id>/],
    ['platform == 1 ; rm', 14, /Unexpected character ";"/],
    ['steps.', 6, /Expected a name after "."/],
    ['', 0, /ends too early/],
  ])('rejects %j with a positioned error', (text, pos, message) => {
    const parsed = parseCondition(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.pos).toBe(pos);
    expect(parsed.error.message).toMatch(message);
  });
});

describe('condition parser robustness', () => {
  it('never throws on arbitrary text and reports errors inside the text', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          // Mostly-valid token soup reaches deep into the parser.
          fc
            .array(
              fc.constantFrom('platform', 'steps.wifi.outcome', 'answers.sure', "'linux'", '1', '-2', 'true', 'null', '==', '!=', 'in', 'and', 'or', 'not', '(', ')', '[', ']', ',', "['a', 'b']"),
              { maxLength: 12 },
            )
            .map((t) => t.join(' ')),
        ),
        (text) => {
          const parsed = parseCondition(text);
          if (!parsed.ok) expect(parsed.error.pos >= 0 && parsed.error.pos <= text.length).toBe(true);
          else evaluateCondition(parsed.expr, scope);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
