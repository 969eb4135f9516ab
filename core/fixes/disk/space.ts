/** Free space of the volume that matters, and when it counts as low. */
import { statfs } from 'node:fs/promises';

export type Space = { freeBytes: number; totalBytes: number; freePercent: number };

export async function readSpace(volume: string): Promise<Space | undefined> {
  const s = await statfs(volume).catch(() => undefined);
  if (!s || s.blocks <= 0) return undefined;
  const freeBytes = s.bavail * s.bsize;
  const totalBytes = s.blocks * s.bsize;
  return { freeBytes, totalBytes, freePercent: Math.round((freeBytes / totalBytes) * 1000) / 10 };
}

/**
 * Low when free space is under both limits: under `minFreeGB` (updates and Office need a few GB)
 * and under `minFreePercent` of the disk. So a 1 TB disk with 60 GB free is fine, a 128 GB disk
 * with 4 GB is not — and a small test file system scales the same way.
 */
export function isLow(space: Space, minFreeGB: number, minFreePercent: number): boolean {
  return space.freeBytes < Math.min(minFreeGB * 1e9, (space.totalBytes * minFreePercent) / 100);
}
