/** `firstline test <files|dirs...>` — runs author tests (*.test.yaml); PASS/FAIL per case, exit 1 on any failure. */
import { parseArgs } from 'node:util';
import type { CommandIo } from '../command.ts';
import { countOf } from './shared.ts';
import { runAuthorTestFile } from '../../core/engine/author-test.ts';
import { expandPaths, isAuthorTestFile } from '../../core/engine/catalog-dir.ts';
import { cliRegistry } from '../registry.ts';
import { defaultCatalogFolder } from '../catalog-folder.ts';
import { formatDiagnostic } from '../../core/kernel/diagnostics.ts';

export async function testCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (positionals.length === 0) positionals.push(defaultCatalogFolder());
  if (values.help) {
    io.out("Usage: firstline test [files|dirs...]   (runs every *.test.yaml found; default: this folder's catalog)");
    return 0;
  }
  const files = await expandPaths(positionals, isAuthorTestFile);
  const registry = cliRegistry();
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const report = await runAuthorTestFile(file, registry);
    for (const d of report.diagnostics) io.out(formatDiagnostic(d));
    if (report.results.length === 0) failed++;
    for (const r of report.results) {
      io.out(`${r.pass ? 'PASS' : 'FAIL'} ${file} › ${r.name}`);
      for (const f of r.failures) io.out(`    ${f}`);
      if (r.pass) passed++;
      else failed++;
    }
  }
  io.err(`${countOf(files.length, 'test file')}: ${passed} passed, ${failed} failed.`);
  return failed > 0 || files.length === 0 ? 1 : 0;
}
