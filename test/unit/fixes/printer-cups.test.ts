/**
 * The CUPS read-out as recorded from CUPS 2.4.2 (`lpstat -l -p`, `lpstat -l -o`, `ipptool -c
 * get-jobs.test`, see test/fixtures/fixes/*.cups24.*): a paused queue with an accented name, a
 * queue CUPS stopped itself after a device error, a printer that does not answer, a held job, job
 * ids with two digits; and the decisions taken from it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearQueueAction, printerStatusAction, restartSpoolerAction, testPageAction } from '../../../core/fixes/printer/actions.ts';
import { cancelJobsCommand, cupsHost, listCommands, usesOtherCupsServer } from '../../../core/fixes/printer/commands.ts';
import { findPrinter } from '../../../core/fixes/printer/match.ts';
import { classifyFault } from '../../../core/fixes/printer/model.ts';
import { combineCups, jobNumber, parseIppJobStates, parseLpstatJobs, parseLpstatPrinters } from '../../../core/fixes/printer/parse-cups.ts';
import { fakeExec, makeContext, type Reply } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const recorded = {
  printers: fixture('lpstat-l-p.cups24.txt'),
  accepting: fixture('lpstat-a.cups24.txt'),
  jobs: fixture('lpstat-l-o.cups24.txt'),
  default: '',
  states: fixture('ipptool-get-jobs.cups24.csv'),
};
/** Nine minutes after the last job of the recording (local time, as lpstat prints it). */
const now = new Date('Mon Nov 30 21:59:30 2026');

describe('lpstat -l -p (multi-line long form)', () => {
  // Parsed inside each test, not at collection time, so mutation runs see which test covers what.
  const queues = () => parseLpstatPrinters(recorded.printers);

  it('reads description, Alerts (printer-state-reasons) and the state message, not the attribute lines', () => {
    expect(queues().map((q) => q.name)).toEqual(['badfile', 'Imprimante-étage-2', 'lpdbad', 'ok', 'serialbad', 'unreach']);
    expect(queues().find((q) => q.name === 'Imprimante-étage-2')).toEqual({
      name: 'Imprimante-étage-2',
      enabled: false,
      reasons: ['Paused'],
      description: 'Imprimante étage 2',
      stateReasons: ['paused'],
    });
    expect(queues().find((q) => q.name === 'serialbad')).toMatchObject({ enabled: false, reasons: ['Unable to open serial port: No such file or directory'], stateReasons: ['paused'] });
    expect(queues().find((q) => q.name === 'ok')).toMatchObject({ enabled: true, reasons: [], description: 'Printer 2e verdieping', stateReasons: [] });
  });

  it('"now printing" is an enabled printer, with the job it prints (id ≥ 10) and its message', () => {
    expect(queues().find((q) => q.name === 'lpdbad')).toMatchObject({ enabled: true, printing: 'lpdbad-17', reasons: ['The printer is in use.'] });
    expect(parseLpstatPrinters('printer P now printing P-123.  enabled since Mon Nov 30 21:49:14 2026\n\tThe printer may not exist or is unavailable at this time.\n')).toEqual([
      { name: 'P', enabled: true, printing: 'P-123', reasons: ['The printer may not exist or is unavailable at this time.'], stateReasons: [] },
    ]);
  });
});

describe('lpstat -l -o and ipptool job states', () => {
  it('decodes accented queue names (%C3%A9) and keeps two-digit ids whole', () => {
    const jobs = parseLpstatJobs(recorded.jobs);
    expect(jobs.map((j) => [j.id, j.printer, j.user])).toEqual([
      ['Imprimante-étage-2-13', 'Imprimante-étage-2', 'root'],
      ['serialbad-16', 'serialbad', 'root'],
      ['lpdbad-17', 'lpdbad', 'root'],
      ['serialbad-18', 'serialbad', 'root'],
      ['ok-19', 'ok', 'root'],
    ]);
    expect(jobs[1]).toMatchObject({ message: 'Unable to open serial port: No such file or directory', alerts: ['resources-are-not-ready'] });
    expect(jobs[4]).toMatchObject({ alerts: ['job-hold-until-specified'] });
    expect(jobNumber('Imprimante-étage-2-13')).toBe('13');
    expect(jobNumber('printer-2-105')).toBe('105');
  });

  it('maps IPP job-state keywords, pending-held and processing-stopped included', () => {
    expect([...parseIppJobStates(recorded.states)]).toEqual([
      ['13', 'pending'],
      ['16', 'pending'],
      ['17', 'processing'],
      ['18', 'pending'],
      ['19', 'held'],
    ]);
    expect(parseIppJobStates('job-id,job-state\n7,processing-stopped\n8,aborted\n9,completed\n10,canceled\n')).toEqual(
      new Map([
        ['7', 'stopped'],
        ['8', 'aborted'],
        ['9', 'completed'],
        ['10', 'canceled'],
      ]),
    );
    expect(parseIppJobStates('garbage')).toEqual(new Map());
  });
});

describe('combined CUPS diagnosis', () => {
  const byName = (name: string) => combineCups(recorded, now).find((p) => p.name === name);

  it('a queue CUPS stopped after a device error is a device error, not a manual pause', () => {
    expect(byName('serialbad')).toMatchObject({ enabled: false, fault: 'device-error' });
    expect(byName('Imprimante-étage-2')).toMatchObject({ enabled: false, fault: 'paused', description: 'Imprimante étage 2' });
    expect(byName('Imprimante-étage-2')?.jobs.map((j) => j.id)).toEqual(['Imprimante-étage-2-13']);
  });

  it("a held job is the employee's choice; a job on a printer in error is stuck", () => {
    expect(byName('ok')?.jobs).toEqual([expect.objectContaining({ id: 'ok-19', state: 'held', error: false })]);
    expect(byName('serialbad')?.jobs.every((j) => j.error)).toBe(true);
  });

  it('a job the printer has not taken for minutes is stuck, a fresh one is not', () => {
    const text = 'P-12 alice 1024 Mon Nov 30 21:40:00 2026\n';
    const lp = 'printer P is idle.  enabled since Mon Nov 30 21:00:00 2026\n';
    const at = (time: string) => combineCups({ printers: lp, accepting: '', jobs: text, default: '' }, new Date(`Mon Nov 30 ${time} 2026`))[0]?.jobs[0]?.error;
    expect(at('21:44:00')).toBe(false);
    expect(at('21:46:00')).toBe(true);
  });

  it('an enabled printer that does not answer makes its jobs stuck at once', () => {
    const lp = 'printer P now printing P-12.  enabled since Mon Nov 30 21:00:00 2026\n\tThe printer may not exist or is unavailable at this time.\n';
    const [p] = combineCups({ printers: lp, accepting: '', jobs: 'P-12 alice 1024 Mon Nov 30 21:40:00 2026\n', default: '' }, new Date('Mon Nov 30 21:40:05 2026'));
    expect(p).toMatchObject({ enabled: true, fault: 'not-responding', jobs: [expect.objectContaining({ error: true })] });
  });

  it('warnings and reports are not faults; -error keywords and offline are', () => {
    expect(classifyFault(true, [], ['toner-low-warning', 'media-low-report'])).toBeUndefined();
    expect(classifyFault(true, [], ['media-jam-error'])).toBe('device-error');
    expect(classifyFault(true, [], ['offline-report'])).toBe('not-responding');
    expect(
      classifyFault(
        false,
        ['Paused'].filter((r) => r !== 'Paused'),
        ['paused'],
      ),
    ).toBe('paused');
  });
});

describe('display names', () => {
  const printers = () => combineCups(recorded, now);

  it('matches the name the desktop shows, spaces for underscores, any case; ambiguity is no match', () => {
    expect(findPrinter(printers(), 'Printer 2e verdieping')?.name).toBe('ok');
    expect(findPrinter(printers(), 'imprimante étage 2')?.name).toBe('Imprimante-étage-2');
    expect(findPrinter(printers(), 'Imprimante-étage-2')?.name).toBe('Imprimante-étage-2');
    expect(findPrinter([{ ...printers()[0]!, name: 'Printer_2e_verdieping', description: undefined }], 'Printer 2e verdieping')?.name).toBe('Printer_2e_verdieping');
    const twins = [
      { ...printers()[0]!, name: 'A', description: 'Same' },
      { ...printers()[0]!, name: 'B', description: 'same' },
    ];
    expect(findPrinter(twins, 'SAME')).toBeUndefined();
  });
});

/** A CUPS machine scripted from the recording; `over` replaces replies. */
function cupsMachine(over: Record<string, Reply | Reply[]> = {}) {
  return fakeExec({
    'lpstat -l -p': { stdout: recorded.printers },
    'lpstat -a': { stdout: recorded.accepting },
    'lpstat -l -o': { stdout: recorded.jobs },
    'lpstat -d': { stdout: '' },
    ipptool: { stdout: recorded.states },
    cancel: {},
    cupsenable: {},
    cupsaccept: {},
    systemctl: {},
    launchctl: {},
    lp: { stdout: 'request id is ok-20 (1 file(s))\n' },
    ...over,
  });
}

describe('printer actions on the recorded CUPS state', () => {
  it('names the cause for IT and the employee, and lists printers to choose from by display name', async () => {
    const status = await printerStatusAction.run({ printer: 'serialbad' }, makeContext({ exec: cupsMachine(), platform: 'linux', now: () => now }));
    expect(status).toMatchObject({ problem: 'queue-stopped', cause: 'device-error', pausedBySystem: true });
    expect(status.finding).toBe('serialbad reports a fault with the printer itself or its connection. 2 documents are stuck and not printing on serialbad.');
    expect(status.causeDetail).toContain('message: Unable to open serial port: No such file or directory');
    expect(status.printerChoices).toContainEqual({ value: 'ok', label: 'Printer 2e verdieping' });
  });

  it('"no printer called X" lists the names the employee can use; a display name is found', async () => {
    const ctx = makeContext({ exec: cupsMachine(), platform: 'linux', lang: 'nl', now: () => now });
    const missing = await printerStatusAction.run({ printer: 'Printer 3e verdieping' }, ctx);
    expect(missing).toMatchObject({ problem: 'unknown-printer', cause: 'unknown-printer' });
    expect(missing.finding).toMatch(/^Er is geen printer met de naam "Printer 3e verdieping" op deze computer\. Printers op deze computer: badfile, Imprimante étage 2, .*Printer 2e verdieping/);
    expect(await printerStatusAction.run({ printer: 'Printer 2e verdieping' }, ctx)).toMatchObject({ problem: 'none', printers: [expect.objectContaining({ name: 'ok' })] });
  });

  it("cancels only the employee's stuck jobs, by number, on the queue behind a display name", async () => {
    const exec = cupsMachine();
    const result = await clearQueueAction.run({ printer: 'Imprimante étage 2', scope: 'own' }, makeContext({ exec, platform: 'linux', env: { USER: 'root' }, now: () => now }));
    expect(result).toMatchObject({ ok: true, printers: ['Imprimante-étage-2'], cancelled: 1 });
    expect(exec.lines().filter((l) => l.startsWith('cancel'))).toEqual(['cancel 13']);
    const nobody = cupsMachine();
    await clearQueueAction.run({ scope: 'own' }, makeContext({ exec: nobody, platform: 'linux', env: { USER: 'alice' }, now: () => now }));
    expect(nobody.lines().filter((l) => l.startsWith('cancel'))).toEqual([]);
  });

  it('never builds a bare "cancel" (it would cancel the default printer\'s current job)', () => {
    expect(() => cancelJobsCommand('linux', 'P', [])).toThrow();
    expect(cancelJobsCommand('linux', 'P', ['P-12', 'P-105']).args).toEqual(['12', '105']);
  });
});

describe("print service restart: only this computer's, only when it is down", () => {
  it('is refused when CUPS_SERVER names another scheduler', async () => {
    for (const server of ['print.example.test', '127.0.0.1:43051', 'cups.corp:631/version=1.1']) {
      const exec = cupsMachine({ 'lpstat -l -p': { exitCode: 1, stderr: 'lpstat: Scheduler is not running.' } });
      const result = await restartSpoolerAction.run({}, makeContext({ exec, platform: 'linux', env: { CUPS_SERVER: server } }));
      expect(result).toMatchObject({ ok: false, cause: 'other-print-server' });
      expect(exec.lines().some((l) => l.startsWith('systemctl'))).toBe(false);
    }
    expect(usesOtherCupsServer({ CUPS_SERVER: '/run/cups/cups.sock' })).toBe(false);
    expect(usesOtherCupsServer({ CUPS_SERVER: 'localhost:631' })).toBe(false);
    expect(usesOtherCupsServer({})).toBe(false);
  });

  it('restarts the local service when it does not answer, and leaves a running one alone', async () => {
    const down = cupsMachine({ 'lpstat -l -p': { exitCode: 1, stderr: 'lpstat: Scheduler is not running.' } });
    expect(await restartSpoolerAction.run({}, makeContext({ exec: down, platform: 'linux' }))).toMatchObject({ ok: true });
    expect(down.lines()).toContain('systemctl restart cups');
    const mac = cupsMachine({ 'lpstat -l -p': { exitCode: 1, stderr: 'lpstat: Bad file descriptor' } });
    await restartSpoolerAction.run({}, makeContext({ exec: mac, platform: 'darwin' }));
    expect(mac.lines()).toContain('launchctl kickstart -k system/org.cups.cupsd');
    const up = cupsMachine();
    expect(await restartSpoolerAction.run({}, makeContext({ exec: up, platform: 'linux' }))).toMatchObject({ ok: true, finding: 'Nothing needed to be changed.' });
    expect(up.lines().some((l) => l.startsWith('systemctl'))).toBe(false);
  });
});

describe('ipptool argv', () => {
  it('asks the scheduler CUPS_SERVER names (host:port), else localhost; a socket path is the local one', () => {
    expect(listCommands('linux', { CUPS_SERVER: '127.0.0.1:631' }).states?.args).toEqual(['-c', '-T', '5', 'ipp://127.0.0.1:631/', 'get-jobs.test']);
    expect(cupsHost({ CUPS_SERVER: '/run/cups/cups.sock' })).toBe('localhost');
    expect(cupsHost({ CUPS_SERVER: 'evil host; rm' })).toBe('localhost');
    expect(cupsHost({})).toBe('localhost');
  });
});

describe("test page judged by the job's final state", () => {
  const ctx = (exec: ReturnType<typeof fakeExec>) => makeContext({ exec, platform: 'linux', now: () => now, timeoutMs: 30_000 });

  it('completed: the printer took it', async () => {
    const exec = cupsMachine({
      'ipptool -c -T 5 ipp://localhost/printers/ok get-completed-jobs.test': { stdout: 'job-id,job-state\n20,completed\n' },
    });
    const page = await testPageAction.run({ printer: 'Printer 2e verdieping' }, ctx(exec));
    expect(page).toMatchObject({ ok: true, printer: 'ok', jobId: 'ok-20', jobState: 'completed' });
    expect(exec.lines()).toContain('lp -d ok -t Firstline test page /usr/share/cups/data/default-testpage.pdf');
  });

  it('aborted: not fixed, and says the document stopped', async () => {
    const exec = cupsMachine({ 'ipptool -c -T 5 ipp://localhost/printers/ok get-completed-jobs.test': { stdout: 'job-id,job-state\n20,aborted\n' } });
    const page = await testPageAction.run({ printer: 'ok' }, ctx(exec));
    expect(page).toMatchObject({ ok: false, jobState: 'aborted', cause: 'job-stopped' });
    expect(page.finding).toBe('The test page did not print on Printer 2e verdieping. A document on Printer 2e verdieping stopped printing and does not go on.');
  });

  it('stuck behind a printer that does not answer: gives up early, cancels the page, names the cause', async () => {
    const lp = 'printer ok now printing ok-20.  enabled since Mon Nov 30 21:00:00 2026\n\tThe printer may not exist or is unavailable at this time.\n\tDescription: Printer 2e verdieping\n';
    const exec = cupsMachine({
      'lpstat -l -p': { stdout: lp },
      'lpstat -l -o': { stdout: 'ok-20 root 1024 Mon Nov 30 21:59:30 2026\n\tStatus: The printer may not exist or is unavailable at this time.\n\tAlerts: job-printing\n' },
      ipptool: { stdout: 'job-id,job-state\n20,processing\n' },
    });
    const started = performance.now();
    const page = await testPageAction.run({ printer: 'ok' }, ctx(exec));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(page).toMatchObject({ ok: false, jobState: 'processing', cause: 'printer-not-responding' });
    expect(page.finding).toBe('The test page did not print on Printer 2e verdieping. Printer 2e verdieping does not respond. It may be switched off or not connected.');
    expect(exec.lines()).toContain('cancel 20');
  });
});

describe('macOS (CUPS 2.3.4) and Windows recorded shapes', () => {
  // Shape captured on macOS 26.4 / CUPS 2.3.4 (published with a public print agent's sources):
  // `cupsdisable` without a reason says "reason unknown"; an unplugged USB printer stays enabled
  // with "The printer is offline." and Alerts offline-report connecting-to-device.
  const mac = () => combineCups({ printers: fixture('lpstat-l-p.macos-cups234.txt'), accepting: fixture('lpstat-a.macos-cups234.txt'), jobs: '', default: '' }, now);

  it('a queue paused by hand on macOS is "paused"; an offline printer with its queue on is "not responding"', () => {
    expect(mac().map((p) => [p.name, p.enabled, p.fault, p.stateReasons])).toEqual([
      ['zd621_net', false, 'paused', []],
      ['zd621_usb', true, 'not-responding', ['offline-report', 'connecting-to-device']],
    ]);
  });

  it('the offline printer is a problem even with nothing queued (a test page is then the proof)', async () => {
    const exec = fakeExec({
      'lpstat -l -p': { stdout: fixture('lpstat-l-p.macos-cups234.txt').replace(/^printer zd621_net[^\n]*\n\treason unknown\n/, '') },
      'lpstat -a': { stdout: '' },
      'lpstat -l -o': { stdout: '' },
      'lpstat -d': {},
      ipptool: { exitCode: 1 },
    });
    const status = await printerStatusAction.run({}, makeContext({ exec, platform: 'darwin', now: () => now }));
    expect(status).toMatchObject({ ok: false, problem: 'printer-fault', cause: 'printer-not-responding', ownStuckJobCount: 0 });
    expect(status.finding).toBe('zd621_usb does not respond. It may be switched off or not connected.');
  });

  it('Windows JobStatus values map onto job states (recorded 8210 = Error|Printing|Retained, 8208 = Printing|Retained)', async () => {
    const { jobState } = await import('../../../core/fixes/printer/parse-windows.ts');
    expect([8210, 8208, 0, 1, 128, 4096, 256, 'Offline', 'Paused', 'Printing, Retained', 'Printed'].map(jobState)).toEqual([
      'stopped',
      'processing',
      'pending',
      'held',
      'completed',
      'completed',
      'canceled',
      'stopped',
      'held',
      'processing',
      'completed',
    ]);
  });

  it('Windows cancels by id through the environment only; ids that are not numbers never reach the script', () => {
    const argv = cancelJobsCommand('win32', 'Kyocera TASKalfa 3253ci (2nd floor)', ['42', '7; Remove-Printer x', '105']);
    expect(argv.file).toBe('powershell.exe');
    expect(argv.env).toEqual({ FIRSTLINE_PRINTER: 'Kyocera TASKalfa 3253ci (2nd floor)', FIRSTLINE_JOB_IDS: '42,105' });
    expect(argv.args.join(' ')).not.toContain('Kyocera');
  });
});

describe('the printer question offers the listed printers', () => {
  it("choices-from turns the status check's printerChoices into a list; a label typed at the CLI picks its queue; nothing listed asks for text", async () => {
    const { buildQuestion, listedChoices, validateAnswer } = await import('../../../core/engine/runner.ts');
    const step = {
      id: 'printer-name',
      type: 'ask',
      title: { en: 'Which printer?' },
      prompt: { en: 'Which printer?' },
      answer: 'choice',
      'choices-from': '${{ steps.status.result.printerChoices }}',
      pattern: '[^\\s-][^\\r\\n]{0,254}',
    } as const;
    const listed = listedChoices([{ value: 'Printer_2e_verdieping', label: 'Printer 2e verdieping' }, { value: 5 }, null, { value: 'ok', label: '' }]);
    expect(listed).toEqual([
      { value: 'Printer_2e_verdieping', label: 'Printer 2e verdieping' },
      { value: 'ok', label: 'ok' },
    ]);
    const question = buildQuestion(step as never, 'en', listed);
    expect(question).toEqual({ type: 'choice', prompt: 'Which printer?', choices: listed });
    expect(validateAnswer(question, 'printer 2E verdieping')).toBe('Printer_2e_verdieping');
    expect(validateAnswer(question, 'Printer_2e_verdieping')).toBe('Printer_2e_verdieping');
    expect(validateAnswer(question, 'Printer 9')).toBeUndefined();
    expect(buildQuestion(step as never, 'en', [])).toMatchObject({ type: 'text', pattern: '[^\\s-][^\\r\\n]{0,254}' });
  });
});
