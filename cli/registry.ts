/**
 * What the CLI runs against: the action registry (engine built-ins plus the guided fixes' actions)
 * and the default catalog directory. The app's composition root does the same wiring.
 */
import { fileURLToPath } from 'node:url';
import { builtinRegistry } from '../core/engine/builtin-actions.ts';
import { composeRegistries, type ActionRegistry } from '../core/engine/registry.ts';
import { fixesRegistry } from '../core/fixes/index.ts';

/** The built-in catalog shipped in the repository. */
export const defaultCatalogDir = fileURLToPath(new URL('../troubleshooters/', import.meta.url));

export function cliRegistry(): ActionRegistry {
  return composeRegistries(builtinRegistry(), fixesRegistry());
}
