/**
 * The full action registry: the engine's generic built-ins plus the guided fixes' actions. The
 * app, the browser host, the CLI and the benchmarks all run troubleshooters against exactly
 * this set.
 */
import { builtinRegistry } from './engine/builtin-actions.ts';
import { composeRegistries, type ActionRegistry } from './engine/registry.ts';
import { fixesRegistry } from './fixes/index.ts';

export function fullActionRegistry(): ActionRegistry {
  return composeRegistries(builtinRegistry(), fixesRegistry());
}
