/**
 * A private CUPS scheduler for live printer tests: its own config, spool, state, cache and log
 * directories in a temp dir, listening only on 127.0.0.1:<free port>, with browsing and every
 * discovery protocol off. Clients reach it through CUPS_SERVER; nothing touches the system cupsd.
 * cupsd refuses `User root`, so filters run as `lp`, which needs to read the temp tree.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closedPort } from './loopback.ts';

export const cupsdPath = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((p) => existsSync(p));

export type CupsServer = { port: number; dir: string; env: Record<string, string>; errorLog(): Promise<string>; stop(): Promise<void> };

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * `stockPolicy`: the access rules of a stock cupsd.conf for the operations the fixes use — an
 * employee may cancel their own jobs (Cancel-Job, @OWNER) but not purge a queue (`cancel -u`),
 * and only @SYSTEM (root here) may enable, accept or administer queues. Without it every
 * operation is open (the simpler tests that only check what Firstline does as root).
 */
export async function startCups(options: { stockPolicy?: boolean } = {}): Promise<CupsServer> {
  if (!cupsdPath) throw new Error('cupsd is not installed');
  const dir = await mkdtemp(path.join(tmpdir(), 'firstline-cups-'));
  const sub = (name: string) => path.join(dir, name);
  for (const name of ['root', 'spool', 'spool/tmp', 'state', 'cache', 'log', 'home']) await mkdir(sub(name), { recursive: true });
  // The scheduler drops to lp:lp for filters and backends; give that group the tree.
  const lpGid = 7;
  for (const name of ['', 'root', 'spool', 'spool/tmp', 'state', 'cache', 'log']) {
    await chown(sub(name), 0, lpGid).catch(() => undefined);
    await chmod(sub(name), name === 'spool/tmp' ? 0o1770 : 0o755);
  }
  const port = await closedPort();
  await writeFile(
    sub('root/cupsd.conf'),
    [
      `Listen 127.0.0.1:${port}`,
      'Browsing No',
      'BrowseLocalProtocols none',
      'WebInterface No',
      'LogLevel warn',
      'DefaultAuthType None',
      'MaxJobs 100',
      '<Location />',
      '  Order allow,deny',
      '  Allow from 127.0.0.1',
      '</Location>',
      '<Policy default>',
      ...(options.stockPolicy
        ? [
            '  <Limit Send-Document Send-URI Hold-Job Release-Job Restart-Job Purge-Jobs Set-Job-Attributes Cancel-My-Jobs Close-Job CUPS-Move-Job Cancel-Job>',
            '    Require user @OWNER @SYSTEM',
            '    Order deny,allow',
            '  </Limit>',
            '  <Limit Pause-Printer Resume-Printer Enable-Printer Disable-Printer Cancel-Jobs CUPS-Accept-Jobs CUPS-Reject-Jobs CUPS-Add-Modify-Printer CUPS-Delete-Printer CUPS-Set-Default>',
            '    Require user @SYSTEM',
            '    Order deny,allow',
            '  </Limit>',
          ]
        : []),
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
      'FileDevice Yes',
      'SystemGroup root',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(cupsdPath, ['-f', '-c', sub('root/cupsd.conf'), '-s', sub('root/cups-files.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  const errorLog = () => readFile(sub('log/error_log'), 'utf8').catch(() => '');
  // Readiness: poll the port, bounded in count and time (a hand-started cupsd listens in ~25 ms).
  const deadline = performance.now() + 10_000;
  for (let attempt = 0; attempt < 1000 && performance.now() < deadline; attempt++) {
    if (exited) throw new Error(`cupsd exited early: ${await errorLog()}`);
    if (await portOpen(port)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!(await portOpen(port))) {
    child.kill('SIGKILL');
    throw new Error(`cupsd did not listen on ${port}: ${await errorLog()}`);
  }
  const env = {
    PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    CUPS_SERVER: `127.0.0.1:${port}`,
    HOME: sub('home'),
  };
  return {
    port,
    dir,
    env,
    errorLog,
    async stop() {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
