/**
 * 1. Network diagnosis wall time: the real `network.diagnose` action, run through the engine, with
 * every target pointed at loopback servers: the internal URL answers after T, everything else at
 * once. The probes run in parallel, so the whole diagnosis should take barely more than T.
 *
 * The servers run in their own process (entries/loopback-servers.ts), like real remote servers:
 * a busy event loop in the diagnosis cannot hold back their clocks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { builtinRegistry } from '../core/engine/builtin-actions.ts';
import { createNodeExec } from '../core/platform/node-exec.ts';
import type { ExecPort } from '../core/engine/ports.ts';
import { composeRegistries } from '../core/engine/registry.ts';
import { repoRoot } from './lib/bundle.ts';
import { tsxImport } from './lib/child.ts';
import { loadOrThrow, runToEnd } from './lib/engine-harness.ts';
import type { BenchResult } from './lib/result.ts';
import { median } from './lib/stats.ts';

const slowMs = 500;
const samples = 7;
const target = 1.1;

const diagnosisYaml = `id: bench-network
version: "1.0.0"
title: { en: Network diagnosis, nl: Netwerkdiagnose, fr: Diagnostic réseau, de: Netzwerkdiagnose }
summary: { en: Benchmark, nl: Benchmark, fr: Benchmark, de: Benchmark }
platforms: [linux, darwin, win32]
category: network
steps:
  - id: diagnose
    type: check
    title: { en: Diagnose, nl: Diagnose, fr: Diagnostic, de: Diagnose }
    action: network.diagnose
    continue-on-error: true
`;

type Servers = { slowUrl: string; fastUrl: string; dnsServer: string; tcpPort: number; arrivals: number[]; stop(): void };

async function startServers(): Promise<Servers> {
  const child = spawn(process.execPath, ['--import', tsxImport, path.join(repoRoot, 'bench', 'entries', 'loopback-servers.ts'), String(slowMs)], {
    shell: false,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const arrivals: number[] = [];
  const lines = createInterface({ input: child.stdout });
  const stop = () => (child.stdin.end(), setTimeout(() => child.kill('SIGKILL'), 2000).unref());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error('loopback servers did not start within 20 s'))), 20_000);
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`loopback servers exited ${code}`))));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { arrival?: number; slowUrl?: string; fastUrl: string; dnsServer: string; tcpPort: number };
      if (message.arrival !== undefined) arrivals.push(message.arrival);
      else if (message.slowUrl) {
        clearTimeout(timer);
        resolve({ slowUrl: message.slowUrl, fastUrl: message.fastUrl, dnsServer: message.dnsServer, tcpPort: message.tcpPort, arrivals, stop });
      }
    });
  });
}

const epoch = () => performance.timeOrigin + performance.now();

export async function benchNetwork(): Promise<BenchResult> {
  // The fixes are registered by the composition root; load them the same way it does.
  const { fixesRegistry } = await import('../core/fixes/index.ts');
  const registry = composeRegistries(builtinRegistry(), fixesRegistry());
  const troubleshooter = loadOrThrow(diagnosisYaml, 'bench-network.yaml', registry);
  const servers = await startServers();
  const catalogDir = mkdtempSync(path.join(tmpdir(), 'fl-bench-net-'));
  // No proxy variables reach the probes: the loopback servers must be reached directly.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?|all|no)_proxy$/i.test(k)));
  const policy = {
    networkProbes: {
      dns: { name: 'intranet.bench.test', servers: [servers.dnsServer], timeoutMs: 3000 },
      internalUrl: { url: servers.slowUrl, timeoutMs: 4000 },
      externalUrl: { url: servers.fastUrl, timeoutMs: 4000 },
      gateway: { host: '127.0.0.1', tcpPort: servers.tcpPort, timeoutMs: 2000 },
      local: { timeoutMs: 3000 },
    },
  };
  try {
    const port = createNodeExec();
    // Records how long each spawn holds the event loop (the synchronous part of exec), to show
    // how much of the delay before the HTTP probes is local commands being started first.
    let spawns: { at: number; syncMs: number }[] = [];
    const exec: ExecPort = {
      exec: (file, args, options) => {
        const at = epoch();
        const pending = port.exec(file, args, options);
        spawns.push({ at, syncMs: epoch() - at });
        return pending;
      },
    };
    const walls: number[] = [];
    const slowProbe: number[] = [];
    const requestAfter: number[] = [];
    const blockedBefore: number[] = [];
    let probeCount = 0;
    let statuses = '';
    for (let i = 0; i < samples + 1; i++) {
      servers.arrivals.length = 0;
      spawns = [];
      const started = epoch();
      const { events } = await runToEnd(troubleshooter, exec, { registry, catalogDir, policy, env });
      const wall = epoch() - started;
      const result = events.find((e) => e.type === 'action-result');
      if (result?.type !== 'action-result' || !Array.isArray(result.result.probes)) {
        throw new Error(`network.diagnose returned no probes: ${result?.type === 'action-result' ? (result.error ?? 'no error text') : 'no action result'}`);
      }
      const probes = result.result.probes as { id: string; status: string; durationMs: number }[];
      const internal = probes.find((p) => p.id === 'internal');
      if (internal?.status !== 'pass') throw new Error(`the slow loopback probe did not pass (${internal?.status ?? 'missing'}); the figure would be meaningless`);
      probeCount = probes.length;
      statuses = probes.map((p) => `${p.id}=${p.status}`).join(' ');
      // The first run warms module caches and the child-process path.
      if (i === 0) continue;
      walls.push(wall);
      slowProbe.push(internal.durationMs);
      const arrival = servers.arrivals[0];
      if (arrival !== undefined) {
        requestAfter.push(arrival - started);
        blockedBefore.push(spawns.filter((x) => x.at < arrival).reduce((sum, x) => sum + x.syncMs, 0));
      }
    }
    const wall = median(walls);
    const ratio = wall / slowMs;
    return {
      metric: `Network diagnosis, ${probeCount} probes, slowest T=${slowMs} ms: total / T`,
      figure: `${ratio.toFixed(2)} (${Math.round(wall)} ms)`,
      target: `≤ ${target}`,
      pass: ratio <= target,
      notes: [
        `network: median of ${samples} runs of network.diagnose through the engine against loopback servers in a separate process: HTTP (internal delayed ${slowMs} ms, external immediate), DNS, TCP gateway knock. Probe statuses: ${statuses}. ` +
          `The slow server received its request ${Math.round(median(requestAfter))} ms after the run started, ${Math.round(median(blockedBefore))} ms of which the event loop spent inside spawn() for local commands (ip, nmcli, ping) started before the HTTP probes; the slow probe itself took ${Math.round(median(slowProbe))} ms.`,
      ],
    };
  } finally {
    servers.stop();
    rmSync(catalogDir, { recursive: true, force: true });
  }
}
