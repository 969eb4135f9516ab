/**
 * Who is asking, learned from the kernel rather than from the request.
 *
 * Node has no SO_PEERCRED, and a native addon in a root service is more attack surface than this
 * needs. Instead the caller proves its uid the way D-Bus's DBUS_COOKIE_SHA1 proves it through the
 * file system: the broker sends a random file name and token; the caller creates that file in a
 * root-owned drop folder (mode 1733: anyone may create, nobody may list, nobody may remove or
 * rename another's file) and writes the token into it. The kernel sets the file's owner to the
 * caller's uid; nobody can choose it. The broker accepts the proof only for a regular file (not a
 * symlink, FIFO or device), with exactly one link (a hard link to someone else's file has two),
 * holding the token (so a file moved in from elsewhere does not count), then deletes it.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A uid on Linux and macOS; on Windows the owner SID (windows-identity.ts) and, for the audit, its account name. */
export type Caller = { uid: number; sid?: undefined; account?: undefined } | { sid: string; account?: string; uid?: undefined };
/** Who owns the opened proof: the kernel's uid on Unix; on Windows a look-up of the NTFS owner. */
export type OwnerReader = (file: string, opened: Stats) => Promise<Caller | undefined>;
export const unixOwner: OwnerReader = async (_file, opened) => ({ uid: opened.uid });
/** The key a caller is rate-limited under. */
export const callerKey = (caller: Caller | undefined): number | string => caller?.sid ?? caller?.uid ?? -1;
export type ProofChallenge = { name: string; token: string };

export function newChallenge(): ProofChallenge {
  return { name: randomBytes(16).toString('hex'), token: randomBytes(16).toString('hex') };
}

/** The drop folder must be owned by root, not a symlink, sticky and not listable by others. */
export async function checkProofDir(dir: string, expectedOwner = 0): Promise<string | undefined> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return `${dir} does not exist`;
  if (!info.isDirectory()) return `${dir} is not a directory`;
  if (info.uid !== expectedOwner) return `${dir} is not owned by uid ${expectedOwner}`;
  const mode = info.mode & 0o7777;
  if (mode !== 0o1733) return `${dir} has mode ${mode.toString(8)}, expected 1733`;
  return undefined;
}

/** Resolves the caller's uid (or SID), or undefined when the proof is missing or not trustworthy. Always removes the file. */
export async function verifyProof(dir: string, challenge: ProofChallenge, owner: OwnerReader = unixOwner): Promise<Caller | undefined> {
  const file = path.join(dir, challenge.name);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return undefined;
  try {
    if (!info.isFile() || info.nlink !== 1 || info.size > 64) return undefined;
    // O_NOFOLLOW | O_NONBLOCK: never follow a symlink swapped in after lstat, never block on a FIFO.
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => undefined);
    if (!handle) return undefined;
    try {
      const opened = await handle.stat();
      if (opened.ino !== info.ino || opened.dev !== info.dev || !opened.isFile() || opened.nlink !== 1 || opened.uid !== info.uid) return undefined;
      const buffer = Buffer.alloc(64);
      const { bytesRead } = await handle.read(buffer, 0, 64, 0);
      const expected = Buffer.from(challenge.token);
      const got = buffer.subarray(0, bytesRead);
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) return undefined;
      return await owner(file, opened);
    } finally {
      await handle.close();
    }
  } finally {
    await unlink(file).catch(() => undefined);
  }
}

/** Removes leftovers (a client that died between creating its proof and the broker reading it). */
export async function sweepProofDir(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await lstat(file).catch(() => undefined);
    if (
      info &&
      now - info.mtimeMs > olderThanMs &&
      (await unlink(file).then(
        () => true,
        () => false,
      ))
    )
      removed++;
  }
  return removed;
}
