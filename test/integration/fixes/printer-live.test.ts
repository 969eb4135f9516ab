/**
 * Live printer-queue tests against a real, private cupsd (see cups-server.ts): a queue with
 * device file:///dev/null is stopped, jobs pile up, and the printer actions must leave it empty,
 * enabled and accepting — asserted with lpstat, not with the actions' own words.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { composeRegistries } from '../../../core/engine/registry.ts';
import { run as runTroubleshooter } from '../../../core/engine/runner.ts';
import { fixesRegistry } from '../../../core/fixes/index.ts';
import { clearQueueAction, printerStatusAction, resumeQueueAction, testPageAction } from '../../../core/fixes/printer/actions.ts';
import { makeContext } from '../../unit/fixes/context.ts';
import { cupsdPath, startCups, type CupsServer } from './cups-server.ts';

const run = promisify(execFile);
if (!cupsdPath) console.log('printer-live: skipped, cupsd is not installed (CI installs cups via .ci/install-fixes.sh)');

describe.skipIf(!cupsdPath)('printer queue against a real CUPS', () => {
  let cups: CupsServer;
  const user = userInfo().username;
  const cli = async (file: string, ...args: string[]) => (await run(file, args, { env: { ...cups.env, LC_ALL: 'C' } })).stdout;
  const ctx = () => makeContext({ exec: createNodeExec(), platform: 'linux', env: { ...cups.env, USER: user } });

  beforeEach(async () => {
    cups = await startCups();
    await cli('lpadmin', '-p', 'testq', '-E', '-v', 'file:///dev/null', '-m', 'raw');
    await cli('lpadmin', '-p', 'other', '-E', '-v', 'file:///dev/null', '-m', 'raw');
    await cli('cupsdisable', 'testq');
    const doc = path.join(cups.dir, 'home', 'report.txt');
    await writeFile(doc, 'quarterly report\n');
    for (let i = 0; i < 3; i++) await cli('lp', '-d', 'testq', '-t', `report ${i}`, doc);
  });
  afterEach(async () => {
    await cups?.stop();
  });

  it('finds the stopped queue and its stuck jobs', async () => {
    const status = await printerStatusAction.run({}, ctx());
    expect(status).toMatchObject({ ok: false, problem: 'queue-stopped', problemPrinters: ['testq'], problemCount: 1, jobCount: 3, ownJobCount: 3, ownStuckJobCount: 3 });
    expect(status.finding).toBe('Printing to testq is paused. 3 documents are stuck and not printing on testq.');
    expect(status.printers.find((p) => p.name === 'testq')?.jobs.map((j) => j.user)).toEqual([user, user, user]);
  });

  it('cancels the stuck jobs, re-enables the queue and leaves it empty, enabled and accepting', async () => {
    const cleared = await clearQueueAction.run({ scope: 'own' }, ctx());
    expect(cleared).toMatchObject({ ok: true, printers: ['testq'] });
    const resumed = await resumeQueueAction.run({}, ctx());
    expect(resumed).toMatchObject({ ok: true, printers: ['testq'] });

    expect(await cli('lpstat', '-o', 'testq')).toBe('');
    expect(await cli('lpstat', '-p', 'testq')).toMatch(/^printer testq is idle\.\s+enabled since/);
    expect(await cli('lpstat', '-a', 'testq')).toMatch(/^testq accepting requests since/);
    expect(await printerStatusAction.run({ printer: 'testq' }, ctx())).toMatchObject({ ok: true, problem: 'none', jobCount: 0, ownJobCount: 0 });
  });

  it('runs the printer-queue troubleshooter through the engine and leaves the queue empty, enabled and accepting', async () => {
    const registry = composeRegistries(builtinRegistry(), fixesRegistry());
    const file = new URL('../../../troubleshooters/printer-queue.yaml', import.meta.url).pathname;
    const loaded = await loadTroubleshooterFile(file, registry);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const consents: string[][] = [];
    const events: RunEvent[] = [];
    const stream = runTroubleshooter(
      loaded.troubleshooter,
      {
        exec: createNodeExec(),
        elevation: { request: async () => true },
        interaction: { ask: async (stepId) => Promise.reject(new Error(`unexpected question ${stepId}`)), consent: async (request) => (consents.push(request.changes), true) },
        urlOpener: { open: async () => false },
      },
      { registry, catalogDir: path.dirname(file), platform: 'linux', lang: 'en', env: { ...cups.env, USER: user }, answers: { 'test-page-offer': false, printed: true } },
    );
    for await (const event of stream) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'resolved' });
    const steps = events.filter((e) => e.type === 'step-finished').map((e) => [e.stepId, e.status]);
    expect(steps).toContainEqual(['clear-all', 'fixed']);
    expect(steps).toContainEqual(['resume-all', 'fixed']);
    // Administrator rights were asked only for switching the queue on, not for cancelling own jobs.
    expect(events.filter((e) => e.type === 'consent-requested').map((e) => [e.stepId, e.elevation])).toEqual([
      ['clear-all', false],
      ['resume-all', true],
    ]);
    expect(consents[0]?.[0]).toBe('Cancel your own print jobs that are stuck on the printer with a problem. You will need to print those documents again.');
    expect(await cli('lpstat', '-o', 'testq')).toBe('');
    expect(await cli('lpstat', '-p', 'testq')).toMatch(/^printer testq is idle\.\s+enabled since/);
    expect(await cli('lpstat', '-a', 'testq')).toMatch(/^testq accepting requests since/);
  });

  it('makes a queue that rejects jobs accept them again, leaving the healthy one alone', async () => {
    await cli('cupsenable', 'testq');
    await cli('cupsreject', 'other');
    const status = await printerStatusAction.run({}, ctx());
    expect(status).toMatchObject({ problem: 'queue-rejecting', problemPrinters: ['other'] });
    await resumeQueueAction.run({}, ctx());
    expect(await cli('lpstat', '-a')).toMatch(/^other accepting requests/m);
  });

  it('prints a test page that leaves the queue through the backend', async () => {
    await clearQueueAction.run(clearQueueAction.input.parse({}), ctx());
    await resumeQueueAction.run({ printer: 'testq' }, ctx());
    const page = await testPageAction.run({ printer: 'testq' }, ctx());
    if (!page.available) {
      console.log('printer-live: no CUPS test page file here; test-page path only checked for "not available"');
      expect(page.ok).toBe(false);
      return;
    }
    expect(page).toMatchObject({ ok: true, printer: 'testq' });
    expect(await cli('lpstat', '-W', 'all', '-o', 'testq')).toMatch(/^testq-4\s/m);
  });

  it('refuses an unknown printer and reports a stopped scheduler as the print service being down', async () => {
    expect(await clearQueueAction.run(clearQueueAction.input.parse({ printer: 'nope' }), ctx())).toMatchObject({
      ok: false,
      finding: 'There is no printer called "nope" on this computer. Printers on this computer: other, testq.',
    });
    await cups.stop();
    const status = await printerStatusAction.run({}, ctx());
    expect(status).toMatchObject({ ok: false, problem: 'spooler-down' });
  });
});
