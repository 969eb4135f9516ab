/**
 * Makes the elevation broker a single executable (Node SEA) next to its bundle:
 * out/broker/firstline-broker, run by the service definitions in build/broker/. It carries its own
 * Node runtime, so the machine needs no Node and the broker never loads the app's node_modules.
 * Run on each target OS after `npm run build:broker` (SEA embeds the running node binary):
 *   npx tsx scripts/build-broker-sea.ts
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'out/broker');
const main = path.join(dir, 'firstline-broker.cjs');
if (!existsSync(main)) throw new Error('run `npm run build:broker` first');
const blob = path.join(dir, 'sea-prep.blob');
const config = path.join(dir, 'sea-config.json');
const exe = path.join(dir, process.platform === 'win32' ? 'firstline-broker.exe' : 'firstline-broker');
writeFileSync(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }));
execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
const postject = path.join(root, 'node_modules/postject/dist/cli.js');
execFileSync(
  process.execPath,
  [postject, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2', ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [])],
  { stdio: 'inherit' },
);
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);
console.log(`wrote ${path.relative(root, exe)}`);
