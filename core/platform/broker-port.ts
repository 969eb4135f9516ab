/**
 * The engine's BrokerPort over the broker client. A fix's command is sent to the broker only when
 * it is, argv for argv, part of the operation named like the fix (broker/op-argv.ts); the broker
 * then runs the whole operation once, and the operation's later commands are answered from that
 * run. Anything else the fix runs (reading printer state, say) goes to the normal exec port.
 */
import type { Platform } from '../kernel/platform.ts';
import type { BrokerPort, ExecPort, ExecResult } from '../engine/ports.ts';
import { isOpName, matchOp } from '../../broker/op-argv.ts';
import type { CommandRun } from '../../broker/protocol.ts';
import { callBroker, type BrokerClientOptions, type BrokerReply } from './broker-client.ts';

/** Where the broker listens on each OS (the service definitions in build/broker/ use the same). */
export const brokerLocations: Record<'linux' | 'darwin', BrokerClientOptions> = {
  linux: { socketPath: '/run/firstline/broker.sock', proofDir: '/run/firstline/proof' },
  darwin: { socketPath: '/var/run/firstline/broker.sock', proofDir: '/var/run/firstline/proof' },
};

/**
 * Windows: the FirstlineBroker service's named pipe and its drop folder under %ProgramData%
 * (broker/defaults.ts on the broker's side). A wrong ProgramData in the employee's environment
 * only makes their own proof fail.
 */
export function windowsBrokerLocation(env: Readonly<Record<string, string | undefined>>): BrokerClientOptions {
  const programData = (env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData').replace(/[\\/]+$/, '');
  return { socketPath: '\\\\.\\pipe\\firstline-broker', proofDir: `${programData}\\Firstline\\broker\\proof` };
}

/** FIRSTLINE_BROKER_SOCKET / FIRSTLINE_BROKER_PROOF_DIR point at a broker started elsewhere (tests, development). */
export function brokerClientOptions(platform: Platform, env: Readonly<Record<string, string | undefined>>): BrokerClientOptions | undefined {
  if (env.FIRSTLINE_BROKER_SOCKET && env.FIRSTLINE_BROKER_PROOF_DIR) return { socketPath: env.FIRSTLINE_BROKER_SOCKET, proofDir: env.FIRSTLINE_BROKER_PROOF_DIR };
  return platform === 'win32' ? windowsBrokerLocation(env) : brokerLocations[platform];
}

const asExecResult = (run: CommandRun, durationMs: number): ExecResult => ({
  exitCode: run.exitCode,
  stdout: run.stdout,
  stderr: run.stderr,
  timedOut: run.timedOut,
  notFound: run.notFound,
  cancelled: false,
  durationMs,
});

const refusal = (message: string, durationMs: number): ExecResult => ({
  exitCode: 1,
  stdout: '',
  stderr: `Firstline elevation broker: ${message}`,
  timedOut: false,
  notFound: false,
  cancelled: false,
  durationMs,
});

export type BrokerPortOptions = { client: BrokerClientOptions; call?: typeof callBroker };

export function createBrokerPort(options: BrokerPortOptions): BrokerPort {
  const call = options.call ?? callBroker;
  return {
    async operations() {
      const reply = await call({ ...options.client, timeoutMs: 5000 }, { type: 'status' });
      return reply.type === 'status' && reply.enabled ? reply.operations : [];
    },
    execFor(action: string, exec: ExecPort, platform: Platform) {
      let brokered = 0;
      const runs = new Map<string, Promise<BrokerReply>>();
      const port: ExecPort & { brokered(): number } = {
        brokered: () => brokered,
        async exec(file, args, execOptions) {
          const matched = isOpName(action) ? matchOp(platform, { file, args: [...args], ...(execOptions.env ? { env: execOptions.env } : {}) }) : undefined;
          if (!matched || matched.op !== action) return exec.exec(file, args, execOptions);
          const started = performance.now();
          const request = Object.fromEntries(Object.entries(matched.args).filter((e): e is [string, string] => e[1] !== undefined));
          const key = JSON.stringify([matched.op, request]);
          let pending = runs.get(key);
          if (!pending) {
            pending = call({ ...options.client, timeoutMs: execOptions.timeout }, { type: 'run', op: matched.op, args: request });
            runs.set(key, pending);
          }
          const reply = await pending;
          const took = performance.now() - started;
          if (reply.type === 'unavailable' || reply.type === 'error') return refusal(reply.message, took);
          if (reply.type !== 'result') return refusal('unexpected answer', took);
          brokered++;
          const ran = reply.commands.find((c) => c.file === file && c.args.length === args.length && c.args.every((a, i) => a === args[i]));
          // The broker stops an operation at its first failing command: a later one did not run.
          return ran ? asExecResult(ran, took) : refusal('an earlier command of this operation failed, so this one was not run', took);
        },
      };
      return port;
    },
  };
}
