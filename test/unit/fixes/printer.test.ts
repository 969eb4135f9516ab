import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearQueueAction, printerStatusAction, resumeQueueAction, testPageAction } from '../../../core/fixes/printer/actions.ts';
import { windowsScripts } from '../../../core/fixes/printer/commands.ts';
import { combineCups } from '../../../core/fixes/printer/parse-cups.ts';
import { jobInError, parseGetPrinter, parseGetPrintJob } from '../../../core/fixes/printer/parse-windows.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const ps = (script: string) => `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command ${script}`;

describe('CUPS lpstat output', () => {
  it('combines printer state, acceptance, jobs (printer names with dashes) and the default', () => {
    const now = new Date('Tue Nov 24 19:39:00 2026');
    const printers = combineCups({ printers: fixture('lpstat-p.txt'), accepting: fixture('lpstat-a.txt'), jobs: fixture('lpstat-o.txt'), default: fixture('lpstat-d.txt') }, now);
    const since = (local: string) => new Date(local).toISOString();
    expect(printers).toEqual([
      { name: 'other', enabled: true, accepting: true, isDefault: true, reasons: [], stateReasons: [], jobs: [] },
      {
        name: 'testq',
        enabled: false,
        accepting: false,
        isDefault: false,
        reasons: ['Paused'],
        stateReasons: [],
        fault: 'paused',
        jobs: [
          { id: 'testq-1', user: 'root', error: false, since: since('Tue Nov 24 19:37:49 2026') },
          { id: 'testq-2', user: 'root', error: false, since: since('Tue Nov 24 19:37:49 2026') },
        ],
      },
    ]);
  });
});

describe('Windows print cmdlets', () => {
  it('parses recorded Get-PrintJob JSON, numeric JobStatus flags included, one object or many', () => {
    expect(parseGetPrintJob(fixture('get-printjob.json'))).toEqual([
      { id: '42', printer: 'Kyocera TASKalfa 3253ci (2nd floor)', user: 'jdupont', title: 'Quarterly report.docx', error: true, state: 'stopped' },
      { id: '43', printer: 'Kyocera TASKalfa 3253ci (2nd floor)', user: 'mpeeters', title: 'Invoice 2026-117.pdf', error: false, state: 'processing' },
    ]);
    expect(parseGetPrintJob(fixture('get-printjob.single.json'))).toHaveLength(1);
    expect(parseGetPrintJob('')).toEqual([]);
    expect(jobInError('Paused')).toBe(true);
    expect(jobInError('Spooling, Printing')).toBe(false);
  });

  it('reads printers with stringified status and the default flag', () => {
    const printers = parseGetPrinter(fixture('get-printer.json'), fixture('get-printjob.json'));
    expect(printers?.map((p) => [p.name, p.enabled, p.isDefault, p.reasons, p.jobs.length])).toEqual([
      ['OneNote (Desktop)', true, false, [], 0],
      ['Microsoft Print to PDF', true, false, [], 0],
      ['Kyocera TASKalfa 3253ci (2nd floor)', false, true, ['Error'], 2],
    ]);
  });

  const windows = () =>
    fakeExec({
      [ps(windowsScripts.printers)]: { stdout: fixture('get-printer.json') },
      [ps(windowsScripts.jobs)]: { stdout: fixture('get-printjob.json') },
      'powershell.exe': {},
    });

  it('diagnoses the Windows queue in error', async () => {
    const exec = windows();
    const status = await printerStatusAction.run({}, makeContext({ exec, platform: 'win32', lang: 'nl' }));
    expect(status).toMatchObject({ ok: false, problem: 'queue-stopped', cause: 'device-error', problemPrinters: ['Kyocera TASKalfa 3253ci (2nd floor)'], jobCount: 2 });
    expect(status.finding).toBe(
      'Kyocera TASKalfa 3253ci (2nd floor) meldt een fout in de printer zelf of in de verbinding ermee. Er zitten 2 documenten vast die niet afdrukken op Kyocera TASKalfa 3253ci (2nd floor).',
    );
  });

  it("removes only the employee's stuck jobs by id, passing printer and ids through the environment, never the script", async () => {
    const exec = windows();
    const result = await clearQueueAction.run({ scope: 'own' }, makeContext({ exec, platform: 'win32', env: { USERNAME: 'jdupont' } }));
    expect(result).toMatchObject({ ok: true, printers: ['Kyocera TASKalfa 3253ci (2nd floor)'], cancelled: 1 });
    const call = exec.calls.at(-1);
    expect(call?.args.at(-1)).toBe(windowsScripts.cancelOwnByIds);
    // Job 43 is stuck too (the printer is stopped) but belongs to mpeeters: not ours to cancel.
    expect(call?.options.env).toMatchObject({ FIRSTLINE_PRINTER: 'Kyocera TASKalfa 3253ci (2nd floor)', FIRSTLINE_JOB_IDS: '42', USERNAME: 'jdupont' });
  });

  it('resumes the queue, restarts the spooler and prints a test page with fixed scripts', async () => {
    const exec = windows();
    const ctx = makeContext({ exec, platform: 'win32' });
    await resumeQueueAction.run({}, ctx);
    await testPageAction.run({}, ctx);
    const scripts = exec.calls.map((c) => c.args.at(-1));
    expect(scripts).toContain(windowsScripts.resume);
    expect(scripts).toContain(windowsScripts.testPage);
    expect(exec.calls.find((c) => c.args.at(-1) === windowsScripts.testPage)?.options.env?.FIRSTLINE_PRINTER).toBe('Kyocera TASKalfa 3253ci (2nd floor)');
  });
});

describe('CUPS argv', () => {
  const cups = () =>
    fakeExec({
      'lpstat -l -p': { stdout: fixture('lpstat-p.txt') },
      'lpstat -a': { stdout: fixture('lpstat-a.txt') },
      'lpstat -l -o': { stdout: fixture('lpstat-o.txt') },
      'lpstat -d': { stdout: fixture('lpstat-d.txt') },
      cancel: {},
      cupsenable: {},
      cupsaccept: {},
      launchctl: {},
    });

  it('cancels own jobs by id (not "cancel -u", which CUPS refuses a non-admin), re-enables and re-accepts, with the name as one argument', async () => {
    const exec = cups();
    const ctx = makeContext({ exec, platform: 'darwin', env: { USER: 'root' } });
    await clearQueueAction.run(clearQueueAction.input.parse({}), ctx);
    await resumeQueueAction.run({}, ctx);
    const changes = exec.lines().filter((l) => !l.startsWith('lpstat') && !l.startsWith('ipptool'));
    expect(changes).toEqual(['cancel 1 2', 'cupsenable testq', 'cupsaccept testq']);
    expect(exec.calls[0]?.options.env?.LC_ALL).toBe('C');
  });

  it('refuses names that would be read as options and reports missing CUPS as not available', async () => {
    expect(clearQueueAction.input.safeParse({ printer: '-a' }).success).toBe(false);
    const none = await printerStatusAction.run({}, makeContext({ exec: fakeExec({}), platform: 'linux' }));
    expect(none).toMatchObject({ ok: false, available: false, problem: 'not-available' });
  });

  it('says when no printer is set up', async () => {
    const exec = fakeExec({ 'lpstat -l -p': { exitCode: 1, stderr: 'lpstat: No destinations added.' }, lpstat: {} });
    const status = await printerStatusAction.run({}, makeContext({ exec, platform: 'linux', lang: 'de' }));
    expect(status).toMatchObject({ ok: false, problem: 'no-printers', finding: 'Auf diesem Computer ist kein Drucker eingerichtet.' });
  });
});
