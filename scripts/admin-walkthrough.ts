/**
 * The admin walkthrough of issue 16, as a transcript: policy check → preview (started and stopped)
 * → test ticket (to a webhook receiver this script starts on 127.0.0.1) → catalog keygen → sign →
 * verify → one CLI run → report. Everything lives in a temp folder (removed afterwards) and every
 * connection goes to loopback. Each command is printed as an admin types it, with its first lines.
 *
 *   npx tsx scripts/admin-walkthrough.ts [--lines N]
 *
 * test/integration/cli/admin-walkthrough.test.ts runs the same function, so the transcript cannot rot.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { CommandIo } from '../cli/command.ts';
import { main } from '../cli/main.ts';
import { previewCommand } from '../cli/commands/preview.ts';
import { ticketCommand } from '../cli/commands/ticket.ts';

export type WalkthroughStep = { command: string; code: number; output: string[] };
export type Walkthrough = { steps: WalkthroughStep[]; transcript: string; webhookRequests: { headers: IncomingMessage['headers']; body: unknown }[] };

const troubleshooter = `id: acme-hello
version: "1.0.0"
category: other
title: { en: Is this computer ready?, nl: Is deze computer klaar?, fr: Cet ordinateur est-il prêt ?, de: Ist dieser Computer bereit? }
summary:
  en: Looks at which system this computer runs.
  nl: Kijkt welk systeem deze computer heeft.
  fr: Regarde quel système cet ordinateur utilise.
  de: Schaut, welches System dieser Computer hat.
platforms: [win32, darwin, linux]
steps:
  - id: system
    type: check
    title: { en: Look at the system, nl: Het systeem bekijken, fr: Regarder le système, de: Das System ansehen }
    action: env.platform
`;

/** Output lines in the order written (stdout and stderr interleaved, as on a terminal). */
function recorder(): { io: CommandIo; lines: string[] } {
  const lines: string[] = [];
  const push = (text: string) => lines.push(...text.split('\n'));
  return { io: { out: push, err: push }, lines };
}

async function startWebhookReceiver(): Promise<{ url: string; requests: Walkthrough['webhookRequests']; close(): Promise<void> }> {
  const requests: Walkthrough['webhookRequests'] = [];
  let next = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      requests.push({ headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: String(req.headers['idempotency-key'] ?? next), number: `WH-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/firstline`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function runWalkthrough(options: { lines?: number; print?: (line: string) => void } = {}): Promise<Walkthrough> {
  const shown = options.lines ?? 6;
  const work = mkdtempSync(path.join(tmpdir(), 'fl-admin-walkthrough-'));
  const data = path.join(work, 'data');
  const catalog = path.join(work, 'catalog');
  const keys = path.join(work, 'keys');
  const policy = path.join(work, 'policy.json');
  const previousDataDir = process.env.FIRSTLINE_DATA_DIR;
  const receiver = await startWebhookReceiver();
  const steps: WalkthroughStep[] = [];
  const transcript: string[] = [];
  const say = (line: string) => {
    transcript.push(line);
    options.print?.(line);
  };
  // What the admin sees: paths relative to the walkthrough folder.
  const shorten = (text: string) => text.split(work).join('$WORK');
  const step = async (argv: string[], runIt: (io: CommandIo, lines: readonly string[]) => Promise<number>) => {
    const r = recorder();
    const code = await runIt(r.io, r.lines);
    const output = r.lines.map(shorten);
    steps.push({ command: `firstline ${argv.join(' ')}`, code, output });
    say(`$ firstline ${shorten(argv.join(' '))}`);
    for (const line of output.filter((l) => l.trim() !== '').slice(0, shown)) say(`  ${line}`);
    say(`  [exit ${code}]`);
    return { code, output };
  };

  try {
    process.env.FIRSTLINE_DATA_DIR = data;
    mkdirSync(catalog, { recursive: true });
    writeFileSync(path.join(catalog, 'acme-hello.yaml'), troubleshooter);
    writeFileSync(
      policy,
      JSON.stringify(
        {
          support: { name: 'Acme Servicedesk', email: 'it@acme.example' },
          defaultLanguage: 'nl',
          disabledTroubleshooters: ['network'],
          helpdesk: { connector: { type: 'webhook', url: receiver.url } },
        },
        null,
        2,
      ),
    );
    say(`# temp folder $WORK; webhook receiver on ${receiver.url} (loopback)`);

    await step(['policy', 'check', policy, '--catalog', catalog], (io) => main(['policy', 'check', policy, '--catalog', catalog], io));

    const previewArgs = ['--policy', policy, '--catalog', catalog, '--data-dir', data, '--port', '0'];
    await step(['preview', ...previewArgs], (io, lines) =>
      previewCommand(previewArgs, io, {
        // An admin looks, then presses Ctrl+C: here the page is asked what it offers (in Dutch, the policy's language), then stopped.
        untilStopped: async (stop) => {
          const url = new URL(/Firstline preview: (\S+)/.exec(lines.join('\n'))?.[1] ?? '');
          const response = await fetch(`${url.origin}/__firstline/invoke`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: url.origin, 'x-firstline-token': url.searchParams.get('token') ?? '' },
            body: JSON.stringify({ channel: 'catalog:list', args: { lang: 'nl' } }),
          });
          const list = ((await response.json()) as { value?: { id: string; title: string }[] }).value ?? [];
          io.out(
            `(the page offers ${list.length} troubleshooters, e.g. ${list.find((t) => t.id === 'acme-hello')?.title ?? 'NOT acme-hello'}; "network" is ${list.some((t) => t.id === 'network') ? 'still offered' : 'left out by policy'})`,
          );
          await stop();
          io.out('(Ctrl+C: stopped)');
        },
      }),
    );

    const ticketArgs = ['test', '--policy', policy, '--data-dir', data];
    await step(['ticket', ...ticketArgs], (io) => ticketCommand(ticketArgs, io, { machineSecretsFile: path.join(work, 'no-machine-secrets.json') }));

    await step(['catalog', 'keygen', keys], (io) => main(['catalog', 'keygen', keys], io));
    const key = path.join(keys, 'catalog-signing.key');
    const pub = path.join(keys, 'catalog-signing.pub');
    await step(['catalog', 'sign', catalog, '--key', key], (io) => main(['catalog', 'sign', catalog, '--key', key], io));
    await step(['catalog', 'verify', catalog, '--key', pub], (io) => main(['catalog', 'verify', catalog, '--key', pub], io));

    const runArgs = ['run', 'acme-hello', '--catalog', catalog, '--yes', '--data-dir', data];
    await step(runArgs, (io) => main(runArgs, io));
    await step(['report'], (io) => main(['report'], io));
  } finally {
    if (previousDataDir === undefined) delete process.env.FIRSTLINE_DATA_DIR;
    else process.env.FIRSTLINE_DATA_DIR = previousDataDir;
    await receiver.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { steps, transcript: transcript.join('\n'), webhookRequests: receiver.requests };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { lines: { type: 'string' } } });
  const result = await runWalkthrough({ lines: values.lines === undefined ? 6 : Number(values.lines), print: (l) => console.log(l) });
  process.exitCode = result.steps.every((s) => s.code === 0) ? 0 : 1;
}
