/**
 * What the CLI runs against: the action registry (engine built-ins plus the guided fixes' actions)
 * and the default catalog directory. The app's composition root does the same wiring.
 */
import { fileURLToPath } from 'node:url';
import { builtinRegistry } from '../core/engine/builtin-actions.ts';
import type { ActionRegistry } from '../core/engine/registry.ts';

/** The built-in catalog shipped in the repository. */
export const defaultCatalogDir = fileURLToPath(new URL('../troubleshooters/', import.meta.url));

export function cliRegistry(): ActionRegistry {
  // The guided fixes (core/fixes) add their actions here with composeRegistries(builtinRegistry(), fixesRegistry()).
  return builtinRegistry();
}
