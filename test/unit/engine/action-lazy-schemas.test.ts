import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { defineAction } from '../../../core/engine/action.ts';
import { createRegistry } from '../../../core/engine/registry.ts';

describe('action schemas built on first use (cold start, issue #17)', () => {
  it('builds an input/result given as a function only when read, and only once', () => {
    const input = vi.fn(() => z.object({ name: z.string() }).strict());
    const result = vi.fn(() => z.object({ ok: z.boolean() }));
    const action = defineAction({ name: 'test.lazy', input, result, platforms: ['linux'], changesMachine: false, run: () => Promise.resolve({ ok: true }) });
    const registry = createRegistry([action]);
    expect(registry.names()).toEqual(['test.lazy']);
    expect(registry.get('test.lazy')?.changesMachine).toBe(false);
    expect(input).not.toHaveBeenCalled();
    expect(result).not.toHaveBeenCalled();

    const def = registry.get('test.lazy')!;
    expect(def.input.safeParse({ name: 'a' }).success).toBe(true);
    expect(def.input.safeParse({ name: 'a', extra: 1 }).success).toBe(false);
    expect(def.input).toBe(def.input);
    expect(def.result.parse({ ok: true })).toEqual({ ok: true });
    expect(input).toHaveBeenCalledTimes(1);
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('keeps a schema given directly as it is', () => {
    const input = z.object({}).strict();
    const action = defineAction({ name: 'test.eager', input, result: z.object({ ok: z.boolean() }), platforms: ['linux'], changesMachine: true, run: () => Promise.resolve({ ok: true }) });
    expect(action.input).toBe(input);
    expect(Object.keys(action)).toEqual(expect.arrayContaining(['name', 'input', 'result', 'platforms', 'changesMachine', 'run']));
  });

  it('gives every registered action a zod input and result when they are read', () => {
    for (const def of fullActionRegistry().list()) {
      expect(def.input, def.name).toBeInstanceOf(z.ZodType);
      expect(def.result, def.name).toBeInstanceOf(z.ZodType);
    }
  });
});
