/**
 * `firstline secret set <name> --data-dir <dir>` — stores a helpdesk credential in the Node file
 * store (<dir>/secrets.json, the one the browser host and the CLI use), for development and tests.
 * The value is read from stdin, never from argv, so it does not land in shell history or `ps`.
 * `firstline secret list --data-dir <dir>` prints the names only. The packaged app gets its
 * credentials from machine policy instead (core/secrets/provision.ts, docs/admin.md).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFileSecretStore } from '../../core/secrets/secret-store.ts';
import type { CommandIo } from '../command.ts';

export const secretUsage = [
  'Usage: firstline secret set <name> --data-dir <dir>   (the value is read from stdin)',
  '       firstline secret list --data-dir <dir>          (names only)',
  'Example: printf %s "$TOKEN" | npm run firstline -- secret set topdesk-api --data-dir ./dev-data',
].join('\n');

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function secretCommand(argv: readonly string[], io: CommandIo, options: { readStdin?: () => Promise<string> } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(secretUsage);
    return 0;
  }
  const [verb, name, ...extra] = positionals;
  const dataDir = values['data-dir'];
  if (!dataDir) {
    io.err(`Pass --data-dir <dir>: the folder whose secrets.json holds the secrets.\n${secretUsage}`);
    return 2;
  }
  const store = createFileSecretStore(path.join(dataDir, 'secrets.json'));
  if (verb === 'list' && name === undefined) {
    for (const n of await store.names()) io.out(n);
    return 0;
  }
  if (verb !== 'set' || !name) {
    io.err(secretUsage);
    return 2;
  }
  if (extra.length > 0) {
    // Never echo the extra argument: it is probably the secret itself.
    io.err(`The value is read from stdin, not from the command line (it would be kept in your shell history). Nothing was stored.\n${secretUsage}`);
    return 2;
  }
  // One trailing newline is what `echo` or typing Enter adds; it is not part of the secret.
  const value = (await (options.readStdin ?? (() => readAll(process.stdin)))()).replace(/\r?\n$/, '');
  if (value === '') {
    io.err(`No value on stdin; nothing was stored.\n${secretUsage}`);
    return 2;
  }
  mkdirSync(dataDir, { recursive: true });
  await store.set(name, value);
  io.out(`Stored secret "${name}" in ${path.join(dataDir, 'secrets.json')}.`);
  return 0;
}
