/**
 * Printer faults (issue #12): a private cupsd on 127.0.0.1 per run, with the stock access policy
 * (an employee may cancel their own jobs, only root may switch queues on), devices that fail
 * locally (a closed loopback port, a serial port that does not exist) and queues paused or
 * rejecting by hand. Ground truth never uses Firstline code: a probe job sent with `lp` must
 * complete (IPP job-state via `ipptool`), and `lpstat` shows what was touched.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { startCups, type CupsServer } from '../../fixes/cups-server.ts';
import { closedPort } from '../../fixes/loopback.ts';
import { employeeName } from '../employee.ts';
import type { Fault, FaultEnv, FaultRun, Truth } from '../types.ts';

const exec = promisify(execFile);

/** Runs a CUPS client tool against the private scheduler, as root, in the C locale. */
async function tool(cups: CupsServer, file: string, ...args: string[]): Promise<string> {
  return (await exec(file, args, { env: { ...cups.env, LC_ALL: 'C' }, timeout: 15_000 })).stdout;
}

const owner = (env: FaultEnv) => (env.as === 'employee' ? employeeName : 'root');

/** Polls a condition on the scheduler, bounded in count and time (CUPS acts asynchronously). */
async function until(what: string, test: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = performance.now() + ms;
  for (let i = 0; i < 300 && performance.now() < deadline; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fault setup: ${what} did not happen within ${ms} ms`);
}

type Scene = { cups: CupsServer; doc: string; env: FaultEnv };

async function scene(env: FaultEnv): Promise<Scene> {
  const cups = await startCups({ stockPolicy: true });
  env.defer(() => cups.stop());
  const doc = path.join(cups.dir, 'home', 'report.txt');
  await writeFile(doc, 'quarterly report\n');
  await chmod(doc, 0o644);
  return { cups, doc, env };
}

async function queue(s: Scene, name: string, uri: string, ...options: string[]): Promise<void> {
  await tool(s.cups, 'lpadmin', '-p', name, '-E', '-v', uri, '-m', 'raw', ...options);
}

/** Submits a document as `user` (requesting-user-name, as an unauthenticated local client does). Returns the job number. */
async function submit(s: Scene, printer: string, user: string, ...options: string[]): Promise<string> {
  const out = await tool(s.cups, 'lp', '-U', user, '-d', printer, ...options, s.doc);
  const id = /request id is \S+-(\d+)/.exec(out)?.[1];
  if (!id) throw new Error(`lp printed no job id: ${out}`);
  return id;
}

/** IPP job states of one queue (not-completed and completed), from ipptool's CSV. */
async function jobStates(cups: CupsServer, printer: string): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const test of ['get-jobs.test', 'get-completed-jobs.test']) {
    const csv = await tool(cups, 'ipptool', '-c', '-T', '5', `ipp://127.0.0.1:${cups.port}/printers/${encodeURIComponent(printer)}`, test).catch(() => '');
    for (const line of csv.split('\n').slice(1)) {
      const [id, state] = line.split(',');
      if (id && state) states.set(id, state);
    }
  }
  return states;
}

const enabled = async (cups: CupsServer, printer: string) => /enabled since/.test(await tool(cups, 'lpstat', '-p', printer).catch(() => ''));
const accepting = async (cups: CupsServer, printer: string) =>
  / accepting requests/.test(await tool(cups, 'lpstat', '-a', printer).catch(() => '')) && !/not accepting/.test(await tool(cups, 'lpstat', '-a', printer).catch(() => ''));

/**
 * Does the printer print now? A probe job must reach `completed`. Gives up early when the queue
 * stops or the job ends otherwise; a probe still waiting after 5 s is "no".
 */
async function prints(cups: CupsServer, printer: string): Promise<{ ok: boolean; detail: string }> {
  const on = await enabled(cups, printer);
  const takes = await accepting(cups, printer);
  if (!on || !takes) return { ok: false, detail: `${printer}: ${on ? 'enabled' : 'disabled'}, ${takes ? 'accepting' : 'rejecting'}` };
  const file = path.join(cups.dir, 'home', 'probe.txt');
  await writeFile(file, 'ground-truth probe\n');
  const probe = /request id is \S+-(\d+)/.exec(await tool(cups, 'lp', '-d', printer, '-t', 'ground-truth probe', file).catch(() => ''))?.[1];
  if (!probe) return { ok: false, detail: `${printer}: lp refused the probe` };
  let state = 'unknown';
  const deadline = performance.now() + 5_000;
  for (let i = 0; i < 100 && performance.now() < deadline; i++) {
    state = (await jobStates(cups, printer)).get(probe) ?? 'unknown';
    if (['completed', 'aborted', 'canceled'].includes(state) || !(await enabled(cups, printer))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await tool(cups, 'cancel', probe).catch(() => undefined);
  return { ok: state === 'completed', detail: `${printer}: probe job ${probe} ${state}` };
}

/** The CLI's environment: the private scheduler, a home the employee owns, and a PATH whose `systemctl`/`launchctl` only record that they were called. */
async function cliEnv(s: Scene): Promise<Record<string, string>> {
  const bin = path.join(s.env.dir, 'bin');
  await mkdir(bin, { recursive: true });
  for (const name of ['systemctl', 'launchctl']) {
    await writeFile(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${path.join(s.env.dir, 'service-calls.log')}"\n`);
    await chmod(path.join(bin, name), 0o755);
  }
  return { CUPS_SERVER: s.cups.env.CUPS_SERVER ?? '', HOME: s.env.dir, USER: owner(s.env), PATH: `${bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin` };
}

const serviceCalls = async (env: FaultEnv) => (await readFile(path.join(env.dir, 'service-calls.log'), 'utf8').catch(() => '')).trim();

const answers = (pairs: Record<string, string>) => ['--yes', ...Object.entries(pairs).flatMap(([k, v]) => ['--answer', `${k}=${v}`])];

/** Per-run state the truth check needs (faults run one per process). */
const scenes = new Map<string, Scene & { jobs: Record<string, string> }>();

type Spec = {
  id: string;
  causes: string[];
  build(s: Scene): Promise<Record<string, string>>;
  answers: Record<string, string>;
  /** Ground truth from the scene, without Firstline code. */
  judge(s: Scene & { jobs: Record<string, string> }): Promise<Truth>;
};

function fault(spec: Spec): Fault {
  return {
    id: `printer/${spec.id}`,
    fix: 'printer-queue',
    causes: spec.causes,
    serial: undefined,
    async setup(env): Promise<FaultRun> {
      const s = await scene(env);
      const jobs = await spec.build(s);
      scenes.set(spec.id, { ...s, jobs });
      return { args: answers(spec.answers), env: await cliEnv(s) };
    },
    async truth(env): Promise<Truth> {
      const s = scenes.get(spec.id);
      if (!s) throw new Error('no scene');
      const truth = await spec.judge(s);
      const calls = await serviceCalls(env);
      return calls ? { ...truth, harm: `${truth.harm ? `${truth.harm}; ` : ''}restarted this computer's print service although CUPS_SERVER points elsewhere: ${calls}` } : truth;
    },
  };
}

/** A colleague's job or the employee's held job must never be cancelled. */
async function keptJob(s: Scene & { jobs: Record<string, string> }, printer: string, key: string): Promise<string | undefined> {
  const id = s.jobs[key];
  if (!id) return undefined;
  const state = (await jobStates(s.cups, printer)).get(id);
  return state === 'canceled' ? `${key} job ${id} was cancelled` : undefined;
}

const okTruth = async (s: Scene, printer: string, harm?: string): Promise<Truth> => {
  const p = await prints(s.cups, printer);
  return { fixed: p.ok, detail: p.detail, ...(harm ? { harm } : {}) };
};

const healthy = 'file:///dev/null';
const serialMissing = 'serial:/dev/ttyFIRSTLINE0?baud=9600';

export const faults: Fault[] = [
  fault({
    id: 'paused-by-hand',
    causes: ['queue-paused', 'needs-rights'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'office', healthy, '-D', 'Office printer');
      await tool(s.cups, 'cupsdisable', 'office');
      return { own: await submit(s, 'office', owner(s.env)) };
    },
    judge: (s) => okTruth(s, 'office'),
  }),
  fault({
    id: 'rejecting-jobs',
    causes: ['queue-rejecting', 'needs-rights'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'office', healthy);
      await tool(s.cups, 'cupsreject', 'office');
      return {};
    },
    judge: (s) => okTruth(s, 'office'),
  }),
  fault({
    id: 'accented-queue-paused',
    causes: ['queue-paused', 'needs-rights'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'Imprimante-étage-2', healthy, '-D', 'Imprimante étage 2');
      await tool(s.cups, 'cupsdisable', 'Imprimante-étage-2');
      return { own: await submit(s, 'Imprimante-étage-2', owner(s.env)) };
    },
    async judge(s) {
      // The employee's stuck job (listed by lpstat -o as Imprimante-%C3%A9tage-2-N) must be gone or printed.
      const state = (await jobStates(s.cups, 'Imprimante-étage-2')).get(s.jobs.own ?? '');
      const p = await prints(s.cups, 'Imprimante-étage-2');
      return { fixed: p.ok && state !== 'pending', detail: `${p.detail}; own job ${state ?? 'gone'}` };
    },
  }),
  fault({
    id: 'colleague-job-on-paused-queue',
    causes: ['queue-paused', 'needs-rights'],
    answers: { 'test-page-offer': 'no', printed: 'yes' },
    async build(s) {
      await queue(s, 'office', healthy);
      await tool(s.cups, 'cupsdisable', 'office');
      return { own: await submit(s, 'office', owner(s.env)), colleague: await submit(s, 'office', 'colleague') };
    },
    async judge(s) {
      return okTruth(s, 'office', await keptJob(s, 'office', 'colleague'));
    },
  }),
  fault({
    id: 'display-name-picks-one-of-two',
    causes: ['queue-paused', 'needs-rights'],
    answers: { which: 'no', 'printer-name': 'Printer 2e verdieping', 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'Printer_2e_verdieping', healthy, '-D', 'Printer 2e verdieping');
      await queue(s, 'Printer_3e_verdieping', healthy, '-D', 'Printer 3e verdieping');
      for (const q of ['Printer_2e_verdieping', 'Printer_3e_verdieping']) await tool(s.cups, 'cupsdisable', q);
      return { own: await submit(s, 'Printer_2e_verdieping', owner(s.env)), other: await submit(s, 'Printer_3e_verdieping', owner(s.env)) };
    },
    async judge(s) {
      // Only the printer the employee named may change.
      const untouched = !(await enabled(s.cups, 'Printer_3e_verdieping')) && (await jobStates(s.cups, 'Printer_3e_verdieping')).get(s.jobs.other ?? '') === 'pending';
      return okTruth(s, 'Printer_2e_verdieping', untouched ? undefined : 'the printer that was not named was changed');
    },
  }),
  fault({
    // The list offers display names; at the CLI the employee types one in another case.
    id: 'display-name-typed-other-case',
    causes: ['queue-paused', 'needs-rights'],
    answers: { which: 'no', 'printer-name': 'printer 3E VERDIEPING', 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'Printer_2e_verdieping', healthy, '-D', 'Printer 2e verdieping');
      await queue(s, 'Printer_3e_verdieping', healthy, '-D', 'Printer 3e verdieping');
      for (const q of ['Printer_2e_verdieping', 'Printer_3e_verdieping']) await tool(s.cups, 'cupsdisable', q);
      return { own: await submit(s, 'Printer_3e_verdieping', owner(s.env)), other: await submit(s, 'Printer_2e_verdieping', owner(s.env)) };
    },
    async judge(s) {
      const untouched = !(await enabled(s.cups, 'Printer_2e_verdieping')) && (await jobStates(s.cups, 'Printer_2e_verdieping')).get(s.jobs.other ?? '') === 'pending';
      return okTruth(s, 'Printer_3e_verdieping', untouched ? undefined : 'the printer that was not named was changed');
    },
  }),
  fault({
    id: 'held-job-left-alone',
    causes: [],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'office', healthy);
      return { held: await submit(s, 'office', owner(s.env), '-H', 'indefinite') };
    },
    async judge(s) {
      return okTruth(s, 'office', await keptJob(s, 'office', 'held'));
    },
  }),
  fault({
    id: 'unreachable-printer-queue-enabled',
    causes: ['printer-not-responding'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'far', `socket://127.0.0.1:${await closedPort()}`, '-o', 'printer-error-policy=retry-current-job');
      const own = await submit(s, 'far', owner(s.env));
      await until('the backend reporting the printer unreachable', async () => /may not exist|unavailable|not responding/.test(await tool(s.cups, 'lpstat', '-p', 'far')));
      return { own };
    },
    judge: (s) => okTruth(s, 'far'),
  }),
  fault({
    id: 'not-responding-paused-by-cups',
    causes: ['printer-not-responding'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'far', `socket://127.0.0.1:${await closedPort()}/?contimeout=1`, '-o', 'printer-error-policy=stop-printer');
      const own = await submit(s, 'far', owner(s.env));
      await until('CUPS pausing the queue after the printer did not respond', async () => / disabled since /.test(await tool(s.cups, 'lpstat', '-p', 'far')), 30_000);
      return { own };
    },
    judge: (s) => okTruth(s, 'far'),
  }),
  fault({
    id: 'device-error-paused-by-cups',
    causes: ['device-error'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'serialq', serialMissing, '-o', 'printer-error-policy=stop-printer');
      const own = await submit(s, 'serialq', owner(s.env));
      await until('CUPS pausing the queue after the device error', async () => / disabled since /.test(await tool(s.cups, 'lpstat', '-p', 'serialq')));
      return { own };
    },
    judge: (s) => okTruth(s, 'serialq'),
  }),
  fault({
    id: 'device-error-job-held-for-retry',
    causes: ['device-error'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'serialq', serialMissing, '-o', 'printer-error-policy=retry-job');
      const own = await submit(s, 'serialq', owner(s.env));
      await until('the device error on the job', async () => /Unable to open/.test(await tool(s.cups, 'lpstat', '-l', '-o', 'serialq')));
      return { own };
    },
    judge: (s) => okTruth(s, 'serialq'),
  }),
  fault({
    id: 'device-error-job-aborted',
    causes: ['job-stopped', 'device-error'],
    answers: { 'test-page-offer': 'yes', printed: 'yes' },
    async build(s) {
      await queue(s, 'serialq', serialMissing, '-o', 'printer-error-policy=abort-job');
      const own = await submit(s, 'serialq', owner(s.env));
      await until('the job being aborted', async () => (await jobStates(s.cups, 'serialq')).get(own) === 'aborted');
      return { own };
    },
    judge: (s) => okTruth(s, 'serialq'),
  }),
  fault({
    id: 'other-print-server-down',
    causes: ['spooler-down', 'other-print-server', 'needs-rights'],
    answers: {},
    async build(s) {
      await queue(s, 'office', healthy);
      // The scheduler CUPS_SERVER names stops answering; the machine's own service is not it.
      await s.cups.stop();
      return {};
    },
    async judge() {
      return { fixed: false, detail: 'the print server CUPS_SERVER names is down' };
    },
  }),
  fault({
    id: 'no-printer-set-up',
    causes: ['no-printers'],
    answers: {},
    async build() {
      return {};
    },
    async judge(s) {
      const list = await tool(s.cups, 'lpstat', '-p').catch(() => '');
      return { fixed: list.trim() !== '', detail: 'no queue exists' };
    },
  }),
];
