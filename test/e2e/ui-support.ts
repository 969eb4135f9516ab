/**
 * Shared setup for the employee-window tests: a browser host over the UI test catalog
 * (test/fixtures/ui-catalog, every action harmless here), a fixed machine snapshot (no probing
 * of this machine) and, when a test needs one, a helpdesk webhook on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { repoRoot, startTestHost, type TestHost } from '../support/host-fixture.ts';

export const uiCatalogDir = path.join(repoRoot, 'test', 'fixtures', 'ui-catalog');

export const fixedSnapshot = {
  capture: async () => ({
    os: 'Linux',
    osVersion: 'test',
    hostname: 'pc-test-01',
    user: 'employee',
    uptimeSeconds: 3600,
    disks: [{ mount: '/', freeBytes: 20 * 1024 ** 3, sizeBytes: 100 * 1024 ** 3 }],
    network: [{ iface: 'eth0', ip4: '127.0.0.1', type: 'wired', isDefault: true, up: true }],
  }),
};

export type Helpdesk = { url: string; received: Array<Record<string, unknown>>; close(): Promise<void> };

/** A minimal JSON webhook helpdesk that accepts every ticket and numbers them. */
export async function startHelpdesk(): Promise<Helpdesk> {
  const received: Array<Record<string, unknown>> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `T${received.length}`, number: `IT-${1000 + received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tickets`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An outage feed (core/outage/feed.ts format) on 127.0.0.1 that also counts "I'm affected too". */
export async function startOutageFeed(outages: (origin: string) => unknown[]): Promise<{ url: string; affected: string[]; close(): Promise<void> }> {
  const affected: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        affected.push(String((JSON.parse(body) as { outageId?: unknown }).outageId));
        res.writeHead(204).end();
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: 1, outages: outages(`http://${req.headers.host ?? ''}`) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/feed.json`, affected, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function startUiHost(options: { helpdesk?: Helpdesk; policy?: Record<string, unknown>; locale?: string } = {}): Promise<TestHost> {
  // Per-host state for the fixture scripts (vpn.yaml); the host copies the environment when it starts.
  const stateDir = mkdtempSync(path.join(tmpdir(), 'fl-ui-state-'));
  process.env.FIRSTLINE_UI_STATE_DIR = stateDir;
  const host = await startTestHost({
    catalogDir: uiCatalogDir,
    snapshot: fixedSnapshot,
    locale: options.locale ?? 'en-US',
    policy: { support: { name: 'Service Desk', email: 'servicedesk@example.com', phone: '+32 2 555 01 23' }, ...options.policy },
    ...(options.helpdesk ? { ticketConfig: { connector: { type: 'webhook', url: options.helpdesk.url } } } : {}),
  });
  return {
    ...host,
    stop: async () => {
      await host.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Counts the clicks a test needs, for "≤ 3 clicks to a running fix". */
export function clickCounter() {
  let count = 0;
  return {
    click: async (target: Locator) => {
      count += 1;
      await target.click();
    },
    get count() {
      return count;
    },
  };
}
