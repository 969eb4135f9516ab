/**
 * The camera on Linux, read from the file system only: the V4L2 device nodes (`/dev/video*`),
 * whether the employee may open them (read and write, as V4L2 needs; usually the `video` group),
 * their names (`/sys/class/video4linux/<node>/name`) and which of the employee's own processes hold
 * one open (`/proc/<pid>/fd` links; other users' processes are never looked at, and only their
 * names leave this file). The folders are injectable so a test can use fake device files in a
 * temporary folder instead of real cameras (nothing is ever created in /dev).
 */
import { constants } from 'node:fs';
import { access, readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';

export type LinuxCameraPaths = { devDir: string; procRoot: string; sysDir: string; groupFile: string };
export const linuxCameraPaths: LinuxCameraPaths = { devDir: '/dev', procRoot: '/proc', sysDir: '/sys/class/video4linux', groupFile: '/etc/group' };

export type LinuxCamera = {
  /** Device nodes found (`video0`, …), numerically sorted. */
  nodes: string[];
  /** Human names of the devices, when the kernel gives them. */
  names: string[];
  /** Nodes the employee may not open for reading and writing. */
  unreadable: string[];
  /** The group that owns the first unreadable node (usually `video`), for IT. */
  group?: string;
  /** Names of the employee's own programs that hold a camera open (Firstline itself left out). */
  inUseBy: string[];
};

async function groupName(groupFile: string, gid: number): Promise<string | undefined> {
  const text = await readFile(groupFile, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    if (name && Number(id) === gid) return name;
  }
  return undefined;
}

/** Names (from `comm`) of the processes of `uid` that hold one of `targets` open; at most 5, each once. */
export async function holders(procRoot: string, targets: ReadonlySet<string>, uid: number, self: number): Promise<string[]> {
  const names = new Set<string>();
  for (const entry of await readdir(procRoot).catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry) || Number(entry) === self) continue;
    const dir = path.join(procRoot, entry);
    // Only the employee's own programs: another user's are none of Firstline's business.
    const owner = await stat(dir).catch(() => undefined);
    if (owner?.uid !== uid) continue;
    const fds = await readdir(path.join(dir, 'fd')).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(path.join(dir, 'fd', fd)).catch(() => '');
      if (!targets.has(target)) continue;
      const comm = (await readFile(path.join(dir, 'comm'), 'utf8').catch(() => '')).trim();
      names.add(comm || `process ${entry}`);
      break;
    }
    if (names.size >= 5) break;
  }
  return [...names];
}

export async function readLinuxCamera(paths: LinuxCameraPaths = linuxCameraPaths, uid = process.getuid?.() ?? -1, self = process.pid): Promise<LinuxCamera> {
  const nodes = (await readdir(paths.devDir).catch(() => [] as string[])).filter((n) => /^video\d+$/.test(n)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  const names: string[] = [];
  const unreadable: string[] = [];
  let group: string | undefined;
  for (const node of nodes) {
    const file = path.join(paths.devDir, node);
    const name = (await readFile(path.join(paths.sysDir, node, 'name'), 'utf8').catch(() => '')).trim();
    if (name && !names.includes(name)) names.push(name);
    const allowed = await access(file, constants.R_OK | constants.W_OK).then(
      () => true,
      () => false,
    );
    if (allowed) continue;
    unreadable.push(node);
    if (group === undefined) {
      const gid = (await stat(file).catch(() => undefined))?.gid;
      group = gid === undefined ? undefined : await groupName(paths.groupFile, gid);
    }
  }
  const inUseBy = nodes.length === 0 || uid < 0 ? [] : await holders(paths.procRoot, new Set(nodes.map((n) => path.join(paths.devDir, n))), uid, self);
  return { nodes, names, unreadable, ...(group ? { group } : {}), inUseBy };
}
