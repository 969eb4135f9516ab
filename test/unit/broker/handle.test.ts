/**
 * The broker's request handling with the OS at the edges faked: typed refusals for everything
 * outside the closed list, arguments checked against the machine, policy, rate limit, audit.
 */
import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../../broker/handle.ts';
import { createRateLimiter } from '../../../broker/rate-limit.ts';
import { fakeDeps, line, runLine } from './fake-machine.ts';

const caller = { uid: 1000 };

describe('broker request handling', () => {
  it("switches a queue back on with the fix's own argv and writes one audit line", async () => {
    const { deps, commands, audit } = fakeDeps();
    const reply = await handleRequest(runLine('printer.resume', { queue: 'Drucker_Büro' }), caller, deps);
    expect(reply).toMatchObject({ type: 'result', op: 'printer.resume', ok: true });
    expect(commands).toEqual([
      { file: 'cupsenable', args: ['Drucker_Büro'] },
      { file: 'cupsaccept', args: ['Drucker_Büro'] },
    ]);
    expect(audit).toEqual([
      expect.objectContaining({
        uid: 1000,
        op: 'printer.resume',
        args: { queue: 'Drucker_Büro' },
        result: 'ok',
        commands: [
          { file: 'cupsenable', args: ['Drucker_Büro'], exitCode: 0 },
          { file: 'cupsaccept', args: ['Drucker_Büro'], exitCode: 0 },
        ],
      }),
    ]);
  });

  it.each([
    ['unknown operation', runLine('shell.run', { queue: 'office' }), 'unknown-op'],
    ['operation name with a path', runLine('../printer.resume'), 'unknown-op'],
    ['dash-prefixed queue', runLine('printer.resume', { queue: '-E' }), 'bad-args'],
    ['queue with ;', runLine('printer.resume', { queue: 'office;reboot' }), 'not-found'],
    ['queue with a newline', runLine('printer.resume', { queue: 'office\nreboot' }), 'bad-args'],
    ['queue with NUL', runLine('printer.resume', { queue: 'office\u0000' }), 'bad-args'],
    ['queue with ../', runLine('printer.resume', { queue: '../../etc/passwd' }), 'not-found'],
    ['10 KB queue name', runLine('printer.resume', { queue: 'q'.repeat(10_240) }), 'bad-request'],
    ['queue that does not exist', runLine('printer.resume', { queue: 'someone-elses-printer' }), 'not-found'],
    ['missing queue', runLine('printer.resume'), 'bad-args'],
    ['argument an operation does not take', runLine('printer.restart-spooler', { queue: 'office' }), 'bad-args'],
    ['wrong argument kind', runLine('network.renew-dhcp', { queue: 'eth0' }), 'bad-args'],
    ['unknown argument key', line({ v: 1, type: 'run', op: 'printer.resume', args: { queue: 'office', file: '/bin/sh' } }), 'bad-request'],
    ['extra top-level key', line({ v: 1, type: 'run', op: 'printer.resume', args: { queue: 'office' }, command: 'id' }), 'bad-request'],
    ['wrong version', line({ v: 2, type: 'run', op: 'printer.resume', args: { queue: 'office' } }), 'bad-request'],
    ['not JSON', 'printer.resume office', 'bad-request'],
  ])('refuses %s with a typed error and runs nothing', async (_name, request, code) => {
    const { deps, commands } = fakeDeps();
    const reply = await handleRequest(request, caller, deps);
    expect(reply).toMatchObject({ type: 'error', code });
    expect(commands).toEqual([]);
  });

  it('refuses a caller that could not prove who it is, and audits it without a uid', async () => {
    const { deps, commands, audit } = fakeDeps();
    expect(await handleRequest(runLine('printer.resume', { queue: 'office' }), undefined, deps)).toMatchObject({ type: 'error', code: 'identity' });
    expect(commands).toEqual([]);
    expect(audit).toEqual([expect.objectContaining({ uid: null, result: 'refused', code: 'identity' })]);
  });

  it('does nothing when policy turns it off, and only the listed operations when policy restricts it', async () => {
    const off = fakeDeps('linux', { policy: async () => ({ enabled: false, operations: [], source: '/etc/firstline/policy.json' }) });
    expect(await handleRequest(runLine('printer.resume', { queue: 'office' }), caller, off.deps)).toMatchObject({ type: 'error', code: 'disabled' });
    expect(await handleRequest(line({ v: 1, type: 'status' }), caller, off.deps)).toEqual({ v: 1, type: 'status', enabled: false, operations: [] });
    const some = fakeDeps('linux', { policy: async () => ({ enabled: true, operations: ['network.flush-dns'], source: 'test' }) });
    expect(await handleRequest(runLine('printer.resume', { queue: 'office' }), caller, some.deps)).toMatchObject({ type: 'error', code: 'not-allowed' });
    expect(await handleRequest(line({ v: 1, type: 'status' }), caller, some.deps)).toEqual({ v: 1, type: 'status', enabled: true, operations: ['network.flush-dns'] });
    expect([...off.commands, ...some.commands]).toEqual([]);
  });

  it('reports operations that do not exist on the OS', async () => {
    const { deps, commands } = fakeDeps('darwin');
    expect(await handleRequest(runLine('network.reset-stack'), caller, deps)).toMatchObject({ type: 'error', code: 'not-supported' });
    expect(commands).toEqual([]);
    expect(await handleRequest(line({ v: 1, type: 'status' }), caller, deps)).toMatchObject({
      operations: ['printer.resume', 'printer.restart-spooler', 'network.flush-dns', 'network.renew-dhcp', 'time.resync', 'sound.restart-service'],
    });
  });

  it('offers no sound restart on Linux, where the sound server is the employee’s own', async () => {
    const { deps, commands } = fakeDeps('linux');
    expect(await handleRequest(runLine('sound.restart-service'), caller, deps)).toMatchObject({ type: 'error', code: 'not-supported' });
    expect(commands).toEqual([]);
  });

  it('sets the clock with chrony, or with systemd-timesyncd when chrony is not installed', async () => {
    const { deps, commands } = fakeDeps('linux', {
      run: async (argv) => {
        commands.push(argv);
        return { file: argv.file, args: argv.args, exitCode: argv.file === 'chronyc' ? null : 0, stdout: '', stderr: '', timedOut: false, notFound: argv.file === 'chronyc' };
      },
    });
    expect(await handleRequest(runLine('time.resync'), caller, deps)).toMatchObject({ type: 'result', ok: true });
    expect(commands.map((c) => [c.file, ...c.args].join(' '))).toEqual(['chronyc makestep', 'timedatectl set-ntp false', 'timedatectl set-ntp true']);
  });

  it('falls back to the next way of flushing DNS only when the first is not installed', async () => {
    const { deps, commands } = fakeDeps('linux', {
      run: async (argv) => {
        commands.push(argv);
        return { file: argv.file, args: argv.args, exitCode: argv.file === 'resolvectl' ? null : 0, stdout: '', stderr: '', timedOut: false, notFound: argv.file === 'resolvectl' };
      },
    });
    expect(await handleRequest(runLine('network.flush-dns'), caller, deps)).toMatchObject({ type: 'result', ok: true });
    expect(commands.map((c) => c.file)).toEqual(['resolvectl', 'systemd-resolve']);
  });

  it('limits each caller on its own and records a flood once', async () => {
    const { deps, commands, audit } = fakeDeps('linux', { limiter: createRateLimiter(3, 60_000) });
    const replies = [];
    for (let i = 0; i < 50; i++) replies.push(await handleRequest(runLine('network.flush-dns'), caller, deps));
    expect(replies.filter((r) => r.type === 'result')).toHaveLength(3);
    expect(replies.filter((r) => r.type === 'error' && r.code === 'rate-limited')).toHaveLength(47);
    expect(await handleRequest(runLine('network.flush-dns'), { uid: 1001 }, deps)).toMatchObject({ type: 'result', ok: true });
    expect(commands).toHaveLength(4);
    expect(audit.filter((a) => a.code === 'rate-limited')).toHaveLength(1);
  });

  it('keeps untrusted text out of the audit log as raw lines', async () => {
    const { deps, audit } = fakeDeps();
    await handleRequest(runLine('printer.resume', { queue: `evil\n${'x'.repeat(3000)}` }), caller, deps);
    const written = JSON.stringify(audit[0]);
    expect(written).not.toContain('\n');
    expect(audit[0]?.args?.queue?.length).toBeLessThan(260);
  });
});
