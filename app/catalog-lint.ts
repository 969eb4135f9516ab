/**
 * Lints a new copy of an organisation catalog before the app swaps it in (core/catalog/sync.ts
 * `lint`): the rule `firstline catalog sign` applies, applied again on every machine with the app's
 * own action registry, so a signed catalog with an error (signed by hand, or written for a newer app)
 * is refused and the last good copy stays in use.
 */
import path from 'node:path';
import { loadCatalog } from '../core/engine/catalog-dir.ts';
import type { ActionRegistry } from '../core/engine/registry.ts';
import { formatDiagnostic } from '../core/kernel/diagnostics.ts';

const shown = 3;

export function catalogLinter(registry: ActionRegistry): (dir: string) => Promise<string | undefined> {
  return async (dir) => {
    const { diagnostics } = await loadCatalog(dir, registry);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return undefined;
    const first = errors.slice(0, shown).map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) || d.file }));
    return `${errors.length} lint error(s), as "firstline lint" reports them: ${first.join('; ')}${errors.length > shown ? '; …' : ''}`;
  };
}
