/**
 * Issue 16: the YAML parser's common complaints become words an IT author can act on, at the
 * line where the mistake is, with the parser's sentence kept for searching.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlMapping } from '../../../core/engine/loader.ts';

const first = (text: string) => {
  const result = parseYamlMapping(text, 'x.yaml', 'file.troubleshooterNotMapping');
  expect(result.ok).toBe(false);
  const d = result.diagnostics[0];
  return `${d?.line}:${d?.column} ${d?.message}`;
};

describe('YAML syntax errors in plain words', () => {
  it.each([
    [
      'a key indented one space too little',
      'id: x\nsteps:\n  - id: a\n    title: t\n   kind: check\n',
      /^5:1 YAML syntax: check the indentation of line 5: it does not line up with the list item above it \(parser: "Sequence item without - indicator"\)/,
    ],
    ['two keys on one line', 'id: x\nsteps:\n  - id: a title: b\n', /^3:9 YAML syntax: line 3 has a second "key: value" on the same line: put each key on its own line, or quote a value/],
    ['a tab', 'id: x\nsteps:\n\t- id: a\n', /^3:1 YAML syntax: line 3 is indented with a tab; YAML needs spaces/],
    ['an unclosed quote', 'id: x\ntitle: "unclosed\nsummary: y\n', /^4:1 YAML syntax: a quote opened before line 4 is never closed/],
    ['the same key twice', 'id: x\nid: y\n', /^2:1 YAML syntax: "id" appears twice in the same block \(line 2\); keep one/],
    ['keys of one block at different columns', 'id: x\nsteps:\n  - id: a\n  title: t\n', /^4:1 YAML syntax: check the indentation of line 4: keys of one block start at the same column/],
    ['a key without its colon', 'id: x\nsteps\n  - id: a\n', /^2:1 YAML syntax: line 2 looks like a key without its colon \("steps" → "steps:"\)/],
    ['a second document', 'id: x\n---\nb: 1\n', /^2:1 YAML syntax: a second document starts at line 2 \("---"\): a catalog file holds one document/],
    ['a value starting with @', 'id: x\ntitle: @home\n', /^2:8 YAML syntax: the value on line 2 starts with a character YAML reserves \(@ or `\): put the value in quotes/],
    ['an unclosed [ list', 'id: x\nplatforms: [linux, win32\nsummary: y\n', /^3:1 YAML syntax: a list in \[ \] is not closed before line 3: add the \]/],
  ])('%s', (_name, text, expected) => {
    expect(first(text)).toMatch(expected);
  });

  it('keeps the parser sentence for what it does not recognise', () => {
    expect(first('id: x\n]\n')).toMatch(/^2:1 YAML syntax: Unexpected flow-seq-end token/);
  });
});
