/**
 * What the CLI runs against: the same action registry as the app (core/action-registry.ts) and the
 * built-in catalog directory.
 */
import { fileURLToPath } from 'node:url';
import { fullActionRegistry } from '../core/action-registry.ts';
import type { ActionRegistry } from '../core/engine/registry.ts';

/** The built-in catalog shipped in the repository. */
export const defaultCatalogDir = fileURLToPath(new URL('../troubleshooters/', import.meta.url));

export function cliRegistry(): ActionRegistry {
  return fullActionRegistry();
}
