/** The unprivileged employee the CLI also runs as (CI runs as root; issue #12 asks for both). */
import { execFileSync } from 'node:child_process';

export const employeeName = 'fl-employee';
/** A second unprivileged user whose processes no run may touch (blast-radius faults). */
export const colleagueName = 'fl-colleague';

export function ensureEmployee(): { uid: number; gid: number } {
  return ensureUser(employeeName);
}

export function ensureUser(employeeName: string): { uid: number; gid: number } {
  const read = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', employeeName], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', employeeName], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = read();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', employeeName], { stdio: 'pipe' });
  } catch {
    // Another test process may have created it a moment ago; read again below.
  }
  const created = read();
  if (!created) throw new Error(`could not create ${employeeName}`);
  return created;
}
