/** Test doubles at the edges of the engine (ports), plus small actions to drive the runner. */
import { existsSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineAction } from '../../../core/engine/action.ts';
import { platforms } from '../../../core/kernel/platform.ts';
import { runEventSchema, type RunEvent } from '../../../core/engine/events.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';
import type { ConsentRequest } from '../../../core/engine/ports.ts';
import type { RunPorts } from '../../../core/engine/runner.ts';

export type Recorder = { consents: ConsentRequest[]; elevations: string[]; opened: string[]; asked: string[] };

export function testPorts(opts: { consent?: boolean; elevation?: boolean; answers?: Record<string, string | boolean> } = {}): RunPorts & { rec: Recorder } {
  const rec: Recorder = { consents: [], elevations: [], opened: [], asked: [] };
  return {
    rec,
    exec: createNodeExec(),
    elevation: { request: async (reason) => (rec.elevations.push(reason), opts.elevation ?? true) },
    interaction: {
      ask: async (stepId) => {
        rec.asked.push(stepId);
        const value = opts.answers?.[stepId];
        if (value === undefined) throw new Error(`unexpected question ${stepId}`);
        return value;
      },
      consent: async (request) => (rec.consents.push(request), opts.consent ?? true),
    },
    urlOpener: { open: async (url) => (rec.opened.push(url), true) },
  };
}

export async function collect(stream: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const e of stream) {
    // Every event must satisfy the published contract.
    runEventSchema.parse(e);
    events.push(e);
  }
  return events;
}

export const types = (events: RunEvent[]) => events.map((e) => e.type);
export const finished = (events: RunEvent[]) => events.find((e) => e.type === 'run-finished') as Extract<RunEvent, { type: 'run-finished' }>;

/** A machine with one switch: `probe` reads it, `repair` flips it (when `repairWorks`). */
export function fakeMachine() {
  const state = { on: false, repairWorks: true, probes: 0, repairs: 0 };
  const probe = defineAction({
    name: 'test.probe',
    input: z.strictObject({}),
    result: z.object({ ok: z.boolean(), on: z.boolean() }),
    platforms,
    changesMachine: false,
    run: async () => (state.probes++, { ok: true, on: state.on }),
  });
  const repair = defineAction({
    name: 'test.repair',
    input: z.strictObject({ how: z.string().default('gently') }),
    result: z.object({ ok: z.boolean() }),
    platforms,
    changesMachine: true,
    describe: (input, lang) => (lang === 'nl' ? `Schakelaar aanzetten (${input.how}).` : `Turn the switch on (${input.how}).`),
    run: async () => {
      state.repairs++;
      if (state.repairWorks) state.on = true;
      return { ok: true };
    },
  });
  return { state, probe, repair };
}

/** Runs `node <script> ...args` through the exec port and returns the argv the child saw. */
export const echoArgs = defineAction({
  name: 'test.echo-args',
  input: z.strictObject({ args: z.array(z.string()) }),
  result: z.object({ ok: z.boolean(), argv: z.array(z.string()) }),
  platforms,
  changesMachine: false,
  async run(input, ctx) {
    const res = await ctx.exec.exec(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', '--', ...input.args], {
      timeout: ctx.timeoutMs,
      signal: ctx.signal,
    });
    return { ok: res.exitCode === 0, argv: JSON.parse(res.stdout) as string[] };
  },
});

/** Starts a node child that starts a grandchild, writes both pids to `pidFile`, then waits forever. */
export const hang = defineAction({
  name: 'test.hang',
  input: z.strictObject({ pidFile: z.string() }),
  result: z.object({ ok: z.boolean() }),
  platforms,
  changesMachine: false,
  async run(input, ctx) {
    const script = [
      "const { spawn } = require('node:child_process');",
      "const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      // Written to a temp name and renamed, so the file appears complete in one step.
      `require('node:fs').writeFileSync(${JSON.stringify(`${input.pidFile}.tmp`)}, JSON.stringify([process.pid, g.pid]));`,
      `require('node:fs').renameSync(${JSON.stringify(`${input.pidFile}.tmp`)}, ${JSON.stringify(input.pidFile)});`,
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const res = await ctx.exec.exec(process.execPath, ['-e', script], { timeout: ctx.timeoutMs, signal: ctx.signal });
    return { ok: res.exitCode === 0 };
  },
});

/** Alive = exists and is not a zombie (a killed orphan may wait for PID 1 to reap it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/** Resolves when `file` exists; event-driven (fs.watch), bounded by `ms`. */
export function waitForFile(file: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(file), () => {
      if (existsSync(file)) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file} did not appear within ${ms} ms`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (existsSync(file)) done();
  });
}

/**
 * SIGKILL to a process group is asynchronous for members we are not the parent of: the kernel
 * finishes them shortly after kill() returns. Polls (bounded) until `pid` is gone.
 */
export async function goneWithin(pid: number, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
