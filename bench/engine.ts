/**
 * 2. Engine overhead per step: a generated 50-step troubleshooter whose checks run a trivial
 * catalog script (`script.check` → `/bin/sh true.sh`) through the runner, against spawning the
 * same processes through the same exec port. What the engine adds per step: input substitution
 * and validation, script path resolution, result validation, redaction, events (the
 * troubleshooter is loaded once, outside the timing).
 *
 * The figure pairs each spawn with itself: the engine's exec port is wrapped with a stopwatch,
 * and overhead = run wall time − time spent inside the port. On a loaded 2-core machine one
 * spawn varies by more than the engine's whole overhead, so comparing against a separate batch
 * of direct spawns (also printed) can even come out negative.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fullActionRegistry } from '../core/action-registry.ts';
import { createNodeExec } from '../core/platform/node-exec.ts';
import type { ExecPort } from '../core/engine/ports.ts';
import { scriptTroubleshooter } from './lib/catalog-gen.ts';
import { loadOrThrow, runToEnd } from './lib/engine-harness.ts';
import type { BenchResult } from './lib/result.ts';
import { alternate, median, round, timeMs } from './lib/stats.ts';

const steps = 50;
const rounds = 7;
const targetMs = 2;

export async function benchEngine(): Promise<BenchResult> {
  if (process.platform === 'win32') throw new Error('the engine benchmark uses a POSIX shell script');
  const catalogDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-bench-engine-')));
  try {
    mkdirSync(path.join(catalogDir, 'scripts'));
    const script = path.join(catalogDir, 'scripts', 'true.sh');
    writeFileSync(script, '#!/bin/sh\nexit 0\n');
    const registry = fullActionRegistry();
    const troubleshooter = loadOrThrow(scriptTroubleshooter('bench-engine', steps, 'scripts/true.sh'), 'bench-engine.yaml', registry);
    const port = createNodeExec();
    let inPortMs = 0;
    const exec: ExecPort = {
      exec: async (file, args, options) => {
        const started = performance.now();
        try {
          return await port.exec(file, args, options);
        } finally {
          inPortMs += performance.now() - started;
        }
      },
    };
    const overheads: number[] = [];
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;

    const viaEngine = async () => {
      inPortMs = 0;
      const wall = await timeMs(async () => {
        const { outcome, events } = await runToEnd(troubleshooter, exec, { registry, catalogDir, env });
        const passed = events.filter((e) => e.type === 'step-finished' && e.status === 'passed').length;
        if (outcome !== 'resolved' || passed !== steps) throw new Error(`engine run ended ${outcome} with ${passed}/${steps} steps passed`);
      });
      overheads.push((wall - inPortMs) / steps);
      return wall;
    };
    const direct = () =>
      timeMs(async () => {
        for (let i = 0; i < steps; i++) {
          const res = await port.exec('/bin/sh', [script], { timeout: 60_000, cwd: path.dirname(script), env });
          if (res.exitCode !== 0) throw new Error(`direct spawn exited ${res.exitCode}`);
        }
      });

    const samples = await alternate(rounds, viaEngine, direct);
    const engine = median(samples.a);
    const bare = median(samples.b);
    const perStep = median(overheads.slice(1)); // without the warm-up round
    const versusDirect = median(samples.a.map((a, i) => (a - samples.b[i]!) / steps));
    return {
      metric: `Engine overhead per step (${steps} steps, each spawning /bin/sh true.sh)`,
      figure: `${round(perStep)} ms`,
      target: `≤ ${targetMs} ms`,
      pass: perStep <= targetMs,
      notes: [
        `engine: median of ${rounds} rounds; figure = (run wall time − time inside the exec port) / ${steps}. Against a separate batch of direct spawns through the same port (alternating rounds): runner ${Math.round(engine)} ms vs direct ${Math.round(bare)} ms (${round(bare / steps)} ms per spawn), i.e. ${round(versusDirect)} ms per step.`,
      ],
    };
  } finally {
    rmSync(catalogDir, { recursive: true, force: true });
  }
}
