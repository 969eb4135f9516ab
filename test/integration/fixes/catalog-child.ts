/**
 * Runs one built-in troubleshooter through the engine in a child process and prints the outcome as
 * JSON, so a live test can run it with an unprivileged employee's rights (setpriv).
 * Usage: node --import tsx catalog-child.ts '<json: { id, env, policy?, answers?, consent? }>'
 */
import { runCatalog } from './run-catalog.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof runCatalog>[1] & { id: string };
const run = await runCatalog(options.id, options);
process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), finished: run.finished, steps: run.steps, results: run.results })}\n`);
