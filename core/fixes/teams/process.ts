/**
 * Finding, quitting and starting Teams. Processes are found per user (`pgrep -x -u <uid>`,
 * `tasklist /FI "USERNAME eq …"`) and ended by PID, so another user's Teams is never touched. The
 * user comes from the OS (the process's uid, the account name of its token), never from USER,
 * LOGNAME or USERNAME, which a caller can unset or set to anything (issue #12: as root with USER
 * unset, `pgrep` without `-u` would have listed every user's Teams). Graceful first; SIGKILL /
 * `taskkill /F` only when the caller says the employee agreed.
 */
import { userInfo } from 'node:os';
import { readFile } from 'node:fs/promises';
import type { ActionContext } from '../../engine/action.ts';
import { isSafeArgument, runArgv, succeeded } from '../shared/exec.ts';
import { launcherOf } from '../shared/launch.ts';
import { teamsProcesses, type TeamsClient } from './paths.ts';

export type TeamsProcess = { client: TeamsClient; name: string; pid: number };

/** `tasklist /FO CSV /NH` line: "ms-teams.exe","12345","Console","1","245,312 K". */
export function parseTasklist(text: string): Array<{ name: string; pid: number }> {
  const out: Array<{ name: string; pid: number }> = [];
  for (const match of text.matchAll(/^"([^"]+)","(\d+)"/gm)) if (match[1] && match[2]) out.push({ name: match[1], pid: Number(match[2]) });
  return out;
}

/** Who Firstline runs as, from the OS. Injected in tests to build Windows/macOS argv here. */
export type CurrentUser = { uid?: number | undefined; name?: string | undefined };

export function currentUser(): CurrentUser {
  const info = (() => {
    try {
      return userInfo();
    } catch {
      return undefined; // no passwd entry for this uid: the name is unknown, the uid is still known
    }
  })();
  const uid = process.getuid?.();
  return { ...(uid !== undefined ? { uid } : info && info.uid >= 0 ? { uid: info.uid } : {}), ...(info?.username ? { name: info.username } : {}) };
}

/**
 * The Windows account name, only when it is a plain account name (it goes into a tasklist
 * filter). Letters of any script count (Frédéric, Øyvind): an ASCII-only check used to drop the
 * filter for them and list every user's Teams.
 */
function windowsUser(user: CurrentUser): string | undefined {
  const name = user.name;
  return name && /^[\p{L}\p{M}\p{N}_.@' -]{1,104}$/u.test(name) && isSafeArgument(name) ? name : undefined;
}

/** The per-user lookup, or undefined when the user is unknown: then nothing is listed and nothing is ended. */
export function findCommand(ctx: Pick<ActionContext, 'platform'>, name: string, user: CurrentUser = currentUser()): { file: string; args: string[] } | undefined {
  if (ctx.platform === 'win32') {
    const account = windowsUser(user);
    return account ? { file: 'tasklist', args: ['/FI', `IMAGENAME eq ${name}`, '/FI', `USERNAME eq ${account}`, '/FO', 'CSV', '/NH'] } : undefined;
  }
  return user.uid !== undefined && Number.isInteger(user.uid) && user.uid >= 0 ? { file: 'pgrep', args: ['-u', String(user.uid), '-x', name] } : undefined;
}

/**
 * A process that has exited but not been reaped yet (state Z) still matches `pgrep`; it is not a
 * running Teams and must not make Firstline believe Teams is installed or running. Unreadable
 * /proc entries count as alive (the safe side: Teams is then quit and restarted, not ignored).
 */
async function isZombie(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The state follows the parenthesised command name, which may itself contain ") ".
  return /\) Z /.test(stat.slice(stat.lastIndexOf(')')));
}

export async function findTeams(ctx: ActionContext, user: CurrentUser = currentUser()): Promise<TeamsProcess[]> {
  const found: TeamsProcess[] = [];
  for (const spec of teamsProcesses(ctx.platform)) {
    const command = findCommand(ctx, spec.name, user);
    // Without a user to scope to, the list would include colleagues' Teams on a shared machine:
    // act on nothing rather than on someone else's session.
    if (!command) return found;
    const { file, args } = command;
    const result = await runArgv(ctx, file, args, { timeoutMs: 5000, locale: ctx.platform === 'win32' ? 'keep' : 'c' });
    if (result.notFound) throw new Error(`${file} is not available`);
    if (ctx.platform === 'win32') {
      for (const row of parseTasklist(result.stdout)) if (row.name.toLowerCase() === spec.name.toLowerCase()) found.push({ client: spec.client, name: spec.name, pid: row.pid });
    } else if (succeeded(result)) {
      for (const line of result.stdout.split('\n')) {
        const pid = Number(line.trim());
        if (/^\d+$/.test(line.trim()) && !(ctx.platform === 'linux' && (await isZombie(pid)))) found.push({ client: spec.client, name: spec.name, pid });
      }
    }
  }
  return found;
}

/** On Linux, how each process was started, so a restart uses the same command line. */
export async function commandLines(ctx: ActionContext, processes: readonly TeamsProcess[]): Promise<string[][]> {
  if (ctx.platform !== 'linux') return [];
  const out: string[][] = [];
  for (const proc of processes) {
    const raw = await readFile(`/proc/${proc.pid}/cmdline`, 'utf8').catch(() => '');
    const argv = raw.split('\0').filter(Boolean);
    if (argv.length > 0 && !out.some((a) => a.join('\0') === argv.join('\0'))) out.push(argv);
  }
  return out;
}

const macBundle: Record<TeamsClient, string> = { new: 'com.microsoft.teams2', classic: 'com.microsoft.teams', community: '' };

export function quitCommands(ctx: Pick<ActionContext, 'platform'> & Partial<Pick<ActionContext, 'env'>>, processes: readonly TeamsProcess[], force: boolean): Array<{ file: string; args: string[] }> {
  if (processes.length === 0) return [];
  switch (ctx.platform) {
    case 'win32': {
      // Exactly the processes found for the signed-in user (by PID), so an elevated Firstline on a
      // shared machine never ends a colleague's Teams.
      return [{ file: 'taskkill', args: [...(force ? ['/F'] : []), ...processes.flatMap((p) => ['/PID', String(p.pid)])] }];
    }
    case 'darwin':
      if (force) return [{ file: 'kill', args: ['-KILL', ...processes.map((p) => String(p.pid))] }];
      return [...new Set(processes.map((p) => p.client))].map((client) => ({ file: 'osascript', args: ['-e', `tell application id "${macBundle[client]}" to quit`] }));
    case 'linux':
      return [{ file: 'kill', args: [force ? '-KILL' : '-TERM', ...processes.map((p) => String(p.pid))] }];
  }
}

/** Polls until `done` holds or the time is up (bounded; the interval is short against a human's wait). */
export async function waitFor(ctx: ActionContext, ms: number, done: () => Promise<boolean>): Promise<boolean> {
  const deadline = performance.now() + ms;
  for (let i = 0; i < 1000; i++) {
    if (await done()) return true;
    if (performance.now() >= deadline || ctx.signal.aborted) return false;
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

export type QuitOutcome = 'not-running' | 'graceful' | 'forced' | 'still-running';

export async function quitTeams(ctx: ActionContext, force: boolean, graceMs: number): Promise<{ outcome: QuitOutcome; restart: string[][]; clients: TeamsClient[] }> {
  const running = await findTeams(ctx);
  if (running.length === 0) return { outcome: 'not-running', restart: [], clients: [] };
  const restart = await commandLines(ctx, running);
  const clients = [...new Set(running.map((p) => p.client))];
  for (const c of quitCommands(ctx, running, false)) await runArgv(ctx, c.file, c.args, { timeoutMs: 10_000 });
  if (await waitFor(ctx, graceMs, async () => (await findTeams(ctx)).length === 0)) return { outcome: 'graceful', restart, clients };
  if (!force) return { outcome: 'still-running', restart, clients };
  const left = await findTeams(ctx);
  for (const c of quitCommands(ctx, left, true)) await runArgv(ctx, c.file, c.args, { timeoutMs: 10_000 });
  const gone = await waitFor(ctx, 5000, async () => (await findTeams(ctx)).length === 0);
  return { outcome: gone ? 'forced' : 'still-running', restart, clients };
}

/** Starts Teams the way it was running (Linux) or through the OS's app launcher. */
export async function startTeams(ctx: ActionContext, client: TeamsClient, recorded: readonly string[][]): Promise<{ started: boolean; error?: string }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
  if (ctx.platform === 'linux') {
    const launcher = launcherOf(ctx.exec);
    if (!launcher) return { started: false, error: 'no launcher' };
    const argv = recorded[0] ?? ['teams-for-linux'];
    const [file, ...args] = argv;
    if (!file) return { started: false, error: 'no command' };
    const result = await launcher.launch(file, args, { env });
    return result.started ? { started: true } : { started: false, error: result.error ?? 'not started' };
  }
  const command =
    ctx.platform === 'darwin'
      ? { file: 'open', args: ['-b', macBundle[client === 'classic' ? 'classic' : 'new']] }
      : client === 'classic' && ctx.env.LOCALAPPDATA
        ? { file: `${ctx.env.LOCALAPPDATA}\\Microsoft\\Teams\\Update.exe`, args: ['--processStart', 'Teams.exe'] }
        : { file: 'explorer.exe', args: ['shell:AppsFolder\\MSTeams_8wekyb3d8bbwe!MSTeams'] };
  const result = await runArgv(ctx, command.file, command.args, { timeoutMs: 15_000, locale: 'keep' });
  // explorer.exe exits with 1 even when it opened the app; the running check decides.
  return result.notFound ? { started: false, error: `${command.file} not found` } : { started: true };
}
