/**
 * `firstline ticket test [--policy <file> | --machine] [--data-dir <dir>] [--requester <email>] [--json]`
 * Sends one clearly marked test ticket through the helpdesk connector the app would use, prints the
 * helpdesk's answer (number, id, link), finds it again by its client id, reads its status back and
 * explains any failure in plain words (core/tickets/connection-test.ts).
 * Credentials come from the same sources as the app: machine policy (HKLM …\Secrets, the managed
 * preferences' Secrets, /etc/firstline/secrets.json) over the data folder's secrets.json
 * (`firstline secret set --data-dir`). Exit codes: 0 every step worked, 1 a step failed, 2 usage.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Platform } from '../../core/kernel/platform.ts';
import { createNodeExecPort } from '../../core/platform/node-exec.ts';
import { readPolicyDocument } from '../../core/policy/files/read.ts';
import { loadPolicy } from '../../core/policy/load.ts';
import { resolvePolicy, type EffectivePolicy } from '../../core/policy/resolve.ts';
import { readMachineSecrets } from '../../core/secrets/provision.ts';
import { createFileSecretStore, type SecretStore } from '../../core/secrets/secret-store.ts';
import { runConnectionTest, testTicketTitle } from '../../core/tickets/connection-test.ts';
import { ticketConfigSchema } from '../../core/tickets/config.ts';
import type { CommandIo } from '../command.ts';
import { appDataDir } from '../data-dir.ts';

export const ticketUsage = `Usage: firstline ticket test [--policy <file> | --machine] [--data-dir <dir>] [--requester <email>] [--category <c>] [--json]
  Sends ONE test ticket ("${testTicketTitle}") through the helpdesk connector in the policy
  (a policy.json/.mobileconfig/.plist/.reg file, or --machine: what this machine's app reads),
  shows its number and link, finds it again by its client id and reads its status back.
  Credentials: machine policy secrets, else <data-dir>/secrets.json (default: this machine's Firstline data folder).`;

const toPlatform = (p: NodeJS.Platform): Platform => (p === 'win32' || p === 'darwin' ? p : 'linux');

/** Machine-delivered secrets win, as in the app (which imports them over its store at start). Read-only. */
function layeredSecrets(machine: Record<string, string>, store: SecretStore): SecretStore {
  return {
    get: async (name) => machine[name] ?? (await store.get(name)),
    set: () => Promise.reject(new Error('read-only')),
    delete: () => Promise.reject(new Error('read-only')),
    names: async () => [...new Set([...Object.keys(machine), ...(await store.names())])],
  };
}

export async function ticketCommand(argv: readonly string[], io: CommandIo, options: { machineSecretsFile?: string } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      machine: { type: 'boolean' },
      'data-dir': { type: 'string' },
      requester: { type: 'string' },
      category: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(ticketUsage);
    return 0;
  }
  if (positionals[0] !== 'test' || positionals.length !== 1 || (values.policy && values.machine)) {
    io.err(ticketUsage);
    return 2;
  }
  const platform = toPlatform(process.platform);
  const exec = createNodeExecPort();
  let effective: EffectivePolicy;
  let where: string;
  if (values.policy) {
    try {
      effective = resolvePolicy([readPolicyDocument(values.policy)]);
    } catch (error) {
      io.err(`Cannot read ${values.policy}: ${(error as Error).message}`);
      return 2;
    }
    where = values.policy;
  } else {
    effective = await loadPolicy({ platform, exec, env: process.env, ...(platform === 'darwin' ? { userName: process.env.USER } : {}) });
    where = effective.layers.map((l) => `${l.source} ${l.location}`).join('; ') || 'this machine (no policy set)';
  }
  for (const issue of effective.issues.filter((i) => i.key === 'helpdesk')) io.err(`policy: helpdesk (${issue.source}): ${issue.message} — the app ignores this helpdesk setting.`);
  const parsed = ticketConfigSchema.safeParse(effective.values.helpdesk ?? {});
  const config = parsed.success ? parsed.data : undefined;
  if (!config?.connector) {
    io.err(
      `No helpdesk connector in ${where}.${config?.fallbackEmail ? ` Employees get a message to ${config.fallbackEmail} in their mail program instead.` : ''} Set the "helpdesk" policy key (docs/admin.md, Helpdesk connectors); firstline policy check <file> explains a setting the app drops.`,
    );
    return 1;
  }
  const dataDir = values['data-dir'] ?? appDataDir();
  const machine = await readMachineSecrets({ platform, exec, ...(options.machineSecretsFile ? { linuxFile: options.machineSecretsFile } : {}) });
  for (const issue of machine.issues) io.err(`secrets: ${issue}`);
  const secrets = layeredSecrets(machine.values, createFileSecretStore(path.join(dataDir, 'secrets.json')));

  const result = await runConnectionTest(
    config.connector,
    { secrets, timeoutMs: config.timeoutMs },
    { host: hostname(), ...(values.requester ? { requesterEmail: values.requester } : {}), ...(values.category ? { category: values.category } : {}) },
  );
  if (values.json) {
    io.out(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  io.out(`Helpdesk: ${config.connector.type} (${where}); credentials: ${machine.source ?? 'no machine secrets'}, then ${path.join(dataDir, 'secrets.json')}`);
  io.out(`Test ticket "${testTicketTitle}", client id ${result.clientId}`);
  for (const step of result.steps) {
    io.out(`  ${step.ok ? 'OK  ' : 'FAIL'} ${step.step.padEnd(6)} ${step.detail}`);
    if (step.explanation) io.out(`       ${step.explanation}`);
  }
  if (result.ticket) io.out(`Ticket ${result.ticket.number}${result.ticket.link ? `: ${result.ticket.link}` : ''} — close it in the helpdesk.`);
  io.out(result.ok ? 'The helpdesk works as Firstline needs it.' : 'Employees cannot rely on this helpdesk setting yet: see FAIL above.');
  return result.ok ? 0 : 1;
}
