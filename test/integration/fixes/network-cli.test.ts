/**
 * The acceptance figure: `firstline run network --json` with every probe target on loopback
 * finishes with a plain diagnosis within the largest single probe timeout plus a small margin.
 * Runs the real CLI as a child process; the time is the run's own (run-started → run-finished).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDns, type LoopbackDns } from './loopback-dns.ts';
import { closedPort, startHttp } from './loopback.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const linux = process.platform === 'linux';
if (!linux) console.log('network-cli: skipped, the live probes use the Linux command layer');

const largestTimeoutMs = 1500;
// cli/commands/run.ts: the exit code is the run's outcome, whatever the diagnosis.
const exitCodeOf: Record<string, number> = { resolved: 0, 'not-resolved': 1, 'needs-human': 1, error: 2, cancelled: 3 };
const marginMs = 500;

describe.skipIf(!linux)('firstline run network --json against loopback targets', () => {
  let dns: LoopbackDns;
  let web: Awaited<ReturnType<typeof startHttp>>;
  let dir: string;

  beforeAll(async () => {
    dns = await startLoopbackDns({ 'intranet.firstline.test': '127.0.0.1' });
    web = await startHttp(200);
    dir = await mkdtemp(path.join(tmpdir(), 'firstline-net-cli-'));
  });
  afterAll(async () => {
    await Promise.all([dns.close(), web.close(), rm(dir, { recursive: true, force: true })]);
  });

  const runCli = async (dnsServer: string) => {
    const policy = path.join(dir, 'policy.json');
    await writeFile(
      policy,
      JSON.stringify({
        networkProbes: {
          dns: { name: 'intranet.firstline.test', servers: [dnsServer], timeoutMs: largestTimeoutMs },
          internalUrl: { url: web.url, timeoutMs: largestTimeoutMs },
          externalUrl: { url: web.url, timeoutMs: largestTimeoutMs },
          gateway: { host: '127.0.0.1', tcpPort: await closedPort(), timeoutMs: largestTimeoutMs },
          local: { timeoutMs: largestTimeoutMs },
        },
      }),
    );
    const { stdout, code } = await new Promise<{ stdout: string; code: number }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'run', 'network', '--json', '--policy', policy], { cwd: repo, timeout: 60_000 }, (error, out) =>
        resolve({ stdout: out, code: error ? Number((error as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0 }),
      );
    });
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const result = events.find((e) => e.type === 'action-result' && e.action === 'network.diagnose');
    const finished = events.find((e) => e.type === 'run-finished');
    const diagnosis = (result?.result as { finding?: string; problem?: string } | undefined) ?? {};
    // The engine shows the action's own sentence when the step has no author-written finding.
    const stepEnd = events.find((e) => e.type === 'step-finished' && e.stepId === 'diagnose');
    expect(stepEnd?.finding).toBe(diagnosis.finding);
    expect(result?.finding).toBe(diagnosis.finding);
    const outcome = String(finished?.outcome);
    expect(Object.keys(exitCodeOf)).toContain(outcome);
    expect({ code, outcome }).toEqual({ code: exitCodeOf[outcome], outcome });
    return { code, events, result, finished, diagnosis };
  };

  it('prints NDJSON with a plain diagnosis and finishes within the largest probe timeout plus a margin', async () => {
    const { code, finished, diagnosis } = await runCli(`127.0.0.1:${dns.port}`);
    console.log(`network-cli: run took ${Math.round(Number(finished?.durationMs))} ms (budget ${largestTimeoutMs} + ${marginMs} ms); diagnosis: ${diagnosis.finding}`);
    expect(diagnosis.finding).toMatch(/\.$/);
    expect(Number(finished?.durationMs)).toBeLessThan(largestTimeoutMs + marginMs);
    if (diagnosis.problem === 'none') expect({ code, outcome: finished?.outcome }).toEqual({ code: 0, outcome: 'resolved' });
    expect(dns.queries).toContain('intranet.firstline.test');
    expect(web.hits()).toBe(2);
  });

  it('diagnoses a DNS server that never answers within the same budget', async () => {
    const { createSocket } = await import('node:dgram');
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const { result, diagnosis } = await runCli(`127.0.0.1:${silent.address().port}`);
      console.log(`network-cli: diagnosis with a silent DNS server took ${Math.round(Number(result?.durationMs))} ms: ${diagnosis.finding}`);
      expect(diagnosis.problem).toBe('dns-failed');
      expect(Number(result?.durationMs)).toBeLessThan(largestTimeoutMs + marginMs);
    } finally {
      silent.close();
    }
  });
});
