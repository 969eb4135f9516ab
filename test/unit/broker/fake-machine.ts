/** Test doubles for the broker's OS edges: a machine with known queues/adapters and a command runner that records argv. */
import type { Platform } from '../../../core/kernel/platform.ts';
import type { AuditEntry } from '../../../broker/audit.ts';
import type { BrokerDeps } from '../../../broker/handle.ts';
import type { OpArgv } from '../../../broker/op-argv.ts';
import type { BrokerPolicy } from '../../../broker/policy.ts';
import { createRateLimiter } from '../../../broker/rate-limit.ts';

export const queues = ['office', 'Drucker_Büro', 'étage-2'];
export const adapters = ['eth0', 'wlp2s0'];

export function fakeDeps(platform: Platform = 'linux', overrides: Partial<BrokerDeps> & { policy?: () => Promise<BrokerPolicy> } = {}) {
  const commands: OpArgv[] = [];
  const audit: AuditEntry[] = [];
  const deps: BrokerDeps = {
    platform,
    machine: { queues: async () => [...queues], adapters: async () => [...adapters] },
    policy: async () => ({
      enabled: true,
      operations: ['printer.resume', 'printer.restart-spooler', 'network.flush-dns', 'network.renew-dhcp', 'network.reset-stack', 'time.resync', 'sound.restart-service'],
      source: 'test',
    }),
    run: async (argv) => {
      commands.push(argv);
      return { file: argv.file, args: argv.args, exitCode: 0, stdout: '', stderr: '', timedOut: false, notFound: false };
    },
    audit: { write: async (entry) => void audit.push(entry) },
    limiter: createRateLimiter(1_000_000, 60_000),
    opTimeoutMs: 1000,
    ...overrides,
  };
  return { deps, commands, audit };
}

export const line = (value: unknown) => JSON.stringify(value);
export const runLine = (op: string, args: Record<string, unknown> = {}) => line({ v: 1, type: 'run', op, args });
