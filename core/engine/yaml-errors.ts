/**
 * The YAML parser's most common complaints in the words an IT author can act on ("check the
 * indentation of line 5"), with the parser's own sentence kept in brackets for searching. Anything
 * not recognised keeps the parser's sentence. English, like every other lint message.
 */

/** One syntax error as the `yaml` package reports it: its code, first message line and 1-based line. */
export type YamlSyntaxError = { code: string; message: string; line: number };

export function plainYamlError(error: YamlSyntaxError, sourceLine: string): string {
  const n = error.line;
  const said = `(parser: "${error.message}")`;
  const key = /^\s*-?\s*([^\s:#][^:#]*?)\s*:/.exec(sourceLine)?.[1];
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return `line ${n} is indented with a tab; YAML needs spaces ${said}.`;
    case 'BAD_INDENT':
      if (/flow (sequence|collection)|end with a \]/i.test(error.message)) return `a list in [ ] is not closed before line ${n}: add the ] on the line above ${said}.`;
      if (/flow map|end with a \}/i.test(error.message)) return `a mapping in { } is not closed before line ${n}: add the } on the line above ${said}.`;
      return `check the indentation of line ${n}: keys of one block start at the same column, with spaces ${said}.`;
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) return `a quote opened before line ${n} is never closed: check the quotes on the lines above ${said}.`;
      if (/sequence item/i.test(error.message)) return `check the indentation of line ${n}: it does not line up with the list item above it ${said}.`;
      return `check line ${n}: a character is missing ${said}.`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `line ${n} has a second "key: value" on the same line: put each key on its own line, or quote a value that contains ": " ${said}.`;
    case 'MULTILINE_IMPLICIT_KEY':
      return `line ${n} looks like a key without its colon${key === undefined && sourceLine.trim() ? ` ("${sourceLine.trim()}" → "${sourceLine.trim()}:")` : ''}, or the indentation of the next line is off ${said}.`;
    case 'DUPLICATE_KEY':
      return `${key ? `"${key}"` : 'a key'} appears twice in the same block (line ${n}); keep one ${said}.`;
    case 'MULTIPLE_DOCS':
      return `a second document starts at line ${n} ("---"): a catalog file holds one document; remove the line or split the file ${said}.`;
    case 'BAD_SCALAR_START':
      return `the value on line ${n} starts with a character YAML reserves (@ or \`): put the value in quotes ${said}.`;
    default:
      return error.message;
  }
}
