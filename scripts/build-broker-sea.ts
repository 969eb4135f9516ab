/**
 * Makes the elevation broker a single executable (Node SEA) next to its bundle:
 * out/broker/firstline-broker (firstline-broker.exe and its service host on Windows), run by the
 * service definitions in build/broker/. It carries its own Node runtime, so the machine needs no
 * Node and the broker never loads the app's node_modules. Run on each target OS after
 * `npm run build:broker` (SEA embeds the running node binary):
 *   npx tsx scripts/build-broker-sea.ts
 * The steps per OS: scripts/broker-sea-plan.ts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seaPlan } from './broker-sea-plan.ts';

const root = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(root, 'out/broker/firstline-broker.cjs'))) throw new Error('run `npm run build:broker` first');
const plan = seaPlan(process.platform, root, process.execPath, process.env);
for (const step of plan.steps) {
  if ('write' in step) writeFileSync(...step.write);
  else if ('copy' in step) {
    copyFileSync(...step.copy);
    chmodSync(step.copy[1], 0o755);
  } else execFileSync(step.file, step.args, { stdio: 'inherit' });
}
for (const output of plan.outputs) console.log(`wrote ${path.relative(root, output)}`);
