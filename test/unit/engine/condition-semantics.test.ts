/**
 * The `when:` grammar's edges (core/engine/condition.ts): what counts as true, how null, '' and 0
 * compare, when `in` is false, and exactly what the tokenizer accepts. Written against the
 * survivors of `npm run test:mutation -- when-grammar` (issue #17).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCondition, getPath, parseCondition, resolveReference, tokenize, type ConditionScope } from '../../../core/engine/condition.ts';
import { lintMessage } from '../../../core/engine/lint-messages.ts';

const scope: ConditionScope = {
  platform: 'darwin',
  lang: 'fr',
  steps: {
    disk: { outcome: 'passed', result: { free: 0, label: '', mounted: false, owner: null, size: 12.5, name: 'Macintosh HD' } },
    wifi: { outcome: 'failed' },
  },
  answers: { none: null, empty: '', zero: 0, no: false, yes: true, text: 'abc', count: 3 },
  policy: { nested: { url: 'https://x.invalid' } },
};

function parse(text: string) {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.pos}`);
  return parsed;
}
const ev = (text: string) => evaluateCondition(parse(text).expr, scope);
const value = (text: string) => evaluate(parse(text).expr, scope);

describe('when: truthiness', () => {
  it.each([
    ['answers.none', false],
    ['answers.empty', false],
    ['answers.zero', false],
    ['answers.no', false],
    ['answers.missing', false],
    ['answers.yes', true],
    ['answers.text', true],
    ['answers.count', true],
    ["' '", true],
    ['-1', true],
    ['[]', true],
  ])('%s is %s', (text, expected) => {
    expect(ev(text)).toBe(expected);
    expect(ev(`not ${text}`)).toBe(!expected);
  });

  it('and/or return booleans, not the operand', () => {
    expect(value("answers.text and 'x'")).toBe(true);
    expect(value('answers.zero or answers.empty')).toBe(false);
    expect(value('answers.zero or answers.count')).toBe(true);
    expect(value('answers.count and answers.zero')).toBe(false);
    expect(value('answers.zero and answers.count')).toBe(false);
    expect(value('answers.none or answers.none')).toBe(false);
  });
});

describe('when: comparisons with null, empty text and zero', () => {
  it.each([
    ['answers.none == null', true],
    ['answers.missing == null', true],
    ['answers.missing == answers.none', true],
    ['answers.empty == null', false],
    ['answers.zero == null', false],
    ['answers.no == null', false],
    ["answers.empty == ''", true],
    ['answers.zero == 0', true],
    ["answers.zero == '0'", false],
    ['answers.no == false', true],
    ['answers.no == 0', false],
    ['steps.disk.result.owner == null', true],
    ['steps.disk.result.free == 0', true],
    ["steps.disk.result.label == ''", true],
    ['steps.disk.result.size == 12.5', true],
    ['answers.none != null', false],
    ['answers.missing != null', false],
    ['answers.empty != null', true],
    ['answers.zero != null', true],
    ['answers.no != false', false],
    ['answers.yes != false', true],
    ["answers.text != 'abc'", false],
    ["answers.text != 'abd'", true],
  ])('%s is %s', (text, expected) => {
    expect(ev(text)).toBe(expected);
  });
});

describe('when: in', () => {
  it.each([
    ["answers.text in ['abc', 'x']", true],
    ["answers.text in ['ab', 'x']", false],
    ['answers.missing in [null]', true],
    ['answers.none in [null, 1]', true],
    ["answers.missing in ['', 0, false]", false],
    ['answers.zero in [0]', true],
    ["answers.zero in ['0']", false],
    ['answers.count in []', false],
    ["'bc' in answers.text", true],
    ["'' in answers.text", true],
    ["'abcd' in answers.text", false],
    ["'Mac' in steps.disk.result.name", true],
    ['3 in answers.text', false],
    ["answers.text in 'xabcx'", true],
    ["answers.text in 'ab'", false],
    ["'a' in answers.count", false],
    ["'a' in answers.missing", false],
    ['answers.missing in answers.missing', false],
    ['null in answers.text', false],
  ])('%s is %s', (text, expected) => {
    expect(ev(text)).toBe(expected);
  });
});

describe('when: references', () => {
  it('resolve platform, lang, answers, policy paths and step results', () => {
    expect(resolveReference(['platform'], scope)).toBe('darwin');
    expect(resolveReference(['lang'], scope)).toBe('fr');
    expect(resolveReference(['answers', 'text'], scope)).toBe('abc');
    expect(resolveReference(['policy', 'nested', 'url'], scope)).toBe('https://x.invalid');
    expect(resolveReference(['policy', 'nested'], scope)).toEqual({ url: 'https://x.invalid' });
    expect(resolveReference(['steps', 'disk', 'result', 'free'], scope)).toBe(0);
    expect(resolveReference(['steps', 'disk', 'result'], scope)).toEqual(scope.steps.disk!.result);
    expect(resolveReference(['steps', 'disk', 'outcome'], scope)).toBe('passed');
    expect(resolveReference(['steps', 'nope', 'outcome'], scope)).toBe('skipped');
    expect(resolveReference(['steps', 'nope', 'result', 'x'], scope)).toBeUndefined();
    expect(resolveReference(['steps', 'wifi', 'result', 'x'], scope)).toBeUndefined();
    expect(resolveReference(['steps'], scope)).toBeUndefined();
    expect(resolveReference(['steps', 'constructor', 'outcome'], scope)).toBe('skipped');
    expect(resolveReference(['other'], scope)).toBeUndefined();
    expect(resolveReference([], scope)).toBeUndefined();
  });

  it('reads own properties only, through objects only', () => {
    expect(getPath({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(getPath({ a: { b: 1 } }, [])).toEqual({ a: { b: 1 } });
    expect(getPath({ a: 'text' }, ['a', 'length'])).toBeUndefined();
    expect(getPath({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(getPath(undefined, ['a'])).toBeUndefined();
    expect(getPath({}, ['toString'])).toBeUndefined();
    expect(getPath(Object.create({ inherited: 1 }) as object, ['inherited'])).toBeUndefined();
  });

  it('collects every reference it parsed, in order', () => {
    expect(parse("platform == 'x' or (answers.a and not steps.s.result.f in [1])").refs.map((r) => [r.path.join('.'), r.pos])).toEqual([
      ['platform', 0],
      ['answers.a', 20],
      ['steps.s.result.f', 38],
    ]);
    expect(parse('policy.a.b.c').refs[0]?.path).toEqual(['policy', 'a', 'b', 'c']);
    expect(parse('steps.s.result').refs[0]?.path).toEqual(['steps', 's', 'result']);
  });

  it.each([
    ['lang.x', /"lang" has no fields/],
    ['policy', /Use policy.<key>/],
    ['answers', /Use answers.<step-id>/],
    ['steps', /steps.<step-id>.outcome/],
    ['steps.a.other', /steps.<step-id>.outcome/],
    ['Platform', /Unknown name "Platform"/],
  ])('refuses the reference %j', (text, message) => {
    const parsed = parseCondition(text);
    expect(parsed.ok ? 'parsed' : parsed.error.message).toMatch(message);
  });
});

describe('when: tokens', () => {
  it('reads strings in either quote with backslash escapes, numbers and names with their positions', () => {
    expect(tokenize(`"a'b" 'c\\'d' "e\\\\f" '\\n'`)).toEqual([
      { kind: 'str', value: "a'b", pos: 0 },
      { kind: 'str', value: "c'd", pos: 6 },
      { kind: 'str', value: 'e\\f', pos: 13 },
      { kind: 'str', value: 'n', pos: 20 },
      { kind: 'end', pos: 24 },
    ]);
    expect(tokenize('12 -3 4.25 -0.5 7.')).toEqual([
      { kind: 'num', value: 12, pos: 0 },
      { kind: 'num', value: -3, pos: 3 },
      { kind: 'num', value: 4.25, pos: 6 },
      { kind: 'num', value: -0.5, pos: 11 },
      { kind: 'num', value: 7, pos: 16 },
      { kind: 'op', value: '.', pos: 17 },
      { kind: 'end', pos: 18 },
    ]);
    expect(tokenize('_a-b_9 x1\t\r\n==!=()[],.')).toEqual([
      { kind: 'ident', value: '_a-b_9', pos: 0 },
      { kind: 'ident', value: 'x1', pos: 7 },
      { kind: 'op', value: '==', pos: 12 },
      { kind: 'op', value: '!=', pos: 14 },
      { kind: 'op', value: '(', pos: 16 },
      { kind: 'op', value: ')', pos: 17 },
      { kind: 'op', value: '[', pos: 18 },
      { kind: 'op', value: ']', pos: 19 },
      { kind: 'op', value: ',', pos: 20 },
      { kind: 'op', value: '.', pos: 21 },
      { kind: 'end', pos: 22 },
    ]);
  });

  it.each([
    ['a ! b', 2, 'Unexpected "!"; did you mean "!="? (use "not" for negation)'],
    ['a = b', 2, 'Unexpected "="; did you mean "=="? (use "not" for negation)'],
    ['- 1', 0, 'Unexpected character "-".'],
    ['1 + 1', 2, 'Unexpected character "+".'],
    ['9abc', 1, null],
    ["'abc\\'", 0, 'This text is missing its closing quote.'],
    ['"abc', 0, 'This text is missing its closing quote.'],
  ])('%j: error at %d', (text, pos, message) => {
    let error: unknown;
    try {
      tokenize(text);
    } catch (e) {
      error = e;
    }
    if (message === null) {
      // "9abc" is a number then a name: the tokenizer accepts it, the parser refuses it.
      expect(error).toBeUndefined();
      const parsed = parseCondition(text);
      expect(parsed.ok ? -1 : parsed.error.pos).toBe(pos);
      return;
    }
    expect(error).toMatchObject({ message, pos });
  });
});

describe('when: parser messages', () => {
  it.each([
    ['platform in', 11, 'The condition ends too early; a value is missing.'],
    ["platform != 'a' in ['a']", 16, 'Comparisons cannot be chained; join them with "and" or "or".'],
    ["platform in ['a'] != 'b'", 18, 'Comparisons cannot be chained; join them with "and" or "or".'],
    ["platform in ['a'] in ['b']", 18, 'Comparisons cannot be chained; join them with "and" or "or".'],
    ['or platform', 0, '"or" needs a value before it.'],
    ['in platform', 0, '"in" needs a value before it.'],
    [') platform', 0, 'Unexpected ")"; expected a value.'],
    [', platform', 0, 'Unexpected ","; expected a value.'],
    ['platform == ]', 12, 'Unexpected "]"; expected a value.'],
    ['[1, 2', 5, 'Expected a "," or a closing "]".'],
    ['[1,]', 3, 'Unexpected "]"; expected a value.'],
    ['[[1]]', 1, 'Lists may only hold text, numbers, true, false or null.'],
    ['(platform', 9, 'Expected a closing ")".'],
    ['steps.1', 6, 'Expected a name after ".".'],
    ['platform platform', 9, 'Expected "and", "or" or the end of the condition here.'],
    ['platform )', 9, 'Expected "and", "or" or the end of the condition here.'],
  ])('%j: %s', (text, pos, message) => {
    const result = parseCondition(text);
    expect(result).toMatchObject({ ok: false, error: { message, pos } });
    // The same sentence is coded for `lint --lang` (locales/<lang>/lint.json); its English wording is this message.
    if (!result.ok) expect(lintMessage('en', result.error.code, result.error.args)).toBe(message);
  });

  it('parses lists of every literal kind, empty lists and nested parentheses', () => {
    expect(parse("[1, 'a', true, false, null]").expr).toMatchObject({
      kind: 'list',
      pos: 0,
      items: [{ value: 1 }, { value: 'a' }, { value: true }, { value: false }, { value: null }],
    });
    expect(parse('[]').expr).toEqual({ kind: 'list', items: [], pos: 0 });
    expect(parse('((answers.yes))').expr).toMatchObject({ kind: 'ref', path: ['answers', 'yes'], pos: 2 });
    expect(parse('not answers.yes').expr).toMatchObject({ kind: 'not', pos: 0, operand: { kind: 'ref', pos: 4 } });
    expect(parse('answers.a != answers.b').expr).toMatchObject({ kind: 'binary', op: '!=', pos: 10 });
    expect(parse('answers.a in answers.b').expr).toMatchObject({ kind: 'binary', op: 'in', pos: 10 });
    expect(parse('answers.a or answers.b and answers.c').expr).toMatchObject({ kind: 'binary', op: 'or', pos: 10, right: { op: 'and', pos: 23 } });
  });

  it('rethrows errors that are not syntax errors', () => {
    expect(() => parseCondition(null as unknown as string)).toThrow(TypeError);
  });
});
