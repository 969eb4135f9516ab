/** `firstline run --dry-run`: the whole plan (every step, its condition, what this dry run did with it), framed in the --lang language. */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../cli/commands/run.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { captureIo } from './helpers.ts';

async function dryRun(args: string[]) {
  const c = captureIo();
  const code = await runCommand([...args, '--dry-run', '--no-history'], c.io);
  return { code, out: c.stdout() };
}

describe('firstline run --dry-run shows the whole plan', () => {
  it('lists every step with its when:, its actions and fixes, and why a step was skipped, in the chosen language', async () => {
    const loaded = await loadTroubleshooterFile('troubleshooters/network.yaml', fullActionRegistry());
    if (!loaded.ok) throw new Error('network.yaml does not load');
    const steps = loaded.troubleshooter.steps;
    const { code, out } = await dryRun(['troubleshooters/network.yaml', '--platform', 'win32', '--lang', 'fr']);
    expect(code).toBe(0);
    expect(out).toContain(`Le plan complet (${steps.length} étapes)`);
    for (const [i, step] of steps.entries()) expect(out).toContain(`${String(i + 1).padStart(2)}. ${step.id} (${step.type})`);
    const conditional = steps.filter((s) => s.when);
    expect(conditional.length).toBeGreaterThan(3);
    for (const step of conditional) expect(out).toContain(`s’exécute si : ${step.when}`);
    expect(out).toContain('corrige avec : network.reset-stack');
    expect(out).toMatch(/cet essai : ignorée car `when` était faux : .*platform = "win32"/);
    expect(out).toContain('--answer step=value');
  });

  it('follows the branch the given answers select and says so in German', async () => {
    const { out } = await dryRun(['test/fixtures/engine/valid/all-steps.yaml', '--lang', 'de', '--platform', 'linux']);
    expect(out).toMatch(/Der ganze Plan \(\d+ Schritte\)/);
    expect(out).toMatch(/dieser Probelauf: ausgeführt \(/);
  });
});
