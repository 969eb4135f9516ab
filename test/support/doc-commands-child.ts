/**
 * Runs CLI commands in one process (a tsx start per command would cost seconds each), in the
 * folder given, in order: argv[2] = JSON [{ args, stdin? }], argv[3] = working folder. Prints one
 * JSON array of { args, code, stdout, stderr }. Used by test/integration/cli/doc-commands.test.ts.
 */
import { secretCommand } from '../../cli/commands/secret.ts';
import { main } from '../../cli/main.ts';

type Job = { args: string[]; stdin?: string };
const jobs = JSON.parse(process.argv[2] ?? '[]') as Job[];
process.chdir(process.argv[3] ?? '.');
const results: { args: string[]; code: number; stdout: string; stderr: string }[] = [];
for (const job of jobs) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  let code: number;
  try {
    // stdin only matters for `secret set` (the value is read from it, never from argv).
    code = job.stdin !== undefined && job.args[0] === 'secret' ? await secretCommand(job.args.slice(1), io, { readStdin: () => Promise.resolve(job.stdin as string) }) : await main(job.args, io);
  } catch (error) {
    code = -1;
    err.push(String(error));
  }
  results.push({ args: job.args, code, stdout: out.join('\n'), stderr: err.join('\n') });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
