/**
 * The benchmark harness' own parts against real things: its generated troubleshooters load and
 * run in the real engine, and its loopback servers answer as the figures assume.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { Resolver } from 'node:dns/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { scriptTroubleshooter } from '../../../bench/lib/catalog-gen.ts';
import { loadOrThrow, runToEnd } from '../../../bench/lib/engine-harness.ts';
import { startDelayedHttp, startDns, startTcp } from '../../../bench/lib/loopback.ts';

let dir: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-bench-test-')));
  mkdirSync(path.join(dir, 'scripts'));
  writeFileSync(path.join(dir, 'scripts', 'true.sh'), '#!/bin/sh\nexit 0\n');
  writeFileSync(path.join(dir, 'scripts', 'false.sh'), '#!/bin/sh\nexit 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated troubleshooters', () => {
  it('load without diagnostics as a catalog', async () => {
    for (let i = 0; i < 3; i++) writeFileSync(path.join(dir, `gen-${i}.yaml`), scriptTroubleshooter(`gen-${i}`, 4, 'scripts/true.sh'));
    const catalog = await loadCatalog(dir, fullActionRegistry());
    expect(catalog.diagnostics).toEqual([]);
    expect(catalog.entries.map((e) => e.troubleshooter.steps.length)).toEqual([4, 4, 4]);
  });

  it.skipIf(process.platform === 'win32')('run every step through the engine and fail when the script fails', async () => {
    const registry = fullActionRegistry();
    const exec = createNodeExec();
    const ok = await runToEnd(loadOrThrow(scriptTroubleshooter('ok', 3, 'scripts/true.sh'), 'ok.yaml', registry), exec, { registry, catalogDir: dir });
    expect(ok.outcome).toBe('resolved');
    expect(ok.events.filter((e) => e.type === 'step-finished' && e.status === 'passed')).toHaveLength(3);
    const bad = await runToEnd(loadOrThrow(scriptTroubleshooter('bad', 3, 'scripts/false.sh'), 'bad.yaml', registry), exec, { registry, catalogDir: dir });
    expect(bad.outcome).toBe('not-resolved');
  });
});

describe('loopback servers', () => {
  it('the DNS responder answers A questions with 127.0.0.1', async () => {
    const dns = await startDns();
    try {
      const resolver = new Resolver({ timeout: 2000, tries: 1 });
      resolver.setServers([dns.server]);
      await expect(resolver.resolve4('intranet.bench.test')).resolves.toEqual(['127.0.0.1']);
    } finally {
      await dns.close();
    }
  });

  it('the delayed HTTP server answers 204, never before its delay, and reports each arrival', async () => {
    const server = await startDelayedHttp(80);
    let arrivals = 0;
    server.onArrival = () => arrivals++;
    try {
      const started = performance.now();
      const status = await new Promise<number>((resolve, reject) => {
        http.get(server.url, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject);
      });
      expect(status).toBe(204);
      expect(performance.now() - started).toBeGreaterThanOrEqual(79);
      expect(arrivals).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('the TCP listener accepts connections on 127.0.0.1', async () => {
    const tcp = await startTcp();
    const { connect } = await import('node:net');
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: tcp.port }, () => (socket.destroy(), resolve()));
        socket.on('error', reject);
      });
    } finally {
      await tcp.close();
    }
  });
});
