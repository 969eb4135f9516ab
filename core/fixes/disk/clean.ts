/**
 * Measuring and clearing the places of places.ts. Every entry goes through the Teams fix's
 * confinement (`checkBase`: the base is a real folder exactly where it belongs, a `*` base holding
 * a person's folders is refused; `confined`: no symlink on the way out), and is then deleted —
 * moving it to a backup on the same disk, as the Teams fix does, would free nothing. A refused or
 * undeletable entry is reported, never forced.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import nodePath from 'node:path';
import type { Platform } from '../../kernel/platform.ts';
import { checkBase, confined, sizeOf } from '../teams/cache.ts';
import type { Place, PlaceId } from './places.ts';

export type Entry = { path: string; shown: string };
export type AppState = 'running' | 'closed' | 'unknown';
export type PlaceSize = { id: PlaceId; bytes: number };
export type CleanReport = {
  /** Bytes deleted per kind of place (what the files took, measured before deleting). */
  cleared: PlaceSize[];
  /** Places left alone because their app was open (or could not be checked). */
  skipped: PlaceId[];
  refused: string[];
  failed: string[];
};

const pathFor = (platform: Platform) => (platform === 'win32' ? nodePath.win32 : nodePath.posix);

/** The entries of one place that may go: confined, not kept, and old enough. */
export async function eligibleEntries(platform: Platform, roots: readonly string[], place: Place, now: Date, refused: string[] = []): Promise<Entry[]> {
  const p = pathFor(platform);
  const loc = place.location;
  const checked = await checkBase(platform, roots, loc);
  if (!checked) return [];
  if ('refused' in checked) {
    refused.push(checked.refused);
    return [];
  }
  const names = loc.clear === '*' ? await readdir(checked.real).catch(() => [] as string[]) : loc.clear;
  const out: Entry[] = [];
  for (const rel of names) {
    if (loc.keep.includes(rel)) continue;
    const target = await confined(platform, checked.real, loc.base, rel);
    if (!target) continue;
    if ('refused' in target) {
      refused.push(target.refused);
      continue;
    }
    if (place.minAgeMs > 0) {
      const stat = await lstat(target.path).catch(() => undefined);
      if (!stat || now.getTime() - stat.mtimeMs < place.minAgeMs) continue;
    }
    out.push({ path: target.path, shown: p.join(loc.base, rel) });
  }
  return out;
}

/** Bytes that clearing each kind of place would free, largest first (walks are bounded per entry). */
export async function measurePlaces(platform: Platform, roots: readonly string[], places: readonly Place[], now: Date): Promise<PlaceSize[]> {
  const totals = new Map<PlaceId, number>();
  for (const place of places) {
    let bytes = 0;
    for (const entry of await eligibleEntries(platform, roots, place, now)) bytes += await sizeOf(entry.path);
    totals.set(place.id, (totals.get(place.id) ?? 0) + bytes);
  }
  return [...totals].map(([id, bytes]) => ({ id, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Deletes the eligible entries of every place whose app is closed. */
export async function clearPlaces(platform: Platform, roots: readonly string[], places: readonly Place[], now: Date, appState: (names: readonly string[]) => Promise<AppState>): Promise<CleanReport> {
  const report: CleanReport = { cleared: [], skipped: [], refused: [], failed: [] };
  const add = (id: PlaceId, bytes: number) => {
    const known = report.cleared.find((c) => c.id === id);
    if (known) known.bytes += bytes;
    else report.cleared.push({ id, bytes });
  };
  for (const place of places) {
    // An open browser or Teams writes into its cache: deleting under it frees nothing (open
    // files keep their space) or, on Windows, fails. A check that cannot run counts as open.
    if (place.app.length > 0 && (await appState(place.app)) !== 'closed') {
      if (!report.skipped.includes(place.id)) report.skipped.push(place.id);
      continue;
    }
    for (const entry of await eligibleEntries(platform, roots, place, now, report.refused)) {
      const bytes = await sizeOf(entry.path);
      try {
        await rm(entry.path, { recursive: true, force: true, maxRetries: 0 });
        add(place.id, bytes);
      } catch {
        report.failed.push(entry.shown);
      }
    }
  }
  report.cleared.sort((a, b) => b.bytes - a.bytes);
  return report;
}
