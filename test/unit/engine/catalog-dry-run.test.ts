/** Every troubleshooter in the shipped catalog loads and dry-runs without executing a single action. */
import { describe, expect, it } from 'vitest';
import { cliRegistry, defaultCatalogDir } from '../../../cli/registry.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { createRegistry } from '../../../core/engine/registry.ts';
import { run } from '../../../core/engine/runner.ts';
import { collect, finished, testPorts } from './helpers.ts';

describe('shipped catalog', () => {
  it('loads without errors and every troubleshooter dry-runs on each of its platforms with no action executed', async () => {
    const real = cliRegistry();
    const executed: string[] = [];
    const tripwire = createRegistry(real.list().map((def) => ({ ...def, run: async () => (executed.push(def.name), Promise.reject(new Error('executed in a dry run'))) })));
    const catalog = await loadCatalog(defaultCatalogDir, real);
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalog.entries.length).toBeGreaterThan(0);
    for (const { troubleshooter, catalogDir } of catalog.entries) {
      for (const platform of troubleshooter.platforms) {
        const ports = testPorts();
        const events = await collect(run(troubleshooter, ports, { registry: tripwire, catalogDir, platform, dryRun: true }));
        expect(events[0]).toMatchObject({ type: 'run-started', dryRun: true });
        expect(finished(events).outcome).toBe('resolved');
        expect(ports.rec).toEqual({ consents: [], elevations: [], opened: [], asked: [] });
      }
    }
    expect(executed).toEqual([]);
  });
});
