/**
 * Where the broker listens and writes when its service definition passes no flag. The app's
 * client (core/platform/broker-port.ts) and the service definitions in build/broker/ use the same
 * paths; test/unit/build/broker-install.test.ts and broker-windows-install.test.ts keep them in step.
 */
import type { Platform } from '../core/kernel/platform.ts';

export type BrokerPaths = { socket: string; proofDir: string; auditLog: string; policyFile: string; path: string; rate: string };

export const brokerDefaults = {
  socket: '/run/firstline/broker.sock',
  proofDir: '/run/firstline/proof',
  auditLog: '/var/log/firstline/broker.log',
  policyFile: '/etc/firstline/policy.json',
  path: '/usr/sbin:/usr/bin:/sbin:/bin',
  rate: '20/60',
} as const satisfies BrokerPaths;

/** The named pipe every interactive user may open; who they are is proven per request (windows-identity.ts). */
export const windowsPipe = '\\\\.\\pipe\\firstline-broker';

/**
 * `%ProgramData%\Firstline\broker`, from the service's own environment (set by the service
 * manager from the machine's, never by a caller); C:\ProgramData when it is missing.
 */
export function windowsStateDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = (env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData').replace(/[\\/]+$/, '');
  return `${base}\\Firstline\\broker`;
}

/** `%SystemRoot%` of the service (C:\Windows when unset). */
export function windowsSystemRoot(env: Readonly<Record<string, string | undefined>>): string {
  return (env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows').replace(/[\\/]+$/, '');
}

export function brokerDefaultsFor(platform: Platform, env: Readonly<Record<string, string | undefined>>): BrokerPaths {
  switch (platform) {
    case 'linux':
      return brokerDefaults;
    case 'darwin':
      return { ...brokerDefaults, socket: '/var/run/firstline/broker.sock', proofDir: '/var/run/firstline/proof', auditLog: '/Library/Logs/Firstline/broker.log' };
    case 'win32': {
      const state = windowsStateDir(env);
      const root = windowsSystemRoot(env);
      return {
        socket: windowsPipe,
        proofDir: `${state}\\proof`,
        auditLog: `${state}\\broker.log`,
        // Unused on Windows (policy is read from HKLM), kept so every OS has the same shape.
        policyFile: `${state}\\policy.json`,
        path: `${root}\\System32;${root};${root}\\System32\\Wbem;${root}\\System32\\WindowsPowerShell\\v1.0`,
        rate: brokerDefaults.rate,
      };
    }
  }
}
