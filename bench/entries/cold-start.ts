/**
 * Child-process entry of the cold-start benchmark: policy, the action registry, a catalog and the
 * history store — what the core needs before it can show the first screen. Prints one JSON line.
 * argv: <catalogDir> <dataDir> [cacheFile]; the policy file comes from FIRSTLINE_POLICY_FILE. With a
 * cache file the catalog is loaded the way the app does after its first start (catalog-cache.ts).
 */
import { appActionRegistry } from '../../core/app-action-registry.ts';
import { createTroubleshooterCache } from '../../core/engine/catalog-cache.ts';
import { loadCatalog } from '../../core/engine/catalog-dir.ts';
import { createNodeExec } from '../../core/platform/node-exec.ts';
import { loadPolicy } from '../../core/policy/load.ts';
import { createRunHistory } from '../../app/history.ts';

// performance.now() counts from process start, so `imported` includes Node's own boot.
const imported = performance.now();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const importedCpu = cpuMs();
const [catalogDir, dataDir, cacheFile] = process.argv.slice(2);
if (!catalogDir || !dataDir) throw new Error('usage: cold-start <catalogDir> <dataDir>');
const policy = await loadPolicy({ platform: process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux', exec: createNodeExec(), env: process.env });
const policyDone = performance.now();
const policyCpu = cpuMs();
const registry = appActionRegistry();
const cache = cacheFile ? createTroubleshooterCache(cacheFile, { appVersion: 'bench', registry }) : undefined;
const catalog = await loadCatalog(catalogDir, registry, cache ? { loadFile: cache.loadFile } : {});
await cache?.save();
const catalogDone = performance.now();
const catalogCpu = cpuMs();
const history = await createRunHistory({ dataDir });
const storeDone = performance.now();
const phases = { imported, policy: policyDone - imported, catalog: catalogDone - policyDone, store: storeDone - catalogDone };
// CPU time per phase: far less sensitive than wall time to other processes on a loaded machine.
const phasesCpu = { imported: importedCpu, policy: policyCpu - importedCpu, catalog: catalogCpu - policyCpu, store: cpuMs() - catalogCpu };
process.stdout.write(
  `${JSON.stringify({ troubleshooters: catalog.entries.length, unread: cache?.unread ?? 0, diagnostics: catalog.diagnostics.length, policyIssues: policy.issues.length, history: history.list().length, phases, phasesCpu, cpu: process.cpuUsage() })}\n`,
);
