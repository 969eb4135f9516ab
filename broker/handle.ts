/**
 * One request, start to end: parse strictly, know the caller, rate-limit, check the closed list
 * and policy, validate the argument against the live machine, run the operation's fixed argv,
 * write the audit line. Everything the OS provides comes in through `BrokerDeps`, so the fuzz
 * and abuse tests drive this exact function with a recording command runner.
 */
import type { Platform } from '../core/kernel/platform.ts';
import { auditArgs, type AuditEntry, type AuditLog } from './audit.ts';
import { callerKey, type Caller } from './identity.ts';
import type { Machine } from './machine.ts';
import { isOpName, opArgument, opNames, opPlan, type OpArgs, type OpName } from './op-argv.ts';
import type { PolicyReader } from './policy.ts';
import { nameSchema, protocolVersion, requestSchema, type BrokerErrorCode, type BrokerResponse, type CommandRun } from './protocol.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { CommandRunner } from './run-command.ts';

export type BrokerDeps = {
  platform: Platform;
  machine: Machine;
  policy: PolicyReader;
  run: CommandRunner;
  audit: AuditLog;
  limiter: RateLimiter;
  opTimeoutMs: number;
  now?: () => Date;
};

const error = (code: BrokerErrorCode, message: string): BrokerResponse => ({ v: protocolVersion, type: 'error', code, message });

/** Operations that exist on this OS. */
export function supportedOps(platform: Platform): OpName[] {
  return opNames.filter((op) => opPlan(op, platform, { queue: 'q', adapter: 'a' }) !== undefined);
}

/**
 * Runs the plan: the first alternative whose first command is installed, each sequence stopping at
 * its first failure. `ok` is the verdict of the alternative that actually ran.
 */
async function execute(plan: NonNullable<ReturnType<typeof opPlan>>, deps: BrokerDeps): Promise<{ ran: CommandRun[]; ok: boolean }> {
  const ran: CommandRun[] = [];
  let ok = false;
  for (const sequence of plan) {
    const attempt: CommandRun[] = [];
    for (const argv of sequence) {
      const result = await deps.run(argv, deps.opTimeoutMs);
      attempt.push(result);
      if (result.exitCode !== 0) break;
    }
    ran.push(...attempt);
    ok = attempt.length === sequence.length && attempt.every((c) => c.exitCode === 0);
    if (!attempt[0]?.notFound) break;
  }
  return { ran, ok };
}

// Operations run one at a time: two callers never restart the print service over each other.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export async function handleRequest(line: string, caller: Caller | undefined, deps: BrokerDeps): Promise<BrokerResponse> {
  const started = performance.now();
  const at = (deps.now?.() ?? new Date()).toISOString();
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    json = undefined;
  }
  const parsed = requestSchema.safeParse(json);

  if (parsed.success && parsed.data.type === 'status') {
    const policy = await deps.policy();
    const supported = supportedOps(deps.platform);
    return { v: protocolVersion, type: 'status', enabled: policy.enabled, operations: policy.enabled ? supported.filter((op) => policy.operations.includes(op)) : [] };
  }

  const request = parsed.success && parsed.data.type === 'run' ? parsed.data : undefined;
  const audit = (result: AuditEntry['result'], extra: Partial<AuditEntry> = {}) =>
    deps.audit.write({
      at,
      uid: caller?.uid ?? null,
      ...(caller?.sid ? { sid: caller.sid, ...(caller.account ? { account: caller.account } : {}) } : {}),
      op: request ? request.op.slice(0, 64) : '(malformed request)',
      ...(request ? { args: auditArgs(request.args) } : {}),
      result,
      durationMs: Math.round(performance.now() - started),
      ...extra,
    });
  const refuse = async (code: BrokerErrorCode, message: string) => {
    await audit('refused', { code });
    return error(code, message);
  };

  // Every request counts, malformed ones too: each may cost the machine a look-up and the audit
  // log a line. Callers without a proof share one bucket (-1), so they cannot flood the log.
  const rate = deps.limiter.check(callerKey(caller));
  if (!rate.allowed) {
    if (rate.firstRefusal) await audit('refused', { code: 'rate-limited' });
    return error('rate-limited', 'Too many requests; try again in a minute.');
  }
  if (!caller) return refuse('identity', 'The caller could not prove who it is.');
  if (!request) return refuse('bad-request', 'The request does not have the broker request shape.');
  const op = request.op;
  if (!isOpName(op)) return refuse('unknown-op', 'The broker does not know this operation.');
  const policy = await deps.policy();
  if (!policy.enabled) return refuse('disabled', `The elevation broker is turned off by policy (${policy.source}).`);
  if (!policy.operations.includes(op)) return refuse('not-allowed', `Policy does not allow ${op} (${policy.source}).`);

  const kind = opArgument(op, deps.platform);
  const given = Object.keys(request.args);
  if (kind === 'none' ? given.length > 0 : given.length !== 1 || given[0] !== kind) return refuse('bad-args', `${op} takes ${kind === 'none' ? 'no argument' : `one argument: ${kind}`}.`);
  const args: OpArgs = {};
  if (kind !== 'none') {
    const value = request.args[kind] ?? '';
    if (!nameSchema.safeParse(value).success) return refuse('bad-args', `The ${kind} name is not acceptable.`);
    const known = kind === 'queue' ? await deps.machine.queues() : await deps.machine.adapters();
    if (!known) return refuse('internal', `The list of ${kind === 'queue' ? 'printers' : 'network adapters'} could not be read.`);
    if (!known.includes(value)) return refuse('not-found', `No ${kind === 'queue' ? 'printer queue' : 'network adapter'} with that name exists on this computer.`);
    args[kind] = value;
  }
  const plan = opPlan(op, deps.platform, args);
  if (!plan) return refuse('not-supported', `${op} does not exist on ${deps.platform}.`);

  const { ran: commands, ok } = await serialized(() => execute(plan, deps));
  await audit(ok ? 'ok' : 'failed', { commands: commands.map((c) => ({ file: c.file, args: c.args, exitCode: c.exitCode })) });
  return { v: protocolVersion, type: 'result', op, ok, commands };
}
