/**
 * Engine side of the elevation broker: an `elevation: required` step in a process without rights
 * goes to the broker when it offers every changing fix of the step — one consent, no refusal, and
 * the transcript marks the fix as brokered. Otherwise the step ends refused (needs IT's rights).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction } from '../../../core/engine/action.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import type { BrokerPort, ExecPort } from '../../../core/engine/ports.ts';
import { createRegistry } from '../../../core/engine/registry.ts';
import { run } from '../../../core/engine/runner.ts';
import { platforms } from '../../../core/kernel/platform.ts';
import { collect, finished, testPorts, types } from './helpers.ts';

function bench(offered: string[], elevated = false) {
  const state = { on: false, viaBroker: 0, direct: 0 };
  const probe = defineAction({
    name: 'printer.status',
    input: z.strictObject({}),
    result: z.object({ ok: z.boolean(), on: z.boolean() }),
    platforms,
    changesMachine: false,
    run: async () => ({ ok: true, on: state.on }),
  });
  const resume = defineAction({
    name: 'printer.resume',
    input: z.strictObject({}),
    result: z.object({ ok: z.boolean() }),
    platforms,
    changesMachine: true,
    run: async (_input, ctx) => ({ ok: (await ctx.exec.exec('cupsenable', ['office'], { timeout: 1000 })).exitCode === 0 }),
  });
  const registry = createRegistry([probe, resume]);
  const loaded = loadTroubleshooterText(
    [
      'id: t',
      'version: "1.0.0"',
      'title: { en: T, nl: T, fr: T, de: T }',
      'summary: { en: S, nl: S, fr: S, de: S }',
      'platforms: [linux]',
      'category: test',
      'steps:',
      '  - id: resume',
      '    type: check',
      '    title: { en: Switch the queue on }',
      '    action: printer.status',
      '    expect: [{ field: on, equals: true }]',
      '    fix:',
      '      - action: printer.resume',
      '    elevation: required',
    ].join('\n'),
    'inline.yaml',
    registry,
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const broker: BrokerPort = {
    operations: async () => offered,
    execFor: (action: string, exec: ExecPort) => {
      let count = 0;
      return {
        brokered: () => count,
        exec: async (file, args, options) => {
          if (action !== 'printer.resume') return exec.exec(file, args, options);
          count++;
          state.viaBroker++;
          state.on = true;
          return { exitCode: 0, stdout: '', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1 };
        },
      };
    },
  };
  const ports = testPorts({ elevation: elevated });
  ports.exec = { exec: async () => (state.direct++, (state.on = true), { exitCode: 0, stdout: '', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1 }) };
  return { state, registry, troubleshooter: loaded.troubleshooter, ports: { ...ports, broker } };
}

describe('elevation through the broker', () => {
  it('runs the fix through the broker with one consent and marks it in the transcript', async () => {
    const b = bench(['printer.resume']);
    const events = await collect(run(b.troubleshooter, b.ports, { registry: b.registry, catalogDir: '.', platform: 'linux' }));
    expect(finished(events).outcome).toBe('resolved');
    expect(b.state).toMatchObject({ viaBroker: 1, direct: 0 });
    expect(b.ports.rec.consents).toEqual([expect.objectContaining({ stepId: 'resume', elevation: true })]);
    expect(types(events)).not.toContain('elevation-refused');
    expect(events).toContainEqual(expect.objectContaining({ type: 'fix-applied', action: 'printer.resume', ok: true, elevatedBy: 'broker' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'action-result', phase: 'fix', elevatedBy: 'broker' }));
  });

  it('ends refused for lack of rights when the broker does not offer the operation (off, restricted or absent)', async () => {
    for (const offered of [[], ['network.flush-dns']]) {
      const b = bench(offered);
      const events = await collect(run(b.troubleshooter, b.ports, { registry: b.registry, catalogDir: '.', platform: 'linux' }));
      expect(types(events)).toContain('elevation-refused');
      expect(finished(events)).toMatchObject({ reasonCode: 'needs-rights' });
      expect(b.state).toMatchObject({ viaBroker: 0, direct: 0, on: false });
    }
  });

  it('does not use the broker when the process already has the rights', async () => {
    const b = bench(['printer.resume'], true);
    const events = await collect(run(b.troubleshooter, b.ports, { registry: b.registry, catalogDir: '.', platform: 'linux' }));
    expect(finished(events).outcome).toBe('resolved');
    expect(b.state).toMatchObject({ viaBroker: 0, direct: 1 });
    expect(events.some((e) => 'elevatedBy' in e)).toBe(false);
  });
});
