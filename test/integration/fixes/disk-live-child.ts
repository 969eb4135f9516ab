/**
 * Child of disk-live.test.ts, started inside its own mount namespace (`unshare --mount`) as root:
 *   mount  <dir> [uid]  mounts a 64 MB tmpfs on <dir> (gone with the namespace), runs the scenarios
 *                       as root, then hands the tmpfs to uid and re-runs itself as that user (setpriv);
 *   run    <dir>        fills a home on that tmpfs and runs the disk-full troubleshooter through
 *                       the engine, printing one JSON line per scenario.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statfsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCatalog } from './run-catalog.ts';

const [mode, dirArg, uidText] = process.argv.slice(2);
if (!dirArg) throw new Error('usage: mount|run <dir> [uid]');
const dir: string = dirArg;
const MB = 1024 * 1024;

function put(file: string, bytes: number, mtime = new Date(Date.now() - 3 * 24 * 3600 * 1000)) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.alloc(bytes, 7));
  utimesSync(file, mtime, mtime);
}
const free = () => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

async function scenario(name: string, cacheMB: number, trashMB: number) {
  const home = path.join(dir, name);
  put(path.join(home, 'Documents', 'report.docx'), 1 * MB);
  put(path.join(home, 'Downloads', 'setup.iso'), 1 * MB);
  put(path.join(home, '.cache', 'google-chrome', 'Default', 'Cache', 'Cache_Data', 'data_1'), cacheMB * MB);
  put(path.join(home, '.cache', 'google-chrome', 'Default', 'History'), 64 * 1024);
  put(path.join(home, '.local', 'share', 'Trash', 'files', 'old-photos.zip'), trashMB * MB);
  put(path.join(home, '.local', 'share', 'Trash', 'info', 'old-photos.zip.trashinfo'), 100);
  const before = free();
  // PATH: pgrep must be found. Google Chrome's cache, not Chromium's: Playwright runs chromium as root on CI
  // and dev machines, and the fix rightly leaves a running browser's cache alone.
  const run = await runCatalog('disk-full', { env: { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  const after = free();
  const intact = ['Documents/report.docx', 'Downloads/setup.iso', '.cache/google-chrome/Default/History'].every((f) => readFileSync(path.join(home, f)).length > 0);
  process.stdout.write(
    `${JSON.stringify({ name, uid: process.getuid?.(), before, after, intact, outcome: run.finished.outcome, reasonCode: run.finished.reasonCode, steps: run.steps, clean: run.results['clean:fix:disk.clean'], trash: run.results['trash:fix:disk.empty-trash'] })}\n`,
  );
  execFileSync('rm', ['-rf', home]);
}

async function scenarios(prefix: string) {
  // 64 MB file system: low means under 6.4 MB free (10%). Temporary internet files alone fix it…
  await scenario(`${prefix}cache-enough`, 56, 2);
  // …or they are too few and the recycle bin (its own consent) is what brings the space back.
  await scenario(`${prefix}trash-needed`, 1, 56);
}

if (mode === 'mount') {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=0755', 'tmpfs', dir]);
  // As root, in this process; then the same scenarios as the employee, in a child with its rights.
  await scenarios('root-');
  if (uidText) {
    execFileSync('chown', [`${uidText}:${uidText}`, dir]);
    const gid = execFileSync('id', ['-g', uidText], { encoding: 'utf8' }).trim();
    const self = new URL(import.meta.url).pathname;
    const child = spawnSync('setpriv', ['--reuid', uidText, '--regid', gid, '--clear-groups', process.execPath, '--import', 'tsx', self, 'run', dir], { encoding: 'utf8', timeout: 60_000 });
    process.stdout.write(child.stdout);
    process.stderr.write(child.stderr);
  }
} else {
  await scenarios('employee-');
}
