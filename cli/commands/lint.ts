/**
 * `firstline lint <files|dirs...> [--quiet] [--lang en|nl|fr|de]` — validates troubleshooters and knowledge articles; one
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
import { localizedMessage } from '../../core/engine/lint-messages.ts';
import { cliText } from '../messages.ts';
import { parseLang } from './shared.ts';

export async function lintCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { quiet: { type: 'boolean', short: 'q' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (positionals.length === 0) positionals.push(defaultCatalogFolder());
  const lang = parseLang(values.lang);
  if (values.help) {
    io.out("Usage: firstline lint [files|dirs...] [--quiet] [--lang en|nl|fr|de]   (default: this folder's catalog; --quiet hides warnings; --lang words the messages, file:line:col: severity stays)");
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
      if (d.severity === 'error' || !values.quiet) io.out(formatDiagnostic({ ...d, message: localizedMessage(d, lang) }));
    }
  }
  io.err(cliText(lang, 'lint.summary', { files: files.length, errors, warnings }));
  return errors > 0 ? 1 : 0;
}
