/**
 * The rooms and their order (CONTRIBUTING.md "Rooms"): an import may point to the same room or a
 * lower one, never up; and no file in core/ takes part in an import cycle. Reads every import —
 * static, type-only and dynamic `import()` — from the source, so a new file is checked the moment
 * it exists; a file in a room the table does not know fails too (place it first).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/** Lower number = lower room. Same number: may import each other (but files still must not cycle). */
const rank: Record<string, number> = {
  'core/kernel': 0,
  'core/engine': 1,
  'core/store': 1,
  'core/security': 1,
  'core/util': 1,
  'core/redact.ts': 1,
  'core/log.ts': 1,
  'core/fixes': 2,
  'core/tickets': 2,
  'core/catalog': 2,
  'core/policy': 2,
  'core/outage': 2,
  'core/report': 2,
  'core/telemetry': 2,
  'core/shell': 2,
  'core/secrets': 2,
  'core/action-registry.ts': 2,
  'core/app-action-registry.ts': 2,
  /** OS adapters over the engine's ports (Node exec, elevation, the broker client). */
  'core/platform': 2,
  /** The elevation broker: its own entry; its protocol and op argv are shared with core/platform's client. */
  broker: 2,
  contract: 3,
  app: 4,
  main: 5,
  host: 5,
  cli: 5,
};

/** Rooms outside the ladder: data, and code with its own lint-enforced rules (renderer, preload). */
const outside = new Set(['locales', 'renderer', 'preload']);

const importPattern = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function roomOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'core' ? `core/${parts[1]}` : (parts[0] as string);
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(importPattern)) {
    const spec = (m[1] ?? m[2]) as string;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  }
  return out;
}

const files = ['core', 'broker', 'contract', 'app', 'main', 'host', 'cli'].flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(nodes: readonly string[], edges: (n: string) => readonly string[]): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (n: string): void => {
    order.set(n, index);
    low.set(n, index++);
    stack.push(n);
    onStack.add(n);
    for (const m of edges(n)) {
      if (!order.has(m)) {
        visit(m);
        low.set(n, Math.min(low.get(n)!, low.get(m)!));
      } else if (onStack.has(m)) low.set(n, Math.min(low.get(n)!, order.get(m)!));
    }
    if (low.get(n) === order.get(n)) {
      const component: string[] = [];
      let m: string;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        component.push(m);
      } while (m !== n);
      if (component.length > 1 || edges(n).includes(n)) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!order.has(n)) visit(n);
  return found;
}

function upwardImports(imports: ReadonlyMap<string, readonly string[]>): string[] {
  const upward: string[] = [];
  for (const [file, targets] of imports) {
    const from = rank[roomOf(file)]!;
    for (const target of targets) {
      const room = roomOf(target);
      if (outside.has(room)) continue;
      const to = rank[room];
      if (to === undefined || to > from) upward.push(`${file} -> ${target}`);
    }
  }
  return upward;
}

describe('rooms and import direction', () => {
  it('reads a real tree (guards against a pattern that matches nothing)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('core/engine/loader.ts')).toContain('core/engine/semantics.ts');
  });

  it('places every file in a known room', () => {
    const unknown = files.filter((f) => rank[roomOf(f)] === undefined);
    expect(unknown, 'add the new room to `rank` here and to CONTRIBUTING.md').toEqual([]);
  });

  it('never imports from a higher room', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle among core/ files (static, type-only or dynamic)', () => {
    const core = files.filter((f) => f.startsWith('core/'));
    const known = new Set(core);
    expect(cycles(core, (n) => (graph.get(n) ?? []).filter((m) => known.has(m)))).toEqual([]);
  });

  it('detects a cycle and an upward import when one exists (the checks bite)', () => {
    expect(cycles(['a', 'b', 'c'], (n) => ({ a: ['b'], b: ['c'], c: ['a'] })[n] ?? [])).toEqual([['a', 'b', 'c']]);
    expect(cycles(['a', 'b'], (n) => ({ a: ['b'], b: [] as string[] })[n] ?? [])).toEqual([]);
    expect(upwardImports(new Map([['core/kernel/lang.ts', ['core/engine/ports.ts']]]))).toEqual(['core/kernel/lang.ts -> core/engine/ports.ts']);
    expect(upwardImports(new Map([['core/store/store.ts', ['core/kernel/clock.ts', 'core/engine/ports.ts']]]))).toEqual([]);
    expect(upwardImports(new Map([['core/engine/x.ts', ['app/compose.ts']]]))).toEqual(['core/engine/x.ts -> app/compose.ts']);
  });
});
