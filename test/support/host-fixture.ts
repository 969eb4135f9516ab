/**
 * Starts a browser host for a Playwright test: real core services over a temporary data dir,
 * the built renderer, loopback only. Product defaults that would reach the network are
 * overridden here for every UI test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFirstline, type FirstlineOptions } from '../../app/compose.ts';
import { createLogger } from '../../core/log.ts';
import { redact } from '../../core/redact.ts';
import { startBrowserHost, type BrowserHost } from '../../host/server.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The network fix's targets, all on a closed loopback port: no UI test can reach the product
 * defaults (msftconnecttest.com, www.microsoft.com) even if it runs the real network fix.
 */
export const loopbackProbes = {
  dns: { name: 'intranet.firstline.test', servers: ['127.0.0.1:9'] },
  internalUrl: { url: 'http://127.0.0.1:9/' },
  externalUrl: { url: 'http://127.0.0.1:9/' },
  gateway: { host: '127.0.0.1' },
};

export type TestHost = BrowserHost & {
  dataDir: string;
  opened: string[];
  /** Texts the app put on the clipboard, and files it offered to save (nothing real in tests). */
  copied: string[];
  saved: Array<{ name: string; text: string }>;
  /** Screenshots the app offered to save (the mail program cannot carry them). */
  savedFiles: Array<{ name: string; bytes: Buffer }>;
  stop(): Promise<void>;
};

/**
 * `policy` is written to a file the host reads through FIRSTLINE_POLICY_FILE, so no test depends
 * on the machine's /etc/firstline/policy.json.
 */
export async function startTestHost(overrides: Partial<FirstlineOptions> & { policy?: Record<string, unknown> } = {}): Promise<TestHost> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fl-e2e-'));
  const { policy = {}, ...options } = overrides;
  const policyFile = path.join(dataDir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ networkProbes: loopbackProbes, ...policy }));
  const opened: string[] = [];
  const copied: string[] = [];
  const saved: Array<{ name: string; text: string }> = [];
  const savedFiles: Array<{ name: string; bytes: Buffer }> = [];
  const log = createLogger({ redact: (text) => redact(text), file: path.join(dataDir, 'host.log') });
  let dispose = (): Promise<void> => Promise.resolve();
  let onWindow: (state: 'shown' | 'hidden') => void = () => undefined;
  const host = await startBrowserHost({
    rendererDir: path.join(repoRoot, 'out', 'renderer'),
    log,
    onWindow: (state) => onWindow(state),
    createHandlers: async (emit) => {
      const firstline = await createFirstline({
        host: 'browser-host',
        version: '0.0.0-test',
        dataDir,
        catalogDir: path.join(repoRoot, 'troubleshooters'),
        locale: 'en-US',
        emit,
        openUrl: async (url) => {
          opened.push(url);
          return true;
        },
        // Mail links are recorded in the same list: nothing is handed to a mail program in tests.
        openMail: async (url) => {
          opened.push(url);
          return true;
        },
        openContact: async (url) => {
          opened.push(url);
          return true;
        },
        copyText: async (text) => {
          copied.push(text);
          return true;
        },
        saveText: async (name, text) => {
          saved.push({ name, text });
          return true;
        },
        saveFile: async (name, bytes) => {
          savedFiles.push({ name, bytes: Buffer.from(bytes) });
          return true;
        },
        log,
        env: { ...process.env, FIRSTLINE_POLICY_FILE: policyFile },
        // Never the machine's own /etc/firstline/secrets.json (or registry / managed preferences).
        machineSecrets: { linuxFile: path.join(dataDir, 'no-machine-secrets.json') },
        ...options,
      });
      dispose = firstline.dispose;
      onWindow = firstline.window;
      return firstline.handlers;
    },
  });
  return {
    ...host,
    dataDir,
    opened,
    copied,
    saved,
    savedFiles,
    stop: async () => {
      // Runs still going (a failed test) end and record before the data folder goes away.
      await dispose();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
