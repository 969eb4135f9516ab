import { describe, expect, it, vi } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { appActionRegistry } from '../../../core/app-action-registry.ts';
import { defineAction, type ActionDefinition } from '../../../core/engine/action.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { composeRegistries, createLazyRegistry, createRegistry, type LazyActionModule } from '../../../core/engine/registry.ts';
import { run } from '../../../core/engine/runner.ts';
import { fixActions } from '../../../core/fixes/index.ts';
import { fixModules } from '../../../core/fixes/modules.ts';
import { collect, fakeMachine, finished, testPorts } from './helpers.ts';

const action = (name: string, changesMachine = false): ActionDefinition =>
  defineAction({
    name,
    input: () => fakeMachine().probe.input,
    result: () => fakeMachine().probe.result,
    platforms: ['linux'],
    changesMachine,
    run: () => Promise.resolve({ ok: true, on: true }),
  }) as unknown as ActionDefinition;

/** A lazy module whose import is counted, like a fix's actions module. */
function countedModule(names: string[], defs: () => ActionDefinition[] = () => names.map((n) => action(n))) {
  const load = vi.fn(() => Promise.resolve(defs()));
  const module: LazyActionModule = { names, load };
  return { module, load };
}

describe('the fixes loaded on first use (cold start, issue #17)', () => {
  it('each entry of the table names exactly the actions its module defines', async () => {
    for (const entry of fixModules) {
      const defs = await entry.load();
      expect(defs.map((d) => d.name).sort(), entry.names.join(',')).toEqual([...entry.names].sort());
    }
  });

  it('the table covers every fix action once, so the app offers the same actions as the CLI', () => {
    const tableNames = fixModules.flatMap((m) => m.names);
    expect(new Set(tableNames).size).toBe(tableNames.length);
    expect([...tableNames].sort()).toEqual(fixActions.map((a) => a.name).sort());
    expect(appActionRegistry().names()).toEqual(fullActionRegistry().names());
  });

  it('knows every name before anything is loaded, and loads only the modules asked for', async () => {
    const net = countedModule(['net.a', 'net.b']);
    const printer = countedModule(['printer.a']);
    const registry = createLazyRegistry([net.module, printer.module]);
    expect(registry.names()).toEqual(['net.a', 'net.b', 'printer.a']);
    expect(registry.has('printer.a')).toBe(true);
    expect(registry.has('nope')).toBe(false);
    expect(registry.get('nope')).toBeUndefined();
    expect(net.load).not.toHaveBeenCalled();

    await Promise.all([registry.load(['net.b', 'unknown.action']), registry.load(['net.a'])]);
    expect(net.load).toHaveBeenCalledTimes(1);
    expect(printer.load).not.toHaveBeenCalled();
    expect(registry.get('net.a')?.name).toBe('net.a');
    await registry.load();
    expect(printer.load).toHaveBeenCalledTimes(1);
    expect(registry.list().map((d) => d.name)).toEqual(['net.a', 'net.b', 'printer.a']);
  });

  it('refuses to answer for an action whose module is not loaded yet, rather than call it unknown', () => {
    const registry = createLazyRegistry([countedModule(['net.a']).module]);
    expect(() => registry.get('net.a')).toThrow(/net\.a.*before its module was loaded/);
    expect(() => registry.list()).toThrow(/before its module was loaded/);
  });

  it('rejects a module that defines other actions than it declares, and retries a failed import', async () => {
    const liar = createLazyRegistry([countedModule(['net.a'], () => [action('net.other')]).module]);
    await expect(liar.load()).rejects.toThrow(/declared net\.a but defines net\.other/);

    let attempts = 0;
    const flaky: LazyActionModule = { names: ['net.a'], load: () => (++attempts === 1 ? Promise.reject(new Error('file locked')) : Promise.resolve([action('net.a')])) };
    const registry = createLazyRegistry([flaky]);
    await expect(registry.load()).rejects.toThrow('file locked');
    await registry.load();
    expect(registry.get('net.a')?.name).toBe('net.a');
  });

  it('composes with eager registries and still refuses a name registered twice', async () => {
    const lazy = countedModule(['net.a']);
    const registry = composeRegistries(createRegistry([action('script')]), createLazyRegistry([lazy.module]));
    expect(registry.names()).toEqual(['net.a', 'script']);
    expect(registry.get('script')?.name).toBe('script');
    await registry.load(['script']);
    expect(lazy.load).not.toHaveBeenCalled();
    await registry.load(['net.a']);
    expect(registry.get('net.a')?.name).toBe('net.a');
    expect(() => composeRegistries(createRegistry([action('net.a')]), createLazyRegistry([countedModule(['net.a']).module]))).toThrow(/registered twice/);
  });

  it('the runner loads the actions a troubleshooter names before it runs them', async () => {
    const m = fakeMachine();
    const eager = createRegistry([m.probe, m.repair]);
    const yaml = [
      'id: t',
      'version: "1.0.0"',
      'title: { en: T }',
      'summary: { en: S }',
      'platforms: [linux]',
      'category: test',
      'steps:',
      '  - id: switch',
      '    type: check',
      '    title: { en: Switch }',
      '    action: test.probe',
      '    expect: [{ field: on, equals: true }]',
      '    fix: [{ action: test.repair }]',
    ].join('\n');
    const parsed = loadTroubleshooterText(yaml, 'inline.yaml', eager);
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    const probe = countedModule(['test.probe'], () => [m.probe as unknown as ActionDefinition]);
    const repair = countedModule(['test.repair'], () => [m.repair as unknown as ActionDefinition]);
    const unused = countedModule(['test.unused']);
    const registry = createLazyRegistry([probe.module, repair.module, unused.module]);
    const events = await collect(run(parsed.troubleshooter, testPorts(), { registry, catalogDir: '.', platform: 'linux' }));
    expect(finished(events).outcome).toBe('resolved');
    expect(probe.load).toHaveBeenCalledTimes(1);
    expect(repair.load).toHaveBeenCalledTimes(1);
    expect(unused.load).not.toHaveBeenCalled();
  });
});
