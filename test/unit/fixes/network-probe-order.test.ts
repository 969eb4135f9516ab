/**
 * The diagnosis takes as long as its slowest probe only if the network probes leave first:
 * spawning the local read-outs (ip, nmcli, ping) holds the event loop for milliseconds each, and a
 * request still waiting for `import('node:http')` then waits for them (npm run bench -- network:
 * the slow server got its request 50–150 ms late). Pinned through Node's own diagnostics channel,
 * which reports each HTTP request as it is made; node:http is made slow to load on purpose.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnoseAction } from '../../../core/fixes/network/actions.ts';
import { loadWebModules, webModules } from '../../../core/fixes/network/web-modules.ts';
import type { ExecPort } from '../../../core/engine/ports.ts';
import { fakeExec, makeContext } from './context.ts';

// The first import of node:http settles only after two turns of the event loop, as it does
// behind a module loader hook on a busy machine (tsx under load: 50–110 ms). Turns, not a timer.
vi.mock('node:http', async (importOriginal) => {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return importOriginal();
});

const made: string[] = [];
const onRequest = (message: unknown) => made.push((message as { request: { path: string } }).request.path);
afterEach(() => void unsubscribe('http.client.request.start', onRequest));

describe('network diagnosis start order', () => {
  it('makes both HTTP requests before it spawns the first local command, on the first run and later ones', async () => {
    subscribe('http.client.request.start', onRequest);
    // Every target is a closed loopback port: the requests are refused at once, nothing leaves the machine.
    const policy = {
      networkProbes: {
        dns: { servers: ['127.0.0.1:9'], timeoutMs: 300 },
        internalUrl: { url: 'http://127.0.0.1:9/internal' },
        externalUrl: { url: 'http://127.0.0.1:9/external' },
        gateway: { host: '127.0.0.1', tcpPort: 9, timeoutMs: 300 },
        local: { timeoutMs: 300 },
      },
    };
    const replies = fakeExec({ 'ip -j addr': { stdout: '[]' }, 'ip -j route': { stdout: '[]' }, ping: { exitCode: 0 } });
    for (let run = 0; run < 2; run++) {
      made.length = 0;
      const atFirstSpawn: string[][] = [];
      const exec: ExecPort = {
        exec: (file, args, options) => {
          atFirstSpawn.push([...made]);
          return replies.exec(file, args, options);
        },
      };
      const result = await diagnoseAction.run({}, makeContext({ exec, platform: 'linux', policy }));
      expect(result.probes.map((p) => p.id)).toContain('internal');
      expect(atFirstSpawn.length).toBeGreaterThan(0);
      expect([...(atFirstSpawn[0] ?? [])].sort()).toEqual(['/external', '/internal']);
    }
  });

  it('keeps the loaded modules: after the first load a probe gets them without waiting', async () => {
    const first = await loadWebModules();
    expect(webModules()).toBe(first);
    expect(await loadWebModules()).toBe(first);
  });
});
