/**
 * The broker's live test bench, as on an installed machine: the broker bundle runs as root the way
 * its systemd unit starts it (build/broker/linux/firstline-broker.service), with its drop folder,
 * socket and audit log in a private temp tree; callers run as real unprivileged users (runuser);
 * a private cupsd on a Unix socket reserves switching queues on for root, like a real CUPS. The
 * broker's PATH holds only logging shims, so every command it runs is recorded, and the ones that
 * would touch this machine (systemctl, resolvectl, nmcli) only log.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const cupsdPath = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((p) => existsSync(p));
export const canRunLive = process.getuid?.() === 0 && process.platform === 'linux' && existsSync('/usr/sbin/runuser');
export const skipReason = process.getuid?.() !== 0 ? 'the live broker tests need root (CI runs as root) to start the broker as the service would' : 'runuser is missing';

export type Account = { name: string; uid: number; gid: number };

/** An unprivileged account without a home or shell, created once (CI runs as root). */
export async function ensureUser(name: string): Promise<Account> {
  const id = async () => {
    const uid = Number((await run('id', ['-u', name])).stdout.trim());
    const gid = Number((await run('id', ['-g', name])).stdout.trim());
    return { name, uid, gid };
  };
  try {
    return await id();
  } catch {
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]).catch(() => undefined);
    return id();
  }
}

export type Bench = { dir: string; sub(name: string): string; cleanup(): Promise<void> };

export async function makeBench(): Promise<Bench> {
  const dir = await mkdtemp(path.join(tmpdir(), 'firstline-broker-'));
  await chmod(dir, 0o755);
  return { dir, sub: (name) => path.join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The broker as one file, exactly like `npm run build:broker` makes it (node built-ins only). */
export async function bundle(bench: Bench, entry: string, name: string, format: 'cjs' | 'esm' = 'cjs'): Promise<string> {
  const outfile = bench.sub(`${name}.${format === 'cjs' ? 'cjs' : 'mjs'}`);
  await build({ entryPoints: [path.join(repoRoot, entry)], outfile, bundle: true, platform: 'node', format, target: 'node20', logLevel: 'silent' });
  await chmod(outfile, 0o644);
  return outfile;
}

/**
 * The CLI as one ESM file inside the repo (out/), so its packages resolve from node_modules and
 * the employee's process does not compile TypeScript on every start (tsx would, under load, for
 * seconds). Catalog folders are passed explicitly: the bundle lives elsewhere than cli/.
 */
export async function bundleCli(): Promise<string> {
  const outfile = path.join(repoRoot, 'out/broker-test/cli.mjs');
  await build({
    entryPoints: [path.join(repoRoot, 'cli/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await chmod(path.dirname(outfile), 0o755);
  await chmod(outfile, 0o644);
  return outfile;
}

const realBinaries: Record<string, string | undefined> = {
  lpstat: '/usr/bin/lpstat',
  cupsenable: '/usr/sbin/cupsenable',
  cupsaccept: '/usr/sbin/cupsaccept',
  ip: ['/usr/sbin/ip', '/usr/bin/ip', '/sbin/ip', '/bin/ip'].find((p) => existsSync(p)),
  // These would change this machine: logged only.
  systemctl: undefined,
  resolvectl: undefined,
  'systemd-resolve': undefined,
  nmcli: undefined,
  launchctl: undefined,
};

/** A PATH folder of logging shims; `commands()` reads what the broker ran, one argv per line. */
export async function makeShims(bench: Bench): Promise<{ path: string; commands(): Promise<string[][]> }> {
  const dir = bench.sub('shims');
  const log = bench.sub('commands.log');
  await mkdir(dir, { recursive: true });
  await writeFile(log, '');
  for (const [name, real] of Object.entries(realBinaries)) {
    const script = [
      '#!/bin/sh',
      `printf '%s' "${name}" >> '${log}'`,
      `for a in "$@"; do printf '\\t%s' "$a" >> '${log}'; done`,
      `printf '\\n' >> '${log}'`,
      real ? `exec '${real}' "$@"` : 'exit 0',
      '',
    ].join('\n');
    await writeFile(path.join(dir, name), script, { mode: 0o755 });
  }
  return {
    path: dir,
    commands: async () =>
      (await readFile(log, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')),
  };
}

export type Cups = { socket: string; env: Record<string, string>; cli(file: string, ...args: string[]): Promise<string>; stop(): Promise<void> };

/** A private cupsd on a Unix socket where only root may switch a queue on; users may print and cancel their own jobs. */
export async function startStrictCups(bench: Bench): Promise<Cups> {
  if (!cupsdPath) throw new Error('cupsd is not installed');
  const sub = (name: string) => bench.sub(`cups/${name}`);
  for (const name of ['root', 'spool', 'spool/tmp', 'state', 'cache', 'log']) await mkdir(sub(name), { recursive: true });
  for (const name of ['', 'root', 'spool', 'spool/tmp', 'state', 'cache', 'log']) {
    await chown(sub(name), 0, 7).catch(() => undefined);
    await chmod(sub(name), name === 'spool/tmp' ? 0o1770 : 0o755);
  }
  const socket = sub('cups.sock');
  const admin =
    'CUPS-Add-Modify-Printer CUPS-Delete-Printer CUPS-Add-Modify-Class CUPS-Delete-Class CUPS-Set-Default Pause-Printer Resume-Printer CUPS-Accept-Jobs CUPS-Reject-Jobs Set-Printer-Attributes Enable-Printer Disable-Printer Purge-Jobs Restart-Printer Shutdown-Printer Startup-Printer';
  await writeFile(
    sub('root/cupsd.conf'),
    [
      `Listen ${socket}`,
      'Browsing No',
      'BrowseLocalProtocols none',
      'WebInterface No',
      'LogLevel warn',
      'DefaultAuthType Basic',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      `  <Limit ${admin}>`,
      '    AuthType Default',
      '    Require user @SYSTEM',
      '    Order deny,allow',
      '  </Limit>',
      '  <Limit Cancel-Job Cancel-My-Jobs Hold-Job Release-Job Restart-Job Set-Job-Attributes CUPS-Move-Job>',
      '    Require user @OWNER @SYSTEM',
      '    Order deny,allow',
      '  </Limit>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  await writeFile(
    sub('root/cups-files.conf'),
    [
      `ServerRoot ${sub('root')}`,
      `RequestRoot ${sub('spool')}`,
      `TempDir ${sub('spool/tmp')}`,
      `StateDir ${sub('state')}`,
      `CacheDir ${sub('cache')}`,
      `AccessLog ${sub('log/access_log')}`,
      `ErrorLog ${sub('log/error_log')}`,
      `PageLog ${sub('log/page_log')}`,
      'User lp',
      'Group lp',
      'SystemGroup root',
      'FileDevice Yes',
      '',
    ].join('\n'),
  );
  const child = spawn(cupsdPath, ['-f', '-c', sub('root/cupsd.conf'), '-s', sub('root/cups-files.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', CUPS_SERVER: socket, LC_ALL: 'C' };
  const cli = async (file: string, ...args: string[]) => (await run(file, args, { env })).stdout;
  const deadline = performance.now() + 10_000;
  for (let i = 0; i < 1000 && performance.now() < deadline; i++) {
    if (exited) throw new Error(`cupsd exited: ${await readFile(sub('log/error_log'), 'utf8').catch(() => '')}`);
    if (
      existsSync(socket) &&
      (await cli('lpstat', '-r').then(
        (o) => o.includes('is running'),
        () => false,
      ))
    )
      break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    socket,
    env,
    cli,
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

export type BrokerProcess = { socket: string; proofDir: string; auditLog: string; policyFile: string; audit(): Promise<Record<string, unknown>[]>; child: ChildProcess; stop(): Promise<void> };

/** Starts the bundled broker as root with the flags its service definition passes. */
export async function startBroker(bench: Bench, bundleFile: string, options: { cupsServer: string; shimPath: string; rate?: string; name?: string }): Promise<BrokerProcess> {
  const name = options.name ?? 'broker';
  const runDir = bench.sub(`${name}-run`);
  await mkdir(runDir, { recursive: true, mode: 0o755 });
  await chmod(runDir, 0o755);
  const socket = path.join(runDir, 'broker.sock');
  const proofDir = path.join(runDir, 'proof');
  const auditLog = bench.sub(`${name}-log/broker.log`);
  const policyFile = bench.sub(`${name}-policy.json`);
  const child = spawn(
    process.execPath,
    [
      bundleFile,
      '--socket',
      socket,
      '--proof-dir',
      proofDir,
      '--audit-log',
      auditLog,
      '--policy-file',
      policyFile,
      '--path',
      options.shimPath,
      '--cups-server',
      options.cupsServer,
      '--rate',
      options.rate ?? '30/60',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {},
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`broker did not start: ${stderr}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (!d.toString().includes('listening')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`broker exited ${String(code)}: ${stderr}`))));
  });
  return {
    socket,
    proofDir,
    auditLog,
    policyFile,
    child,
    audit: async () =>
      (await readFile(auditLog, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** Runs argv as `account` with exactly `env` (nothing inherited from root). */
export function runAs(account: Account, file: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    execFile('runuser', ['-u', account.name, '--', '/usr/bin/env', '-i', ...envArgs, file, ...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
