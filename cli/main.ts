/**
 * The CLI's router (`main`), importable without running it; cli/index.ts is the entry.
 * A small router: each command lives in cli/commands/<name>.ts and is registered below.
 */
import type { Command, CommandIo } from './command.ts';
import { actionsCommand } from './commands/actions.ts';
import { catalogCommand } from './commands/catalog.ts';
import { lintCommand } from './commands/lint.ts';
import { listCommand } from './commands/list.ts';
import { policyCommand } from './commands/policy.ts';
import { previewCommand } from './commands/preview.ts';
import { reportCommand } from './commands/report.ts';
import { runCommand } from './commands/run.ts';
import { secretCommand } from './commands/secret.ts';
import { testCommand } from './commands/test.ts';
import { ticketCommand } from './commands/ticket.ts';

export const commands: Record<string, Command> = {
  list: { summary: 'list the troubleshooters in a catalog', run: listCommand },
  lint: { summary: 'validate troubleshooter files (file:line:col: severity: message)', run: lintCommand },
  run: { summary: 'run a troubleshooter (use --dry-run to change nothing)', run: runCommand },
  test: { summary: 'run author tests (*.test.yaml)', run: testCommand },
  actions: { summary: 'list the actions troubleshooters may use', run: actionsCommand },
  catalog: { summary: 'sign and verify catalogs', run: catalogCommand },
  policy: { summary: 'check a policy as the app reads it; export it as .mobileconfig, .reg, policy.json or ADMX', run: policyCommand },
  preview: { summary: "open the employee's window in a browser with a policy and catalog (temp data folder)", run: (argv, io) => previewCommand(argv, io) },
  report: { summary: 'self-help numbers from the run history', run: (argv, io) => reportCommand(argv, io) },
  ticket: { summary: 'send one marked test ticket through the configured helpdesk and read it back', run: (argv, io) => ticketCommand(argv, io) },
  secret: { summary: 'store a helpdesk credential for development (value read from stdin)', run: (argv, io) => secretCommand(argv, io) },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['Usage: firstline <command> [options]   (firstline <command> --help for details)', '', 'Commands:', ...lines].join('\n');
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Bad flags (node:util parseArgs) and other usage errors end here.
    io.err(`firstline ${name}: ${(error as Error).message}`);
    return 2;
  }
}
