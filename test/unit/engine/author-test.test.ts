import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAuthorTestFile } from '../../../core/engine/author-test.ts';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';

const fixtures = path.resolve('test/fixtures/engine');
const registry = builtinRegistry();

describe('author tests', () => {
  it('passes cases whose simulated results lead to the expected path and outcome', async () => {
    const report = await runAuthorTestFile(path.join(fixtures, 'catalog/flag.test.yaml'), registry);
    expect(report.diagnostics).toEqual([]);
    expect(report.results.map((r) => [r.name, r.pass, r.failures])).toEqual([
      ['a missing flag is set and verified', true, []],
      ['a flag that is already set needs nothing', true, []],
    ]);
  });

  it('fails cases with a reason per wrong expectation and points at missing simulations', async () => {
    const report = await runAuthorTestFile(path.join(fixtures, 'author-tests/failing.test.yaml'), registry);
    expect(report.results.map((r) => r.pass)).toEqual([false, false]);
    expect(report.results[0]?.failures).toEqual([
      'expected outcome resolved, got not-resolved ("Flag set?" did not solve the problem.)',
      'expected path (none), got label → flag',
      'expected step flag to be fixed, got failed',
    ]);
    expect(report.results[1]?.failures.join('\n')).toContain('No simulated result for step "flag" (check); add results.flag.check to the test case.');
  });

  it('reports step names the troubleshooter does not have, located in the test file', async () => {
    const file = path.join(fixtures, 'author-tests/typos.test.yaml');
    const report = await runAuthorTestFile(file, registry);
    expect(report.diagnostics.map((d) => [`${d.line}:${d.column}`, d.message])).toEqual([
      ['4:16', 'answers.lable: flag has no ask step "lable".'],
      ['6:7', 'results.flg: flag has no check step "flg".'],
      ['10:21', 'expect.path: flag has no step "flagg".'],
    ]);
    expect(report.results.every((r) => !r.pass)).toBe(true);
  });

  it('runs the example catalog author tests green', async () => {
    const report = await runAuthorTestFile(path.resolve('troubleshooters/examples/disk-space.test.yaml'), registry);
    expect(report.diagnostics).toEqual([]);
    expect(report.results.filter((r) => !r.pass)).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(6);
  });
});
