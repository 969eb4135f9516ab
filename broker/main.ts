/**
 * firstline-broker: the elevation broker's entry. Installed to run as root (systemd on Linux,
 * launchd on macOS); see docs/admin.md "Fixes that need administrator rights". Its flags come
 * from the service definition, which only an administrator can change — never from a caller.
 *
 *   firstline-broker [--socket /run/firstline/broker.sock] [--proof-dir /run/firstline/proof]
 *     [--audit-log /var/log/firstline/broker.log] [--policy-file /etc/firstline/policy.json]
 *     [--path /usr/sbin:/usr/bin:/sbin:/bin] [--rate N/SECONDS] [--cups-server HOST_OR_SOCKET]
 */
import { parseArgs } from 'node:util';
import type { Platform } from '../core/kernel/platform.ts';
import { createAuditLog } from './audit.ts';
import { brokerDefaults } from './defaults.ts';
import { createMachine } from './machine.ts';
import { createPolicyReader } from './policy.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createCommandRunner } from './run-command.ts';
import { startServer } from './server.ts';

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
    },
  });
  if (process.getuid?.() !== 0) {
    process.stderr.write('firstline-broker: must run as root (it is started by the system service)\n');
    return 1;
  }
  const platform = process.platform as Platform;
  const rate = /^(\d{1,5})\/(\d{1,5})$/.exec(values.rate ?? brokerDefaults.rate);
  if (!rate) throw new Error('--rate takes N/SECONDS, e.g. 20/60');
  const run = createCommandRunner({ path: values.path ?? brokerDefaults.path, ...(values['cups-server'] ? { extraEnv: { CUPS_SERVER: values['cups-server'] } } : {}) });
  const server = await startServer({
    socketPath: values.socket ?? brokerDefaults.socket,
    proofDir: values['proof-dir'] ?? brokerDefaults.proofDir,
    deps: {
      platform,
      machine: createMachine(platform, run),
      policy: createPolicyReader(platform, run, values['policy-file'] ?? brokerDefaults.policyFile),
      run,
      audit: createAuditLog(values['audit-log'] ?? brokerDefaults.auditLog),
      limiter: createRateLimiter(Number(rate[1]), Number(rate[2]) * 1000),
      opTimeoutMs: 60_000,
    },
  });
  process.stdout.write(`firstline-broker: listening on ${values.socket ?? brokerDefaults.socket}\n`);
  const stop = () => server.close(() => process.exit(0));
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
