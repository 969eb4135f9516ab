/**
 * `npm run dev:web`: the UI in a browser on this machine, backed by the real core.
 * Prints the URL (with its one-time token) and runs until Ctrl+C.
 */
import path from 'node:path';
import { createFirstline } from '../app/compose.ts';
import { createLogger } from '../core/log.ts';
import { redact } from '../core/redact.ts';
import { startBrowserHost } from './server.ts';
import { readFileSync } from 'node:fs';

const root = path.resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const log = createLogger({ redact: (text) => redact(text), echo: (line) => process.stderr.write(line + '\n'), level: 'warn' });
let dispose = (): Promise<void> => Promise.resolve();
let onWindow: (state: 'shown' | 'hidden') => void = () => undefined;

const host = await startBrowserHost({
  rendererDir: path.join(root, 'out', 'renderer'),
  log,
  onWindow: (state) => onWindow(state),
  port: process.env.FIRSTLINE_HOST_PORT ? Number(process.env.FIRSTLINE_HOST_PORT) : undefined,
  createHandlers: async (emit) => {
    const firstline = await createFirstline({
      host: 'browser-host',
      version,
      dataDir: process.env.FIRSTLINE_DATA_DIR ?? path.join(root, '.firstline-dev'),
      catalogDir: path.join(root, 'troubleshooters'),
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      emit,
      openUrl: async (url) => {
        process.stdout.write(`(browser host) would open: ${url}\n`);
        return true;
      },
      openMail: async (url) => {
        process.stdout.write(`(browser host) would open in the mail program: ${url.slice(0, 200)}\n`);
        return true;
      },
      openContact: async (url) => {
        process.stdout.write(`(browser host) would open: ${url}\n`);
        return true;
      },
      // No clipboard or save dialog behind a browser tab here: say what would have happened.
      copyText: async (text) => {
        process.stdout.write(`(browser host) would copy ${text.length} characters to the clipboard\n`);
        return true;
      },
      saveText: async (name, text) => {
        process.stdout.write(`(browser host) would offer to save ${name} (${text.length} characters)\n`);
        return true;
      },
      log,
    });
    dispose = firstline.dispose;
    onWindow = firstline.window;
    return firstline.handlers;
  },
});

process.stdout.write(`Firstline browser host: ${host.url}\n`);
const stop = () => {
  void dispose()
    .then(() => host.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
