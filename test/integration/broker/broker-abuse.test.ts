/**
 * Abuse of the live broker by unprivileged local users: unknown operations, injection in
 * arguments, a flood of 1,000 requests, forged identity proofs, a client killed mid-request and
 * two callers at once. The broker's PATH holds only logging shims: the command log proves that
 * nothing outside the closed list ever ran.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundle,
  canRunLive,
  cupsdPath,
  ensureUser,
  makeBench,
  makeShims,
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
if (!live) console.log(`broker-abuse: skipped, ${cupsdPath ? skipReason : 'cupsd is not installed (CI installs cups via .ci/install-fixes.sh)'}`);

describe.skipIf(!live)('elevation broker under abuse, live on Linux', () => {
  let bench: Bench;
  let cups: Cups;
  let broker: BrokerProcess;
  let shims: Awaited<ReturnType<typeof makeShims>>;
  let client: string;
  let mallory: Account;
  let other: Account;

  beforeAll(async () => {
    [mallory, other] = [await ensureUser('fl-employee'), await ensureUser('fl-other')];
    bench = await makeBench();
    cups = await startStrictCups(bench);
    await cups.cli('lpadmin', '-p', 'office', '-E', '-v', 'file:///dev/null', '-m', 'raw');
    shims = await makeShims(bench);
    broker = await startBroker(bench, await bundle(bench, 'broker/main.ts', 'firstline-broker'), { cupsServer: cups.socket, shimPath: shims.path, rate: '40/600', name: 'abuse' });
    client = await bundle(bench, 'test/integration/broker/abuse-client.ts', 'abuse-client', 'esm');
  }, 60_000);
  afterAll(async () => {
    await broker?.stop();
    await cups?.stop();
    await bench?.cleanup();
  });

  const as = async (account: Account, scenario: string, arg = '') => {
    const result = await runAs(account, process.execPath, [client, broker.socket, broker.proofDir, scenario, arg], { PATH: '/usr/bin:/bin' }, 120_000);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout.trim()) as unknown;
  };

  it('refuses unknown operations and injected arguments with typed errors', async () => {
    const requests = [
      { op: 'shell.exec', args: { queue: 'office' } },
      { op: 'printer.resume;id', args: { queue: 'office' } },
      { op: '../../bin/sh', args: {} },
      { op: 'printer.resume', args: { queue: '-E' } },
      { op: 'printer.resume', args: { queue: '--help' } },
      { op: 'printer.resume', args: { queue: 'office;reboot' } },
      { op: 'printer.resume', args: { queue: 'office\nreboot' } },
      { op: 'printer.resume', args: { queue: '../../etc/passwd' } },
      { op: 'printer.resume', args: { queue: 'office\u0000' } },
      { op: 'printer.resume', args: { queue: 'x'.repeat(10_240) } },
      { op: 'printer.resume', args: { queue: 'someone-elses-printer' } },
      { op: 'network.renew-dhcp', args: { adapter: 'eth0; rm -rf /' } },
      { op: 'printer.restart-spooler', args: { queue: 'office' } },
    ];
    expect(await as(mallory, 'requests', JSON.stringify(requests))).toEqual([
      'unknown-op',
      'unknown-op',
      'unknown-op',
      'bad-args',
      'bad-args',
      'not-found',
      'bad-args',
      'not-found',
      'bad-args',
      'bad-request',
      'not-found',
      'not-found',
      'bad-args',
    ]);
  }, 60_000);

  it('does not believe a caller that cannot prove who it is', async () => {
    expect(await as(mallory, 'no-proof')).toBe('identity');
    expect(await as(mallory, 'wrong-token')).toBe('identity');
    expect(await as(mallory, 'symlink-proof')).toBe('identity');
    const refused = (await broker.audit()).filter((l) => l.code === 'identity');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused.every((l) => l.uid === null)).toBe(true);
  }, 60_000);

  it('survives a client killed mid-request and leaves no proof file behind', async () => {
    await runAs(mallory, process.execPath, [client, broker.socket, broker.proofDir, 'die'], { PATH: '/usr/bin:/bin' });
    // Bounded wait for the broker to notice the closed socket.
    let left: string[] = [];
    for (let i = 0; i < 100; i++) {
      left = await readdir(broker.proofDir);
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(left).toEqual([]);
    expect(await as(other, 'status')).toMatchObject({ type: 'status', enabled: true });
  }, 60_000);

  it('holds the rate limit over 1,000 requests per caller, stays up, and serves a second caller at the same time', async () => {
    const [flood, second] = await Promise.all([as(mallory, 'flood', '1000'), as(other, 'flood', '5')]);
    const counts = flood as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1000);
    // 40 per 10 minutes for each caller, including mallory's earlier requests.
    expect(counts['result:true'] ?? 0).toBeLessThanOrEqual(40);
    expect(counts['rate-limited']).toBeGreaterThanOrEqual(960);
    expect(second).toEqual({ 'result:true': 5 });
    expect(broker.child.exitCode).toBeNull();
    const audit = await broker.audit();
    expect(audit.filter((l) => l.uid === other.uid && l.result === 'ok')).toHaveLength(5);
    // A flood is recorded once, not 960 times.
    expect(audit.filter((l) => l.uid === mallory.uid && l.code === 'rate-limited')).toHaveLength(1);
  }, 180_000);

  it('ran nothing outside the closed list (command log)', async () => {
    const allowed = new Set(['lpstat\t-p', 'ip\t-j\tlink\tshow', 'resolvectl\tflush-caches', 'cupsenable\toffice', 'cupsaccept\toffice']);
    const ran = (await shims.commands()).map((c) => c.join('\t'));
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((c) => !allowed.has(c))).toEqual([]);
  });
});
