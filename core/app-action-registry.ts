/**
 * The app's action registry: the same actions as `fullActionRegistry()` (core/action-registry.ts),
 * but the guided fixes' modules are imported on first use (core/fixes/modules.ts), so the start
 * path loads none of their code (issue #17, `npm run bench -- start`). The runner and the loader
 * await `registry.load` before they use a definition.
 */
import { builtinRegistry } from './engine/builtin-actions.ts';
import { composeRegistries, createLazyRegistry, type ActionRegistry } from './engine/registry.ts';
import { fixModules } from './fixes/modules.ts';

export function appActionRegistry(): ActionRegistry {
  return composeRegistries(builtinRegistry(), createLazyRegistry(fixModules));
}
