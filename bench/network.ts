/**
 * 1. Network diagnosis wall time: the real `network.diagnose` action, run through the engine, with
 * every target pointed at loopback servers: the internal URL answers after T, everything else at
 * once. The probes run in parallel, so the whole diagnosis should take barely more than T.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinRegistry } from '../core/engine/builtin-actions.ts';
import { createNodeExec } from '../core/engine/exec-node.ts';
import type { ExecPort } from '../core/engine/ports.ts';
import { composeRegistries } from '../core/engine/registry.ts';
import { loadOrThrow, runToEnd } from './lib/engine-harness.ts';
import { startDelayedHttp, startDns, startTcp } from './lib/loopback.ts';
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

export async function benchNetwork(): Promise<BenchResult> {
  // The fixes are registered by the composition root; load them the same way it does.
  const { fixesRegistry } = await import('../core/fixes/index.ts');
  const registry = composeRegistries(builtinRegistry(), fixesRegistry());
  const troubleshooter = loadOrThrow(diagnosisYaml, 'bench-network.yaml', registry);
  const [slow, fast, dns, gateway] = await Promise.all([startDelayedHttp(slowMs), startDelayedHttp(0), startDns(), startTcp()]);
  const catalogDir = mkdtempSync(path.join(tmpdir(), 'fl-bench-net-'));
  // No proxy variables reach the probes: the loopback servers must be reached directly.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?|all|no)_proxy$/i.test(k)));
  const policy = {
    networkProbes: {
      dns: { name: 'intranet.bench.test', servers: [dns.server], timeoutMs: 3000 },
      internalUrl: { url: slow.url, timeoutMs: 4000 },
      externalUrl: { url: fast.url, timeoutMs: 4000 },
      gateway: { host: '127.0.0.1', tcpPort: gateway.port, timeoutMs: 2000 },
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
        const at = performance.now();
        const pending = port.exec(file, args, options);
        spawns.push({ at, syncMs: performance.now() - at });
        return pending;
      },
    };
    const blockedBefore: number[] = [];
    const walls: number[] = [];
    const slowProbe: number[] = [];
    const requestAfter: number[] = [];
    let probeCount = 0;
    let statuses = '';
    for (let i = 0; i < samples + 1; i++) {
      slow.arrivals.length = 0;
      spawns = [];
      const started = performance.now();
      const { events } = await runToEnd(troubleshooter, exec, { registry, catalogDir, policy, env });
      const wall = performance.now() - started;
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
      if (i > 0) {
        walls.push(wall);
        slowProbe.push(internal.durationMs);
        const arrival = slow.arrivals[0];
        if (arrival !== undefined) {
          requestAfter.push(arrival - started);
          blockedBefore.push(spawns.filter((x) => x.at < arrival).reduce((sum, x) => sum + x.syncMs, 0));
        }
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
        `network: median of ${samples} runs of network.diagnose through the engine; loopback HTTP (internal delayed ${slowMs} ms, external immediate), loopback DNS, TCP gateway knock. Last probe statuses: ${statuses}. The slow server received its request ${Math.round(median(requestAfter))} ms after the run started, ${Math.round(median(blockedBefore))} ms of which the event loop spent inside spawn() for local commands (ip, nmcli, ping) started before the HTTP probes; the slow probe itself took ${Math.round(median(slowProbe))} ms. The loopback servers share the benchmark's process.`,
      ],
    };
  } finally {
    await Promise.all([slow.close(), fast.close(), dns.close(), gateway.close()]);
    rmSync(catalogDir, { recursive: true, force: true });
  }
}
