import { describe, expect, it } from 'vitest';
import { platforms } from '../../../core/kernel/platform.ts';
import { flushDnsCommands, renewDhcpCommands, resetStackCommands } from '../../../core/fixes/network/commands.ts';
import { restartSpoolerCommand, resumeCommands } from '../../../core/fixes/printer/commands.ts';
import { resyncCommands } from '../../../core/fixes/clock/commands.ts';
import { restartServiceCommand } from '../../../core/fixes/sound/commands.ts';
import { matchOp, opNames, opPlan } from '../../../broker/op-argv.ts';

describe("broker operations use the fixes' own argv", () => {
  it.each(platforms)('on %s each operation is exactly what the fix runs', (platform) => {
    expect(opPlan('printer.resume', platform, { queue: 'office' })).toEqual([resumeCommands(platform, 'office')]);
    expect(opPlan('printer.restart-spooler', platform, {})).toEqual([[restartSpoolerCommand(platform)]]);
    expect(opPlan('network.flush-dns', platform, {})).toEqual(flushDnsCommands(platform));
    const renew = renewDhcpCommands(platform, 'eth0');
    expect(opPlan('network.renew-dhcp', platform, { adapter: 'eth0' })).toEqual(renew ? [renew] : undefined);
    const reset = resetStackCommands(platform);
    expect(opPlan('network.reset-stack', platform, {})).toEqual(reset ? [reset.commands] : undefined);
    expect(opPlan('time.resync', platform, {})).toEqual(resyncCommands(platform));
    const sound = restartServiceCommand(platform);
    expect(opPlan('sound.restart-service', platform, {})).toEqual(sound ? [[sound]] : undefined);
  });

  it('resyncs the clock with fixed argv only, and recognises exactly those commands', () => {
    expect(opPlan('time.resync', 'win32', {})).toEqual([[{ file: 'w32tm', args: ['/resync'] }]]);
    expect(opPlan('time.resync', 'darwin', {})).toEqual([[{ file: 'sntp', args: ['-sS', 'time.apple.com'] }]]);
    expect(opPlan('time.resync', 'linux', {})).toEqual([
      [{ file: 'chronyc', args: ['makestep'] }],
      [
        { file: 'timedatectl', args: ['set-ntp', 'false'] },
        { file: 'timedatectl', args: ['set-ntp', 'true'] },
      ],
    ]);
    expect(matchOp('linux', { file: 'chronyc', args: ['makestep'] })).toEqual({ op: 'time.resync', args: {} });
    expect(matchOp('linux', { file: 'timedatectl', args: ['set-ntp', 'false'] })).toEqual({ op: 'time.resync', args: {} });
    expect(matchOp('win32', { file: 'w32tm', args: ['/resync'] })).toEqual({ op: 'time.resync', args: {} });
    expect(matchOp('darwin', { file: 'sntp', args: ['-sS', 'evil.example.com'] })).toBeUndefined();
    expect(matchOp('linux', { file: 'timedatectl', args: ['set-time', '2020-01-01'] })).toBeUndefined();
    expect(matchOp('win32', { file: 'w32tm', args: ['/config', '/manualpeerlist:evil', '/update'] })).toBeUndefined();
  });

  it('restarts the sound service only where it needs rights, with a fixed command', () => {
    expect(opPlan('sound.restart-service', 'linux', {})).toBeUndefined();
    expect(opPlan('sound.restart-service', 'darwin', {})).toEqual([[{ file: 'launchctl', args: ['kickstart', '-k', 'system/com.apple.audio.coreaudiod'] }]]);
    expect(opPlan('sound.restart-service', 'win32', {})?.[0]?.[0]?.args.at(-1)).toBe('Restart-Service -Name Audiosrv -Force');
    expect(matchOp('darwin', { file: 'launchctl', args: ['kickstart', '-k', 'system/com.apple.audio.coreaudiod'] })).toEqual({ op: 'sound.restart-service', args: {} });
    expect(matchOp('darwin', { file: 'launchctl', args: ['kickstart', '-k', 'system/com.apple.audio.coreaudiod', 'x'] })).toBeUndefined();
  });

  it("recognises a fix command as its operation, with the app's own environment around it", () => {
    expect(matchOp('linux', { file: 'cupsenable', args: ['office'] })).toEqual({ op: 'printer.resume', args: { queue: 'office' } });
    expect(matchOp('linux', { file: 'cupsaccept', args: ['office'] })).toEqual({ op: 'printer.resume', args: { queue: 'office' } });
    const [resume] = resumeCommands('win32', 'Drucker Büro');
    expect(matchOp('win32', { ...resume!, env: { PATH: 'C:\\Windows', ...resume!.env } })).toEqual({ op: 'printer.resume', args: { queue: 'Drucker Büro' } });
    expect(matchOp('darwin', { file: 'ipconfig', args: ['set', 'en0', 'DHCP'] })).toEqual({ op: 'network.renew-dhcp', args: { adapter: 'en0' } });
    expect(matchOp('win32', { file: 'netsh', args: ['winsock', 'reset'] })).toEqual({ op: 'network.reset-stack', args: {} });
    expect(matchOp('linux', { file: 'systemd-resolve', args: ['--flush-caches'] })).toEqual({ op: 'network.flush-dns', args: {} });
  });

  it('does not recognise anything else: extra flags, other binaries, read commands, scripts', () => {
    expect(matchOp('linux', { file: 'cupsenable', args: ['-E', 'office'] })).toBeUndefined();
    expect(matchOp('linux', { file: 'cupsenable', args: ['office', 'other'] })).toBeUndefined();
    expect(matchOp('linux', { file: '/tmp/cupsenable', args: ['office'] })).toBeUndefined();
    expect(matchOp('linux', { file: 'lpstat', args: ['-p'] })).toBeUndefined();
    expect(matchOp('linux', { file: 'systemctl', args: ['restart', 'sshd'] })).toBeUndefined();
    expect(matchOp('linux', { file: 'sh', args: ['-c', 'cupsenable office'] })).toBeUndefined();
    expect(matchOp('darwin', { file: 'launchctl', args: ['kickstart', '-k', 'system/com.openssh.sshd'] })).toBeUndefined();
    const [resume] = resumeCommands('win32', 'x');
    expect(matchOp('win32', { ...resume!, args: [...resume!.args.slice(0, -1), 'Remove-Item C:\\ -Recurse'] })).toBeUndefined();
  });

  it('names every operation after the fix action that needs it', () => {
    expect([...opNames].sort()).toEqual(['network.flush-dns', 'network.renew-dhcp', 'network.reset-stack', 'printer.restart-spooler', 'printer.resume', 'sound.restart-service', 'time.resync']);
  });
});
