/** `firstline run --dry-run`: the whole plan (every step, its condition, what this dry run did with it), framed in the --lang language. */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../cli/commands/run.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { captureIo } from './helpers.ts';
import { dryRunPlanSchema } from '../../../cli/commands/run-plan.ts';

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

describe('firstline run --dry-run --json ends with the whole plan as data', () => {
  it('prints one {"type":"plan"} line after the events: every step, its condition, actions, fixes and skip reasons, in a stable shape', async () => {
    const loaded = await loadTroubleshooterFile('troubleshooters/network.yaml', fullActionRegistry());
    if (!loaded.ok) throw new Error('network.yaml does not load');
    const { code, out } = await dryRun(['troubleshooters/network.yaml', '--platform', 'win32', '--lang', 'nl', '--json']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const events = lines.slice(0, -1).map((l) => JSON.parse(l) as { type: string });
    expect(events.at(-1)?.type).toBe('run-finished');
    // Strict: an unknown or missing field fails here, so the shape only changes on purpose.
    const plan = dryRunPlanSchema.parse(JSON.parse(lines.at(-1) ?? ''));
    expect(plan).toMatchObject({ type: 'plan', planVersion: 1, platform: 'win32', lang: 'nl', outcome: 'resolved', troubleshooter: { id: 'network', title: loaded.troubleshooter.title.nl } });
    expect(plan.steps.map((s) => s.id)).toEqual(loaded.troubleshooter.steps.map((s) => s.id));
    for (const [i, step] of loaded.troubleshooter.steps.entries()) {
      const p = plan.steps[i];
      expect(p?.when).toBe(step.when ?? null);
      if (step.type === 'check') expect(p?.action).toBe(step.action);
    }
    expect(plan.steps.some((s) => s.fix?.some((f) => f.action === 'network.reset-stack'))).toBe(true);
    const skipped = plan.steps.filter((s) => s.dryRun.state === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.some((s) => s.dryRun.skip?.values.some((v) => v.ref === 'platform' && v.value === 'win32'))).toBe(true);
    for (const s of skipped) expect(s.dryRun.skip?.when).toBe(s.when);
    expect(plan.steps.some((s) => s.dryRun.state === 'reached')).toBe(true);
  });

  it('marks the steps a branch never reached and keeps the answers the run was given', async () => {
    const { out } = await dryRun(['test/fixtures/engine/valid/all-steps.yaml', '--platform', 'linux', '--json']);
    const plan = dryRunPlanSchema.parse(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
    expect(plan.lang).toBe('en');
    expect(plan.steps.every((s) => ['reached', 'skipped', 'not-reached'].includes(s.dryRun.state))).toBe(true);
    expect(plan.steps.filter((s) => s.type === 'ask').every((s) => s.answer !== undefined)).toBe(true);
  });
});
