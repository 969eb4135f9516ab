/**
 * firstline-broker: the elevation broker's entry. Installed to run as root (systemd on Linux,
 * launchd on macOS) or as LocalSystem (the FirstlineBroker service on Windows); see docs/admin.md
 * "Fixes that need administrator rights". Its flags come from the service definition, which only
 * an administrator can change — never from a caller. Defaults per OS: broker/defaults.ts.
 *
 *   firstline-broker [--socket /run/firstline/broker.sock] [--proof-dir /run/firstline/proof]
 *     [--audit-log /var/log/firstline/broker.log] [--policy-file /etc/firstline/policy.json]
 *     [--path /usr/sbin:/usr/bin:/sbin:/bin] [--rate N/SECONDS] [--cups-server HOST_OR_SOCKET]
 *     [--parent-pid PID]   (Windows service host: exit when it is gone)
 *
 * On Windows the socket is the pipe \\.\pipe\firstline-broker and the proof folder and log live in
 * %ProgramData%\Firstline\broker, whose permissions the broker checks before it serves anyone.
 */
import { parseArgs } from 'node:util';
import type { Platform } from '../core/kernel/platform.ts';
import { createAuditLog } from './audit.ts';
import { brokerDefaultsFor, windowsSystemRoot } from './defaults.ts';
import { createMachine } from './machine.ts';
import { createPolicyReader } from './policy.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createCommandRunner } from './run-command.ts';
import { startServer } from './server.ts';
import { createWindowsOwnerReader, parseWhoamiSid, whoamiCommand } from './windows-identity.ts';
import { prepareWindowsState } from './windows-state.ts';

export async function brokerMain(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      socket: { type: 'string' },
      'proof-dir': { type: 'string' },
      'audit-log': { type: 'string' },
      'policy-file': { type: 'string' },
      path: { type: 'string' },
      rate: { type: 'string' },
      'cups-server': { type: 'string' },
      'parent-pid': { type: 'string' },
    },
  });
  const platform = process.platform as Platform;
  const defaults = brokerDefaultsFor(platform, process.env);
  const run = createCommandRunner({
    path: values.path ?? defaults.path,
    platform,
    systemRoot: windowsSystemRoot(process.env),
    ...(values['cups-server'] ? { extraEnv: { CUPS_SERVER: values['cups-server'] } } : {}),
  });
  const administrator = platform === 'win32' ? parseWhoamiSid((await run(whoamiCommand, 15_000)).stdout) === 'S-1-5-18' : process.getuid?.() === 0;
  if (!administrator) {
    process.stderr.write(`firstline-broker: must run as ${platform === 'win32' ? 'LocalSystem' : 'root'} (it is started by the system service)\n`);
    return 1;
  }
  const rate = /^(\d{1,5})\/(\d{1,5})$/.exec(values.rate ?? defaults.rate);
  if (!rate) throw new Error('--rate takes N/SECONDS, e.g. 20/60');
  const auditLog = values['audit-log'] ?? defaults.auditLog;
  const server = await startServer({
    socketPath: values.socket ?? defaults.socket,
    proofDir: values['proof-dir'] ?? defaults.proofDir,
    ...(platform === 'win32'
      ? (() => {
          const owner = createWindowsOwnerReader(run);
          return {
            windows: {
              owner: async (file: string) => owner(file),
              prepareState: () => prepareWindowsState(run, process.env.ProgramData ?? 'C:\\ProgramData', auditLog),
            },
          };
        })()
      : {}),
    deps: {
      platform,
      machine: createMachine(platform, run),
      policy: createPolicyReader(platform, run, values['policy-file'] ?? defaults.policyFile),
      run,
      audit: createAuditLog(auditLog),
      limiter: createRateLimiter(Number(rate[1]), Number(rate[2]) * 1000),
      opTimeoutMs: 60_000,
    },
  });
  process.stdout.write(`firstline-broker: listening on ${values.socket ?? defaults.socket}\n`);
  const stop = () => server.close(() => process.exit(0));
  // The Windows service host (build/broker/windows/service-host.cs) passes its pid: a broker whose
  // host died must not linger holding the pipe while the service manager restarts the service.
  const parent = Number(values['parent-pid'] ?? Number.NaN);
  if (Number.isInteger(parent) && parent > 0) {
    const watch = setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        process.exit(1);
      }
    }, 5000);
    watch.unref();
  }
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return 0;
}

void brokerMain(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`firstline-broker: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
