/**
 * The YAML parser's most common complaints in the words an IT author can act on ("check the
 * indentation of line 5"), with the parser's own sentence kept in brackets for searching. Anything
 * not recognised keeps the parser's sentence.
 */
import type { DiagnosticArgs } from '../kernel/diagnostics.ts';
import { coded, type LintCode } from './lint-messages.ts';

/** One syntax error as the `yaml` package reports it: its code, first message line and 1-based line. */
export type YamlSyntaxError = { code: string; message: string; line: number };

/**
 * The plain sentence for a parser error: coded (worded in en/nl/fr/de from locales/<lang>/lint.json,
 * `message` is the English one, starting "YAML syntax: "); one that is not among the common ones
 * keeps the parser's own sentence after a translated "YAML syntax".
 */
export function plainYamlError(error: YamlSyntaxError, sourceLine: string): { message: string; code: LintCode; args: DiagnosticArgs } {
  const line = error.line;
  const parser = error.message;
  const key = /^\s*-?\s*([^\s:#][^:#]*?)\s*:/.exec(sourceLine)?.[1];
  const is = (code: LintCode, more: DiagnosticArgs = {}) => coded(code, { line, parser, ...more });
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return is('yaml.tab');
    case 'BAD_INDENT':
      if (/flow (sequence|collection)|end with a \]/i.test(parser)) return is('yaml.listNotClosed');
      if (/flow map|end with a \}/i.test(parser)) return is('yaml.mapNotClosed', { braces: '{ }', close: '}' });
      return is('yaml.indentation');
    case 'MISSING_CHAR':
      if (/quote/i.test(parser)) return is('yaml.quoteNotClosed');
      if (/sequence item/i.test(parser)) return is('yaml.itemIndentation');
      return is('yaml.missingCharacter');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return is('yaml.twoKeysOnOneLine');
    case 'MULTILINE_IMPLICIT_KEY': {
      const trimmed = sourceLine.trim();
      return is('yaml.keyWithoutColon', { fix: key === undefined && trimmed ? ` ("${trimmed}" → "${trimmed}:")` : '' });
    }
    case 'DUPLICATE_KEY':
      return key ? is('yaml.duplicateKey', { key }) : is('yaml.duplicateKeyUnnamed');
    case 'MULTIPLE_DOCS':
      return is('yaml.secondDocument');
    case 'BAD_SCALAR_START':
      return is('yaml.reservedFirstCharacter');
    case 'BAD_DQ_ESCAPE':
      return is('yaml.badEscape');
    default:
      return is('yaml.other');
  }
}
