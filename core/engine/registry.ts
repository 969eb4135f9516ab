/**
 * The action registry: the closed set of actions a troubleshooter may name. The engine ships a
 * few generic built-ins (builtin-actions.ts); the guided fixes register their own definitions
 * (core/fixes) and the composition root combines them with `composeRegistries`.
 */
import type { ActionDefinition } from './action.ts';

export type ActionRegistry = {
  get(name: string): ActionDefinition | undefined;
  has(name: string): boolean;
  names(): string[];
  list(): ActionDefinition[];
};

// Definitions are stored with their concrete zod types erased: the registry hands them to the
// runner, which validates input and result with the definition's own schemas.
type AnyAction = ActionDefinition<never, never> | ActionDefinition;

export function createRegistry(defs: readonly AnyAction[]): ActionRegistry {
  const byName = new Map<string, ActionDefinition>();
  for (const def of defs) {
    if (byName.has(def.name)) throw new Error(`Action "${def.name}" is registered twice.`);
    byName.set(def.name, def as ActionDefinition);
  }
  return {
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    names: () => [...byName.keys()].sort(),
    list: () => [...byName.values()],
  };
}

/** Later registries may not silently shadow earlier ones: a duplicate name is a wiring bug. */
export function composeRegistries(...registries: readonly ActionRegistry[]): ActionRegistry {
  return createRegistry(registries.flatMap((r) => r.list()));
}
