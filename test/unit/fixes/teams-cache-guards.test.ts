/**
 * Teams cache guards that the first StrykerJS run left unheld (core/fixes/teams/cache.ts, issue
 * #17): the real path compared by case only where the disk ignores case, the longest profile root
 * chosen, a `*` base with one person's folder among cache folders, symlink chains and dangling
 * links, the entry budget of `sizeOf`, which names count as dated backups, and what a listed
 * location counts.
 */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBase, confined, countCacheEntries, pruneBackups, sizeOf } from '../../../core/fixes/teams/cache.ts';
import type { CacheLocation } from '../../../core/fixes/teams/paths.ts';

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-teams-guards-')));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const at = (...parts: string[]) => path.join(root, ...parts);
const location = (base: string, clear: CacheLocation['clear'] = ['Cache']): CacheLocation => ({ client: 'classic', base, clear, keep: [] });

describe('checkBase', () => {
  it('refuses on Linux a base reached through a parent spelled in another case, which a case-insensitive disk (macOS) accepts', async () => {
    mkdirSync(at('appdata', 'Teams'), { recursive: true });
    symlinkSync(at('appdata'), at('AppData'));
    const base = at('AppData', 'Teams');
    expect(await checkBase('linux', [root], location(base))).toEqual({ refused: base });
    expect(await checkBase('darwin', [root], location(base))).toEqual({ real: at('appdata', 'Teams') });
    expect(await checkBase('darwin', [root], location(at('appdata', 'Teams')))).toEqual({ real: at('appdata', 'Teams') });
  });

  it('measures a base against the longest profile root holding it (a redirected AppData is still a profile root)', async () => {
    mkdirSync(at('Redirected', 'Teams'), { recursive: true });
    symlinkSync(at('Redirected'), at('AppData'));
    const base = at('AppData', 'Teams');
    expect(await checkBase('linux', [root, at('AppData')], location(base))).toEqual({ real: at('Redirected', 'Teams') });
    expect(await checkBase('linux', [at('AppData'), root], location(base))).toEqual({ real: at('Redirected', 'Teams') });
    expect(await checkBase('linux', [root], location(base))).toEqual({ refused: base });
  });

  it('refuses a "*" base holding one person\'s folder among cache folders', async () => {
    mkdirSync(at('Caches', 'GPUCache'), { recursive: true });
    mkdirSync(at('Caches', 'Desktop'));
    expect(await checkBase('linux', [root], location(at('Caches'), '*'))).toEqual({ refused: at('Caches') });
  });

  // Written out here on purpose: dropping a name from the product's list must fail this test.
  const personalFolders = [
    ...['Documents', 'My Documents', 'Desktop', 'Downloads', 'Pictures', 'My Pictures', 'Music', 'My Music', 'Videos', 'My Videos', 'Movies'],
    ...['OneDrive', 'Dropbox', 'Google Drive', 'iCloud Drive', 'Public', 'Favorites', 'Contacts', 'Applications', 'Library', 'AppData'],
    ...['.ssh', '.gnupg', '.config', '.local'],
    ...['Documenten', 'Bureaublad', 'Afbeeldingen', 'Muziek', "Video's", 'Bureau', 'Téléchargements', 'Dokumente', 'Bilder', 'Schreibtisch'],
  ];

  it.each(personalFolders)('refuses a "*" base that holds a folder named %s (in any case), and accepts it without', async (name) => {
    mkdirSync(at('Caches', 'GPUCache'), { recursive: true });
    expect(await checkBase('linux', [root], location(at('Caches'), '*'))).toEqual({ real: at('Caches') });
    mkdirSync(at('Caches', name.toUpperCase()));
    expect(await checkBase('linux', [root], location(at('Caches'), '*'))).toEqual({ refused: at('Caches') });
  });
});

describe('confined', () => {
  it('refuses a link inside the base that leads out through a second link, and moves a dangling link that points inside', async () => {
    mkdirSync(at('base'));
    symlinkSync('/etc', at('base', 'out'));
    symlinkSync('out', at('base', 'chain'));
    symlinkSync('gone', at('base', 'dangling'));
    expect(await confined('linux', at('base'), at('base'), 'chain')).toEqual({ refused: at('base', 'chain') });
    expect(await confined('linux', at('base'), at('base'), 'dangling')).toEqual({ path: at('base', 'dangling') });
  });
});

describe('sizeOf', () => {
  it('adds up file sizes below a folder, stops after its entry budget, and is 0 for what does not exist', async () => {
    mkdirSync(at('c', 'sub'), { recursive: true });
    writeFileSync(at('c', 'a'), '1234');
    writeFileSync(at('c', 'sub', 'b'), '12');
    expect(await sizeOf(at('c'))).toBe(6);
    // Budget 3: the folder, then its first two entries in readdir order.
    const order = readdirSync(at('c'));
    expect(await sizeOf(at('c'), { entries: 3 })).toBe(order[0] === 'a' ? 4 : 2);
    expect(await sizeOf(at('c'), { entries: 4 })).toBe(6);
    expect(await sizeOf(at('c'), { entries: 1 })).toBe(0);
    expect(await sizeOf(at('missing'))).toBe(0);
  });
});

describe('pruneBackups and countCacheEntries', () => {
  it('counts only names with a whole seconds field as dated backups', async () => {
    for (const n of ['2026-11-30T10-00-0x', '2026-11-30T10-00-00']) mkdirSync(at(n));
    expect(await pruneBackups(root, 0)).toBe(1);
    expect(readdirSync(root)).toEqual(['2026-11-30T10-00-0x']);
  });

  it('counts only the listed entries of a listed location, not everything in its folder', async () => {
    mkdirSync(at('Teams', 'Cache'), { recursive: true });
    writeFileSync(at('Teams', 'settings.json'), '{}');
    mkdirSync(at('Teams', 'Backgrounds'));
    expect(await countCacheEntries('linux', [location(at('Teams'), ['Cache'])], [root])).toEqual({ entries: 1, bases: [at('Teams')] });
  });
});
