/**
 * The `when:` condition language: a tiny, closed grammar parsed here by hand — never `eval` or
 * `Function`, so a troubleshooter cannot smuggle code into the engine.
 *
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | compare
 *   compare := primary (('==' | '!=' | 'in') primary)?
 *   primary := string | number | true | false | null | list | reference | '(' or ')'
 *   list    := '[' (primary (',' primary)*)? ']'
 *   reference := platform | lang | steps.<id>.outcome | steps.<id>.result[.<field>]* | answers.<id> | policy.<key>[.<key>]*
 *
 * Precedence (loosest first): or, and, not, comparison. Positions are 0-based offsets into the text.
 *
 * Nesting is bounded (`maxConditionDepth`): parentheses, `not`, lists and and/or chains deeper than
 * that are a located syntax error, never a stack overflow in the parser or evaluator (#11).
 */
import type { DiagnosticArgs } from '../kernel/diagnostics.ts';
import type { LintCode } from './lint-messages.ts';

/** Deepest nesting of parentheses, `not`, lists and and/or operands a condition may have. */
export const maxConditionDepth = 64;
const tooDeep = `This condition is nested more than ${maxConditionDepth} levels deep; split it into simpler conditions or steps.`;

export type Token =
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'op'; value: '==' | '!=' | '(' | ')' | '[' | ']' | ',' | '.'; pos: number }
  | { kind: 'end'; pos: number };

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; pos: number }
  | { kind: 'list'; items: Expr[]; pos: number }
  | { kind: 'ref'; path: string[]; pos: number }
  | { kind: 'not'; operand: Expr; pos: number }
  | { kind: 'binary'; op: 'and' | 'or' | '==' | '!=' | 'in'; left: Expr; right: Expr; pos: number };

/** `code`/`args`: the same sentence in locales/<lang>/lint.json, for `firstline lint --lang` (the engine itself needs only `message`). */
export type ConditionError = { message: string; pos: number; code: LintCode; args: DiagnosticArgs };
export type ParseResult = { ok: true; expr: Expr; refs: Extract<Expr, { kind: 'ref' }>[] } | { ok: false; error: ConditionError };

class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
    readonly code: LintCode,
    readonly args: DiagnosticArgs = {},
  ) {
    super(message);
  }
}

const identStart = /[A-Za-z_]/;
const identPart = /[A-Za-z0-9_-]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === "'" || c === '"') {
      const start = i;
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) throw new ConditionSyntaxError('This text is missing its closing quote.', start, 'cond.unclosedQuote');
      i++;
      tokens.push({ kind: 'str', value, pos: start });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(?:\.[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'num', value: Number(m[0]), pos: i });
      i += m[0].length;
    } else if (identStart.test(c)) {
      const start = i;
      while (i < text.length && identPart.test(text[i] as string)) i++;
      tokens.push({ kind: 'ident', value: text.slice(start, i), pos: start });
    } else if (c === '=' || c === '!') {
      if (text[i + 1] !== '=') throw new ConditionSyntaxError(`Unexpected "${c}"; did you mean "${c}="? (use "not" for negation)`, i, 'cond.singleOperator', { char: c });
      tokens.push({ kind: 'op', value: c === '=' ? '==' : '!=', pos: i });
      i += 2;
    } else if ('()[],.'.includes(c)) {
      tokens.push({ kind: 'op', value: c as '(' | ')' | '[' | ']' | ',' | '.', pos: i });
      i++;
    } else {
      throw new ConditionSyntaxError(`Unexpected character "${c}".`, i, 'cond.unexpectedCharacter', { char: c });
    }
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

const keywords = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);

class Parser {
  private i = 0;
  /** Open parentheses, `not`s and lists around the current token: bounds the parser's recursion. */
  private depth = 0;
  /** Height of each and/or node, so a long chain cannot make the evaluator recurse without bound. */
  private readonly heights = new WeakMap<Expr, number>();
  readonly refs: Extract<Expr, { kind: 'ref' }>[] = [];
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }
  private next(): Token {
    return this.tokens[this.i++] as Token;
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.value === word;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === op;
  }
  private expectOp(op: string, what: string, code: LintCode): void {
    if (!this.isOp(op)) throw new ConditionSyntaxError(`Expected ${what}.`, this.peek().pos, code);
    this.i++;
  }

  /** Runs `inside` one nesting level deeper; past the limit, a located error instead of recursion. */
  private nested<T>(pos: number, inside: () => T): T {
    if (this.depth >= maxConditionDepth) throw new ConditionSyntaxError(tooDeep, pos, 'cond.tooDeep', { max: maxConditionDepth });
    this.depth++;
    try {
      return inside();
    } finally {
      this.depth--;
    }
  }

  private join(op: 'and' | 'or', left: Expr, right: Expr, pos: number): Expr {
    const height = Math.max(this.heights.get(left) ?? 0, this.heights.get(right) ?? 0) + 1;
    if (height + this.depth > maxConditionDepth) throw new ConditionSyntaxError(tooDeep, pos, 'cond.tooDeep', { max: maxConditionDepth });
    const node: Expr = { kind: 'binary', op, left, right, pos };
    this.heights.set(node, height);
    return node;
  }

  parse(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw new ConditionSyntaxError('Expected "and", "or" or the end of the condition here.', t.pos, 'cond.expectedEnd');
    return expr;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      const pos = this.next().pos;
      left = this.join('or', left, this.and(), pos);
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      const pos = this.next().pos;
      left = this.join('and', left, this.not(), pos);
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('not')) {
      const pos = this.next().pos;
      return this.nested(pos, () => {
        const operand = this.not();
        const node: Expr = { kind: 'not', operand, pos };
        this.heights.set(node, (this.heights.get(operand) ?? 0) + 1);
        return node;
      });
    }
    return this.compare();
  }

  private compare(): Expr {
    const left = this.primary();
    const t = this.peek();
    if ((t.kind === 'op' && (t.value === '==' || t.value === '!=')) || (t.kind === 'ident' && t.value === 'in')) {
      this.i++;
      const op = t.value as '==' | '!=' | 'in';
      const right = this.primary();
      const after = this.peek();
      if ((after.kind === 'op' && (after.value === '==' || after.value === '!=')) || (after.kind === 'ident' && after.value === 'in')) {
        throw new ConditionSyntaxError('Comparisons cannot be chained; join them with "and" or "or".', after.pos, 'cond.chained');
      }
      return { kind: 'binary', op, left, right, pos: t.pos };
    }
    return left;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'str':
      case 'num':
        return { kind: 'literal', value: t.value, pos: t.pos };
      case 'end':
        throw new ConditionSyntaxError('The condition ends too early; a value is missing.', t.pos, 'cond.endsEarly');
      case 'op':
        if (t.value === '(') {
          return this.nested(t.pos, () => {
            const inner = this.or();
            this.expectOp(')', 'a closing ")"', 'cond.expectedParen');
            return inner;
          });
        }
        if (t.value === '[') return this.nested(t.pos, () => this.list(t.pos));
        throw new ConditionSyntaxError(`Unexpected "${t.value}"; expected a value.`, t.pos, 'cond.unexpectedToken', { token: t.value });
      case 'ident':
        return this.identifier(t);
    }
  }

  private list(pos: number): Expr {
    const items: Expr[] = [];
    if (!this.isOp(']')) {
      for (;;) {
        const item = this.primary();
        if (item.kind !== 'literal') throw new ConditionSyntaxError('Lists may only hold text, numbers, true, false or null.', item.pos, 'cond.listLiterals');
        items.push(item);
        if (!this.isOp(',')) break;
        this.i++;
      }
    }
    this.expectOp(']', 'a "," or a closing "]"', 'cond.expectedBracket');
    return { kind: 'list', items, pos };
  }

  private identifier(t: Extract<Token, { kind: 'ident' }>): Expr {
    if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true', pos: t.pos };
    if (t.value === 'null') return { kind: 'literal', value: null, pos: t.pos };
    if (keywords.has(t.value)) throw new ConditionSyntaxError(`"${t.value}" needs a value before it.`, t.pos, 'cond.needsValueBefore', { token: t.value });
    const path = [t.value];
    while (this.isOp('.')) {
      this.i++;
      const part = this.next();
      if (part.kind !== 'ident') throw new ConditionSyntaxError('Expected a name after ".".', part.pos, 'cond.nameAfterDot');
      path.push(part.value);
    }
    const ref = { kind: 'ref' as const, path, pos: t.pos };
    checkReferenceShape(ref);
    this.refs.push(ref);
    return ref;
  }
}

function checkReferenceShape(ref: Extract<Expr, { kind: 'ref' }>): void {
  const [root, second, third] = ref.path;
  const bad = (message: string, code: LintCode, args: DiagnosticArgs = {}) => new ConditionSyntaxError(message, ref.pos, code, args);
  switch (root) {
    case 'platform':
    case 'lang':
      if (ref.path.length !== 1) throw bad(`"${root}" has no fields.`, 'cond.noFields', { root });
      return;
    case 'answers':
      if (ref.path.length !== 2) throw bad('Use answers.<step-id>.', 'cond.useAnswers');
      return;
    case 'policy':
      if (ref.path.length < 2) throw bad('Use policy.<key>.', 'cond.usePolicy');
      return;
    case 'steps':
      if (second === undefined || (third !== 'outcome' && third !== 'result') || (third === 'outcome' && ref.path.length !== 3)) {
        throw bad('Use steps.<step-id>.outcome or steps.<step-id>.result.<field>.', 'cond.useSteps');
      }
      return;
    default:
      throw bad(`Unknown name "${ref.path.join('.')}"; use platform, lang, steps.<id>…, answers.<id> or policy.<key>.`, 'cond.unknownName', { name: ref.path.join('.') });
  }
}

export function parseCondition(text: string): ParseResult {
  try {
    const parser = new Parser(tokenize(text));
    const expr = parser.parse();
    return { ok: true, expr, refs: parser.refs };
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return { ok: false, error: { message: error.message, pos: error.pos, code: error.code, args: error.args } };
    throw error;
  }
}

export type ConditionScope = {
  platform: string;
  lang: string;
  steps: Readonly<Record<string, { outcome: string; result?: Record<string, unknown> }>>;
  answers: Readonly<Record<string, unknown>>;
  policy: Readonly<Record<string, unknown>>;
};

/** Reads a dotted path; own properties only, so `__proto__`/`constructor` never resolve. */
export function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function resolveReference(path: readonly string[], scope: ConditionScope): unknown {
  const [root, ...rest] = path;
  if (root === 'platform') return scope.platform;
  if (root === 'lang') return scope.lang;
  if (root === 'answers') return getPath(scope.answers, rest);
  if (root === 'policy') return getPath(scope.policy, rest);
  if (root === 'steps') {
    const [id, field, ...tail] = rest;
    const step = id === undefined ? undefined : (getPath(scope.steps, [id]) as ConditionScope['steps'][string] | undefined);
    if (field === 'outcome') return step?.outcome ?? 'skipped';
    return getPath(step?.result, tail);
  }
  return undefined;
}

function truthy(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || value === '' || value === 0);
}

export function evaluate(expr: Expr, scope: ConditionScope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((item) => evaluate(item, scope));
    case 'ref':
      return resolveReference(expr.path, scope);
    case 'not':
      return !truthy(evaluate(expr.operand, scope));
    case 'binary': {
      if (expr.op === 'and') return truthy(evaluate(expr.left, scope)) && truthy(evaluate(expr.right, scope));
      if (expr.op === 'or') return truthy(evaluate(expr.left, scope)) || truthy(evaluate(expr.right, scope));
      const left = evaluate(expr.left, scope);
      const right = evaluate(expr.right, scope);
      if (expr.op === '==') return (left ?? null) === (right ?? null);
      if (expr.op === '!=') return (left ?? null) !== (right ?? null);
      if (Array.isArray(right)) return right.some((item) => item === (left ?? null));
      if (typeof right === 'string' && typeof left === 'string') return right.includes(left);
      return false;
    }
  }
}

export function evaluateCondition(expr: Expr, scope: ConditionScope): boolean {
  return truthy(evaluate(expr, scope));
}
