/**
 * The app side: which of a fix's commands go to the broker (only those of the operation named like
 * the fix, argv for argv) and what the fix sees back — including a refusal, which must read as a
 * failed command so verification decides, never as success.
 */
import { describe, expect, it } from 'vitest';
import type { ExecPort } from '../../../core/engine/ports.ts';
import { createBrokerPort } from '../../../core/platform/broker-port.ts';
import type { BrokerCall, BrokerReply } from '../../../core/platform/broker-client.ts';

const client = { socketPath: '/run/firstline/broker.sock', proofDir: '/run/firstline/proof' };
const ok = (file: string, args: string[]) => ({ file, args, exitCode: 0, stdout: '', stderr: '', timedOut: false, notFound: false });

function setup(reply: (call: BrokerCall) => BrokerReply) {
  const calls: BrokerCall[] = [];
  const local: string[] = [];
  const port = createBrokerPort({ client, call: async (_options, call) => (calls.push(call), reply(call)) });
  const exec: ExecPort = {
    exec: async (file, args) => (local.push([file, ...args].join(' ')), { exitCode: 0, stdout: 'local', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1 }),
  };
  return { port, calls, local, exec };
}

describe('broker port', () => {
  it('sends the operation once and answers both of its commands; reads stay local', async () => {
    const { port, calls, local, exec } = setup(() => ({ v: 1, type: 'result', op: 'printer.resume', ok: true, commands: [ok('cupsenable', ['office']), ok('cupsaccept', ['office'])] }));
    const routed = port.execFor('printer.resume', exec, 'linux');
    const env = { PATH: '/usr/bin', CUPS_SERVER: 'localhost', LC_ALL: 'C' };
    expect((await routed.exec('lpstat', ['-p'], { timeout: 1000, env })).stdout).toBe('local');
    expect((await routed.exec('cupsenable', ['office'], { timeout: 1000, env })).exitCode).toBe(0);
    expect((await routed.exec('cupsaccept', ['office'], { timeout: 1000, env })).exitCode).toBe(0);
    expect(calls).toEqual([{ type: 'run', op: 'printer.resume', args: { queue: 'office' } }]);
    expect(local).toEqual(['lpstat -p']);
    expect(routed.brokered()).toBe(2);
  });

  it('never routes a command for another action, even when its argv matches an operation (catalog scripts stay unprivileged)', async () => {
    const { port, calls, local, exec } = setup(() => ({ v: 1, type: 'result', op: 'printer.resume', ok: true, commands: [] }));
    const routed = port.execFor('script.run', exec, 'linux');
    await routed.exec('cupsenable', ['office'], { timeout: 1000 });
    const other = port.execFor('network.flush-dns', exec, 'linux');
    await other.exec('cupsenable', ['office'], { timeout: 1000 });
    expect(calls).toEqual([]);
    expect(local).toEqual(['cupsenable office', 'cupsenable office']);
  });

  it('turns a refusal or an absent broker into a failed command, not a success', async () => {
    for (const reply of [
      { v: 1, type: 'error', code: 'not-allowed', message: 'Policy does not allow printer.resume' },
      { v: 1, type: 'unavailable', message: 'The broker is not installed or not running.' },
    ] as BrokerReply[]) {
      const { port, exec } = setup(() => reply);
      const routed = port.execFor('printer.resume', exec, 'linux');
      const result = await routed.exec('cupsenable', ['office'], { timeout: 1000 });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('Firstline elevation broker');
      expect(routed.brokered()).toBe(0);
    }
  });

  it('offers no operations when the broker is off, absent or answers oddly', async () => {
    expect(await setup(() => ({ v: 1, type: 'status', enabled: false, operations: [] })).port.operations()).toEqual([]);
    expect(await setup(() => ({ v: 1, type: 'unavailable', message: 'no' })).port.operations()).toEqual([]);
    expect(await setup(() => ({ v: 1, type: 'status', enabled: true, operations: ['network.flush-dns'] })).port.operations()).toEqual(['network.flush-dns']);
  });
});
