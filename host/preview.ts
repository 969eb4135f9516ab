/**
 * `firstline preview`: the employee's window with a given policy and catalog, in the browser
 * host (never packaged), data in a temp folder it names. The policy document (policy.json,
 * .mobileconfig/.plist, .reg) is read like `policy check` reads it and handed to the app as its
 * policy file; a `--catalog` folder is added to `catalogSources`, so it goes through the same
 * sync and signature checks an employee's app applies. Helpdesk credentials are read from
 * <data>/secrets.json on every use — `firstline secret set <name> --data-dir <data>` takes effect
 * without a restart.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFirstline } from '../app/compose.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { readPolicyDocument } from '../core/policy/files/read.ts';
import { policyFileEnv } from '../core/policy/load.ts';
import { redact } from '../core/redact.ts';
import { createFileSecretStore, type SecretStore } from '../core/secrets/secret-store.ts';
import { startBrowserHost } from './server.ts';

const root = path.resolve(import.meta.dirname, '..');

export type PreviewOptions = {
  policyFile?: string;
  catalogDirs?: readonly string[];
  /** Default: a new folder under the system temp folder. */
  dataDir?: string;
  port?: number;
  rendererDir?: string;
  /** What the host would open (links, mail): printed, never opened. */
  say?(line: string): void;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
};

export type Preview = { url: string; origin: string; token: string; dataDir: string; policyFile: string; secrets: SecretStore; close(): Promise<void> };

/** A secret store that reads the file on every call: the one `secret set --data-dir` writes, live. */
export function liveSecretStore(file: string): SecretStore {
  const fresh = () => createFileSecretStore(file);
  return {
    get: (name) => fresh().get(name),
    set: (name, value) => fresh().set(name, value),
    delete: (name) => fresh().delete(name),
    names: () => fresh().names(),
  };
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : mkdtempSync(path.join(tmpdir(), 'firstline-preview-'));
  mkdirSync(dataDir, { recursive: true });
  const values: Record<string, unknown> = options.policyFile ? { ...readPolicyDocument(options.policyFile).values } : {};
  const catalogs = (options.catalogDirs ?? []).map((dir) => path.resolve(dir));
  if (catalogs.length > 0) {
    const listed = Array.isArray(values.catalogSources) ? (values.catalogSources as unknown[]).filter((s): s is string => typeof s === 'string') : [];
    values.catalogSources = [...listed, ...catalogs.filter((c) => !listed.includes(c))];
  }
  const policyFile = path.join(dataDir, 'preview-policy.json');
  writeFileSync(policyFile, `${JSON.stringify(values, null, 2)}\n`);
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log = options.log ?? createLogger({ redact: (text) => redact(text), echo: (line) => process.stderr.write(`${line}\n`), level: 'warn' });
  const secrets = liveSecretStore(path.join(dataDir, 'secrets.json'));
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  let dispose = (): Promise<void> => Promise.resolve();
  const said = (what: string) => async (text: string) => {
    say(`(preview) would ${what}: ${text.slice(0, 200)}`);
    return true;
  };
  const host = await startBrowserHost({
    rendererDir: options.rendererDir ?? path.join(root, 'out', 'renderer'),
    log,
    ...(options.port !== undefined ? { port: options.port } : {}),
    createHandlers: async (emit) => {
      const firstline = await createFirstline({
        host: 'browser-host',
        version,
        dataDir,
        catalogDir: path.join(root, 'troubleshooters'),
        locale: Intl.DateTimeFormat().resolvedOptions().locale,
        emit,
        env: { ...(options.env ?? process.env), [policyFileEnv]: policyFile },
        secrets,
        openUrl: said('open'),
        openMail: said('open in the mail program'),
        openContact: said('open'),
        copyText: async (text) => {
          say(`(preview) would copy ${text.length} characters to the clipboard`);
          return true;
        },
        saveText: async (name, text) => {
          say(`(preview) would offer to save ${name} (${text.length} characters)`);
          return true;
        },
        log,
      });
      await firstline.catalogsSynced;
      dispose = firstline.dispose;
      return firstline.handlers;
    },
  });
  return {
    url: host.url,
    origin: host.origin,
    token: host.token,
    dataDir,
    policyFile,
    secrets,
    close: async () => {
      await dispose();
      await host.close();
    },
  };
}
