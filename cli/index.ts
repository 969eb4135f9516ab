/**
 * `npm run firstline -- <command> [...]`: the authoring and admin CLI, run with tsx (no build).
 * The router and the command table are in cli/main.ts.
 */
import type { CommandIo } from './command.ts';
import { main } from './main.ts';

const io: CommandIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
process.exitCode = await main(process.argv.slice(2), io);
