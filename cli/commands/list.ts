/** `firstline list [dir | --catalog dir] [--json] [--lang xx]` — the troubleshooters of a catalog (default: this folder's). */
import { parseArgs } from 'node:util';
import type { CommandIo } from '../command.ts';
import { loadCatalog } from '../../core/engine/catalog-dir.ts';
import { text } from '../../core/engine/messages.ts';
import { cliRegistry } from '../registry.ts';
import { defaultCatalogFolder } from '../catalog-folder.ts';
import { parseLang } from './shared.ts';

export async function listCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, catalog: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out("Usage: firstline list [<dir> | --catalog <dir>] [--json] [--lang en|nl|fr|de]   (default: this folder's catalog)");
    return 0;
  }
  const lang = parseLang(values.lang);
  if (positionals.length > 1 || (positionals.length === 1 && values.catalog)) throw new Error('give one catalog folder');
  const catalog = await loadCatalog(positionals[0] ?? values.catalog ?? defaultCatalogFolder(), cliRegistry());
  for (const d of catalog.diagnostics.filter((x) => x.severity === 'error')) io.err(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  const rows = catalog.entries.map(({ troubleshooter: t, file }) => ({
    id: t.id,
    version: t.version,
    title: text(t.title, lang),
    summary: text(t.summary, lang),
    category: t.category,
    platforms: t.platforms,
    steps: t.steps.length,
    file,
  }));
  if (values.json) io.out(JSON.stringify(rows, null, 2));
  else for (const r of rows) io.out(`${r.id.padEnd(22)} ${r.version.padEnd(8)} ${r.title}  [${r.platforms.join(', ')}]`);
  return catalog.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
