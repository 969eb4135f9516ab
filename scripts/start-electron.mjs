#!/usr/bin/env node
/**
 * `npm start`: checks for the Electron binary first, then builds and launches it. Electron's own
 * launcher tries to download the binary on first use and dies with a stack trace where that is
 * blocked (our CI, offline machines); this says in one sentence what is missing and what to do.
 * FIRSTLINE_ELECTRON_PACKAGE points at another electron package folder (tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = process.env.FIRSTLINE_ELECTRON_PACKAGE || path.dirname(require.resolve('electron/package.json'));
const version = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
const pathFile = path.join(packageDir, 'path.txt');
const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const binary = override ? path.join(override, executable) : path.join(packageDir, 'dist', executable);

if (!existsSync(binary)) {
  process.stderr.write(
    `Firstline needs the Electron ${version} binary, which is not installed (${binary}): run \`node node_modules/electron/install.js\` on a machine that may download from GitHub, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding it; meanwhile \`npm run dev:web\` shows the UI in your browser.\n`,
  );
  process.exit(1);
}

const npm = process.env.npm_execpath;
const build = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
