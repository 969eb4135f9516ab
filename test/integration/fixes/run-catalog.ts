/** Runs a built-in troubleshooter through the real engine and actions (live tests), collecting its events. */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import type { AnswerValue, RunEvent } from '../../../core/engine/events.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { composeRegistries, createRegistry } from '../../../core/engine/registry.ts';
import type { ActionDefinition } from '../../../core/engine/action.ts';
import { run as runTroubleshooter } from '../../../core/engine/runner.ts';
import type { ExecPort } from '../../../core/engine/ports.ts';
import { fixActions } from '../../../core/fixes/index.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';

export type LiveRun = {
  events: RunEvent[];
  finished: Extract<RunEvent, { type: 'run-finished' }>;
  steps: Array<[string, string]>;
  results: Record<string, unknown>;
};

export async function runCatalog(
  id: string,
  options: {
    env: Record<string, string | undefined>;
    policy?: Record<string, unknown>;
    answers?: Record<string, AnswerValue>;
    consent?: boolean;
    exec?: ExecPort;
    lang?: 'en' | 'nl' | 'fr' | 'de';
    file?: string;
    /** Fix actions to use instead of the registered ones with the same name (e.g. one reading fake device files). */
    replace?: readonly ActionDefinition[];
  },
): Promise<LiveRun> {
  const replaced = new Set((options.replace ?? []).map((a) => a.name));
  const registry = composeRegistries(builtinRegistry(), createRegistry([...fixActions.filter((a) => !replaced.has(a.name)), ...(options.replace ?? [])]));
  const file = options.file ?? new URL(`../../../troubleshooters/${id}.yaml`, import.meta.url).pathname;
  const loaded = await loadTroubleshooterFile(file, registry);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const events: RunEvent[] = [];
  const stream = runTroubleshooter(
    loaded.troubleshooter,
    {
      exec: options.exec ?? createNodeExec(),
      elevation: { request: async () => false },
      interaction: { ask: async (stepId) => Promise.reject(new Error(`unexpected question ${stepId}`)), consent: async () => options.consent ?? true },
      urlOpener: { open: async () => false },
      clock: { now: () => new Date() },
    },
    { registry, catalogDir: path.dirname(file), platform: 'linux', lang: options.lang ?? 'en', env: options.env, policy: options.policy ?? {}, answers: options.answers ?? {} },
  );
  for await (const event of stream) events.push(event);
  const finished = events.at(-1);
  if (finished?.type !== 'run-finished') throw new Error('run did not finish');
  const results: Record<string, unknown> = {};
  for (const e of events) {
    if (e.type !== 'action-result') continue;
    results[`${e.stepId}:${e.phase}`] = e.result;
    results[`${e.stepId}:${e.phase}:${e.action}`] = e.result;
  }
  return { events, finished, steps: events.filter((e) => e.type === 'step-finished').map((e) => [e.stepId, (e as { status: string }).status]), results };
}

/** The unprivileged account live tests run fixes as (created when missing; CI runs as root). */
export function employeeAccount(): { uid: number; gid: number } {
  const user = 'firstline-employee';
  if (spawnSync('id', ['-u', user]).status !== 0) spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user]);
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export type ChildRun = { uid: number; finished: LiveRun['finished']; steps: LiveRun['steps']; results: LiveRun['results'] };

/** Runs a troubleshooter as the employee in a child process (asynchronously: the test's loopback servers keep answering). */
export function runCatalogAsEmployee(id: string, options: Omit<Parameters<typeof runCatalog>[1], 'exec' | 'file'>): Promise<ChildRun> {
  const { uid, gid } = employeeAccount();
  const child = new URL('./catalog-child.ts', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    execFile(
      'setpriv',
      ['--reuid', String(uid), '--regid', String(gid), '--clear-groups', process.execPath, '--import', 'tsx', child, JSON.stringify({ id, ...options })],
      { encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as ChildRun);
      },
    );
  });
}
