/**
 * `firstline preview [--policy <file>] [--catalog <dir> ...] [--data-dir <dir>] [--port <n>]`: what an
 * employee will see with that policy and catalog, in a browser on this machine (host/preview.ts).
 * Runs until Ctrl+C; prints the URL and the data folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from '../../host/preview.ts';
import type { CommandIo } from '../command.ts';

export const previewUsage = `Usage: firstline preview [--policy <policy.json|.mobileconfig|.plist|.reg>] [--catalog <dir> ...] [--data-dir <dir>] [--port <n>]
  Opens the employee's window in a browser on this machine (http://127.0.0.1, printed) with that policy and
  your catalog next to the built-in one. Data (history, tickets, secrets.json) goes to a new temp folder
  (printed) or --data-dir. Helpdesk credentials: firstline secret set <name> --data-dir <that folder>
  (read on every use, no restart). Needs the built UI: npm run build:renderer. Ctrl+C stops it.`;

export async function previewCommand(argv: readonly string[], io: CommandIo, options: { untilStopped?: (stop: () => Promise<void>) => Promise<void> } = {}): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      policy: { type: 'string' },
      catalog: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'renderer-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(previewUsage);
    return 0;
  }
  for (const file of [values.policy, ...(values.catalog ?? [])]) {
    if (file !== undefined && !existsSync(file)) {
      io.err(`${file} does not exist.\n${previewUsage}`);
      return 2;
    }
  }
  const rendererDir = values['renderer-dir'] ?? path.resolve(import.meta.dirname, '../../out/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) io.err(`The UI is not built (${rendererDir}): run npm run build:renderer first; the page will be empty until then.`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`--port takes a port number (got "${values.port}").`);
  const preview = await startPreview({
    ...(values.policy ? { policyFile: values.policy } : {}),
    catalogDirs: values.catalog ?? [],
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(port !== undefined ? { port } : {}),
    rendererDir,
    say: io.out,
  });
  io.out(`Firstline preview: ${preview.url}`);
  io.out(`Data folder: ${preview.dataDir} (policy as read: ${preview.policyFile})`);
  io.out(`Helpdesk credential: printf %s "$TOKEN" | npm run firstline -- secret set <name> --data-dir ${preview.dataDir}`);
  const wait =
    options.untilStopped ??
    ((stop) =>
      new Promise<void>((resolve) => {
        const onSignal = () => void stop().then(resolve);
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      }));
  await wait(() => preview.close());
  return 0;
}
