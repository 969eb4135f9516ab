/**
 * The action registry: the closed set of actions a troubleshooter may name. The engine ships a
 * few generic built-ins (builtin-actions.ts); the guided fixes register their own definitions
 * (core/fixes) and the composition root combines them with `composeRegistries`.
 *
 * A registry knows every action's name from the start, but may load the modules that define them
 * only when they are needed (`createLazyRegistry`): the app's start path then never loads the
 * twelve fixes' code (issue #17, `npm run bench -- start`). Whoever needs definitions first
 * awaits `load` — the runner for the actions of the troubleshooter it runs, the loader before it
 * checks a file against the actions' input schemas. `get` on an action whose module is not loaded
 * yet is a wiring bug and throws, rather than answering "unknown action".
 */
import type { ActionDefinition } from './action.ts';

export type ActionRegistry = {
  /** The definition; throws when the action exists but its module was not loaded (see `load`). */
  get(name: string): ActionDefinition | undefined;
  has(name: string): boolean;
  names(): string[];
  /** Every definition; throws unless everything is loaded. */
  list(): ActionDefinition[];
  /** Loads the modules defining `names` (every action when omitted). Unknown names are ignored. */
  load(names?: readonly string[]): Promise<void>;
};

// Definitions are stored with their concrete zod types erased: the registry hands them to the
// runner, which validates input and result with the definition's own schemas.
type AnyAction = ActionDefinition<never, never> | ActionDefinition;

/** A module of actions loaded on first use: the names it defines, and how to load it. */
export type LazyActionModule = { names: readonly string[]; load(): Promise<readonly AnyAction[]> };

function checkUnique(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Action "${name}" is registered twice.`);
    seen.add(name);
  }
}

export function createRegistry(defs: readonly AnyAction[]): ActionRegistry {
  checkUnique(defs.map((d) => d.name));
  const byName = new Map<string, ActionDefinition>(defs.map((def) => [def.name, def as ActionDefinition]));
  return {
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    names: () => [...byName.keys()].sort(),
    list: () => [...byName.values()],
    load: () => Promise.resolve(),
  };
}

/**
 * A registry whose definitions come from `modules`, each imported the first time one of its
 * actions is loaded. A module must define exactly the names it declares (checked when it loads,
 * and for the shipped fixes by test/unit/engine/lazy-registry.test.ts).
 */
export function createLazyRegistry(modules: readonly LazyActionModule[]): ActionRegistry {
  checkUnique(modules.flatMap((m) => m.names));
  const moduleOf = new Map<string, LazyActionModule>();
  for (const m of modules) for (const name of m.names) moduleOf.set(name, m);
  const loaded = new Map<string, ActionDefinition>();
  const pending = new Map<LazyActionModule, Promise<void>>();
  const loadModule = (m: LazyActionModule): Promise<void> => {
    let p = pending.get(m);
    if (!p) {
      p = m.load().then((defs) => {
        const got = defs.map((d) => d.name).sort();
        const want = [...m.names].sort();
        if (got.join(',') !== want.join(',')) throw new Error(`An action module declared ${want.join(', ')} but defines ${got.join(', ')}.`);
        for (const def of defs) loaded.set(def.name, def as ActionDefinition);
      });
      // A failed import may be retried (a file locked by an updater, say); a success is kept.
      p.catch(() => pending.delete(m));
      pending.set(m, p);
    }
    return p;
  };
  const get = (name: string): ActionDefinition | undefined => {
    const def = loaded.get(name);
    if (def || !moduleOf.has(name)) return def;
    throw new Error(`Action "${name}" was used before its module was loaded (await registry.load first).`);
  };
  return {
    get,
    has: (name) => moduleOf.has(name),
    names: () => [...moduleOf.keys()].sort(),
    list: () => [...moduleOf.keys()].map((name) => get(name)!),
    async load(names) {
      const wanted = names ? names.flatMap((n) => moduleOf.get(n) ?? []) : modules;
      await Promise.all([...new Set(wanted)].map(loadModule));
    },
  };
}

/** Later registries may not silently shadow earlier ones: a duplicate name is a wiring bug. */
export function composeRegistries(...registries: readonly ActionRegistry[]): ActionRegistry {
  checkUnique(registries.flatMap((r) => r.names()));
  const owner = (name: string) => registries.find((r) => r.has(name));
  return {
    get: (name) => owner(name)?.get(name),
    has: (name) => owner(name) !== undefined,
    names: () => registries.flatMap((r) => r.names()).sort(),
    list: () => registries.flatMap((r) => r.list()),
    async load(names) {
      await Promise.all(registries.map((r) => r.load(names)));
    },
  };
}
