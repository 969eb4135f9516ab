/**
 * Acceptance for the elevation broker on Linux: an employee without any rights runs the printer
 * troubleshooter (the CLI, as an unprivileged user) against a private CUPS that reserves switching
 * a queue on for root. With the broker running as root the way its service starts it, a paused
 * and rejecting queue holding the employee's own job ends fixed — checked with lpstat, not with
 * Firstline's words — and the audit log names the employee's uid. With the broker turned off by
 * policy, the same fault ends honestly: refused for lack of rights, queue untouched, no command run.
 */
import { writeFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundle,
  bundleCli,
  canRunLive,
  cupsdPath,
  ensureUser,
  makeBench,
  makeShims,
  repoRoot,
  runAs,
  skipReason,
  startBroker,
  startStrictCups,
  type Account,
  type Bench,
  type BrokerProcess,
  type Cups,
} from './harness.ts';

const live = canRunLive && cupsdPath !== undefined;
if (!live) console.log(`broker-live: skipped, ${cupsdPath ? skipReason : 'cupsd is not installed (CI installs cups via .ci/install-fixes.sh)'}`);

describe.skipIf(!live)('elevation broker, live on Linux', () => {
  let bench: Bench;
  let cups: Cups;
  let broker: BrokerProcess;
  let shims: Awaited<ReturnType<typeof makeShims>>;
  let employee: Account;
  let doc: string;
  let cli: string;

  beforeAll(async () => {
    employee = await ensureUser('fl-employee');
    bench = await makeBench();
    cups = await startStrictCups(bench);
    shims = await makeShims(bench);
    broker = await startBroker(bench, await bundle(bench, 'broker/main.ts', 'firstline-broker'), { cupsServer: cups.socket, shimPath: shims.path });
    cli = await bundleCli();
    doc = path.join(bench.dir, 'report.txt');
    await writeFile(doc, 'quarterly report\n', { mode: 0o644 });
  }, 60_000);
  afterAll(async () => {
    await broker?.stop();
    await cups?.stop();
    await bench?.cleanup();
  });

  /** A queue that is paused and rejecting, with one pending job of the employee's own. */
  const breakQueue = async (queue: string) => {
    await cups.cli('lpadmin', '-p', queue, '-E', '-v', 'file:///dev/null', '-m', 'raw');
    await cups.cli('cupsdisable', queue);
    const submitted = await runAs(employee, '/usr/bin/lp', ['-d', queue, '-t', 'report', doc], cups.env);
    expect(submitted.stderr).toBe('');
    await cups.cli('cupsreject', queue);
    expect(await cups.cli('lpstat', '-p', queue)).toMatch(/disabled/);
    expect(await cups.cli('lpstat', '-a', queue)).toMatch(/not accepting/);
  };

  /** The printer troubleshooter through the CLI, as the employee, with only the environment a session has. */
  const troubleshoot = () =>
    runAs(
      employee,
      process.execPath,
      [cli, 'run', 'printer-queue', '--catalog', path.join(repoRoot, 'troubleshooters'), '--json', '--yes', '--answer', 'test-page-offer=false', '--answer', 'printed=true'],
      {
        PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
        HOME: bench.dir,
        USER: employee.name,
        LOGNAME: employee.name,
        CUPS_SERVER: cups.socket,
        FIRSTLINE_BROKER_SOCKET: broker.socket,
        FIRSTLINE_BROKER_PROOF_DIR: broker.proofDir,
      },
      90_000,
    );
  const events = (stdout: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('the employee has no rights of their own: switching the queue on directly is forbidden', async () => {
    await breakQueue('norights');
    const direct = await runAs(employee, '/usr/sbin/cupsenable', ['norights'], cups.env);
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/forbidden/i);
    expect(await cups.cli('lpstat', '-p', 'norights')).toMatch(/disabled/);
    await cups.cli('lpadmin', '-x', 'norights');
  });

  it("fixes a paused, rejecting queue with the employee's pending job through the broker, audited", async () => {
    await breakQueue('office');
    const result = await troubleshoot();
    const stream = events(result.stdout);
    expect(stream.at(-1), result.stderr).toMatchObject({ type: 'run-finished', outcome: 'resolved' });
    expect(stream).toContainEqual(expect.objectContaining({ type: 'fix-applied', stepId: 'resume-all', action: 'printer.resume', ok: true, elevatedBy: 'broker' }));
    expect(stream).toContainEqual(expect.objectContaining({ type: 'step-finished', stepId: 'resume-all', status: 'fixed' }));
    // One consent for the step, no password prompt, and no refusal.
    expect(stream.filter((e) => e.type === 'consent-requested' && e.stepId === 'resume-all')).toHaveLength(1);
    expect(stream.some((e) => e.type === 'elevation-refused')).toBe(false);

    // Independent check, with CUPS's own tool.
    expect(await cups.cli('lpstat', '-p', 'office')).toMatch(/^printer office is idle\.\s+enabled since/);
    expect(await cups.cli('lpstat', '-a', 'office')).toMatch(/^office accepting requests since/);
    expect(await cups.cli('lpstat', '-o', 'office')).toBe('');

    const lines = await broker.audit();
    expect(lines).toContainEqual(
      expect.objectContaining({
        uid: employee.uid,
        op: 'printer.resume',
        args: { queue: 'office' },
        result: 'ok',
        commands: [
          { file: 'cupsenable', args: ['office'], exitCode: 0 },
          { file: 'cupsaccept', args: ['office'], exitCode: 0 },
        ],
      }),
    );
    const log = await stat(broker.auditLog);
    expect([log.uid, log.mode & 0o777]).toEqual([0, 0o600]);
    // The broker ran the list look-up and the two commands of printer.resume — nothing else.
    expect((await shims.commands()).map((c) => c.join(' '))).toEqual(['lpstat -p', 'cupsenable office', 'cupsaccept office']);
  }, 120_000);

  it('turned off by policy, the same fault ends honestly: no rights, queue untouched, nothing run', async () => {
    await writeFile(broker.policyFile, JSON.stringify({ brokerEnabled: false }));
    const before = (await shims.commands()).length;
    await breakQueue('second');
    const result = await troubleshoot();
    const stream = events(result.stdout);
    expect(stream.at(-1), result.stderr).toMatchObject({ type: 'run-finished' });
    expect(stream.at(-1)).toMatchObject({ outcome: 'needs-human', reasonCode: 'needs-rights' });
    expect(stream).toContainEqual(expect.objectContaining({ type: 'elevation-refused', stepId: 'resume-all' }));
    expect(stream).toContainEqual(expect.objectContaining({ type: 'step-finished', stepId: 'resume-all', status: 'refused' }));
    expect(stream.some((e) => e.elevatedBy === 'broker')).toBe(false);
    expect(await cups.cli('lpstat', '-p', 'second')).toMatch(/disabled/);
    expect((await shims.commands()).length).toBe(before);
  }, 120_000);
});
