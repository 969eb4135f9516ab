/**
 * `firstline lint <files|dirs...> [--quiet]` — validates troubleshooters and knowledge articles; one
 * `file:line:col: severity: message` line per finding. Exit 0 when there are no errors (warnings
 * about missing translations do not fail), 1 when there are.
 */
import { parseArgs } from 'node:util';
import type { CommandIo } from '../command.ts';
import { expandPaths, isTroubleshooterFile } from '../../core/engine/catalog-dir.ts';
import { loadEntryFile } from '../../core/engine/loader.ts';
import { cliRegistry } from '../registry.ts';
import { defaultCatalogFolder } from '../catalog-folder.ts';
import { formatDiagnostic } from '../../core/kernel/diagnostics.ts';

export async function lintCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } },
  });
  if (positionals.length === 0) positionals.push(defaultCatalogFolder());
  if (values.help) {
    io.out("Usage: firstline lint [files|dirs...] [--quiet]   (default: this folder's catalog; --quiet hides warnings)");
    return 0;
  }
  let files: string[];
  try {
    files = await expandPaths(positionals, isTroubleshooterFile);
  } catch (error) {
    io.err(`firstline lint: ${(error as Error).message}`);
    return 2;
  }
  const registry = cliRegistry();
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const result = await loadEntryFile(file, registry);
    for (const d of result.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
      if (d.severity === 'error' || !values.quiet) io.out(formatDiagnostic(d));
    }
  }
  io.err(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).`);
  return errors > 0 ? 1 : 0;
}
