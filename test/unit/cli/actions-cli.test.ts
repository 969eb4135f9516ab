/** `firstline actions`: every registered action with its inputs, result fields, platforms, consent and broker — the same data as docs/actions.md. */
import { describe, expect, it } from 'vitest';
import { actionsCommand } from '../../../cli/commands/actions.ts';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import type { ActionReference } from '../../../core/engine/action-reference.ts';
import { captureIo, cli } from './helpers.ts';

describe('firstline actions', () => {
  it('--json lists every registered action with result fields an author can use in expect:', async () => {
    const result = await cli(['actions', '--json']);
    expect(result.code).toBe(0);
    const refs = JSON.parse(result.stdout) as ActionReference[];
    expect(refs.map((r) => r.name).sort()).toEqual(fullActionRegistry().names().sort());
    const expiry = refs.find((r) => r.name === 'password.expiry') as ActionReference;
    expect(expiry.resultFields).toContainEqual({ path: 'daysLeft', type: 'integer | null', required: true });
    expect(expiry.changesMachine).toBe(false);
    const clear = refs.find((r) => r.name === 'printer.clear-queue') as ActionReference;
    expect(clear.inputs).toContainEqual({ path: 'scope', type: "'own' | 'all'", required: false, default: 'own' });
    expect(clear.changesMachine).toBe(true);
    expect(refs.find((r) => r.name === 'printer.resume')?.broker).toBe(true);
    expect(refs.find((r) => r.name === 'script')?.broker).toBe(false);
    expect(refs.find((r) => r.name === 'network.diagnose')?.resultFields.map((f) => f.path)).toEqual(expect.arrayContaining(['problem', 'probes[].id', 'probes[].status']));
  });

  it('shows inputs and results in text, one action by name, and suggests the name meant', async () => {
    const c = captureIo();
    expect(await actionsCommand(['printer.clear-queue'], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/printer\.clear-queue\s+changes machine/);
    expect(c.stdout()).toContain("scope?: 'own' | 'all' = \"own\"");
    expect(c.stdout()).toContain('printers: string[]');
    const bad = captureIo();
    expect(await actionsCommand(['printer.stauts'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('Did you mean "printer.status"');
  });
});
