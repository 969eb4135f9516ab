/**
 * Teams cache clearing's guards pinned one by one (core/fixes/teams/cache.ts, issue #17): which
 * backups are pruned and in what order, `..`/absolute/empty segments, a base that is the profile
 * root itself, a symlink or a file, and a `*` base that holds a person's folders.
 */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBase, confined, pruneBackups, stamp } from '../../../core/fixes/teams/cache.ts';
import type { CacheLocation } from '../../../core/fixes/teams/paths.ts';

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-teams-pins-')));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const location = (base: string, clear: CacheLocation['clear'] = ['Cache']): CacheLocation => ({ client: 'classic', base, clear, keep: [] }) as unknown as CacheLocation;

describe('pruneBackups', () => {
  it('keeps the newest dated backups, removes the oldest, and leaves other names alone', async () => {
    const names = ['2026-11-30T10-00-00', '2026-01-02T03-04-05', '2026-12-01T00-00-00', '2025-12-31T23-59-59', 'notes', 'x2026-11-30T10-00-00'];
    for (const n of names) mkdirSync(path.join(root, n));
    expect(await pruneBackups(root, 2)).toBe(2);
    expect(readdirSync(root).sort()).toEqual(['2026-11-30T10-00-00', '2026-12-01T00-00-00', 'notes', 'x2026-11-30T10-00-00']);
    expect(await pruneBackups(root, 2)).toBe(0);
    expect(await pruneBackups(root, 5)).toBe(0);
    expect(await pruneBackups(root, 0)).toBe(2);
    expect(readdirSync(root).sort()).toEqual(['notes', 'x2026-11-30T10-00-00']);
    expect(await pruneBackups(path.join(root, 'missing'), 1)).toBe(0);
  });

  it('names backups by a UTC stamp without milliseconds or colons', () => {
    expect(stamp(new Date('2026-11-30T21:49:14.123Z'))).toBe('2026-11-30T21-49-14');
  });
});

describe('confined', () => {
  it.each(['..', '../x', 'a/../b', './a', 'a//b', '', 'a\\..\\b'])('refuses %j', async (relative) => {
    expect(await confined('linux', root, root, relative)).toEqual({ refused: path.join(root, relative) });
  });

  it('refuses an absolute path and returns nothing for what does not exist', async () => {
    expect(await confined('linux', root, root, '/etc')).toEqual({ refused: path.join(root, '/etc') });
    expect(await confined('linux', root, root, 'missing/x')).toBeUndefined();
  });

  it('resolves real folders and files inside the base', async () => {
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    expect(await confined('linux', root, root, 'a/b')).toEqual({ path: path.join(root, 'a', 'b') });
    writeFileSync(path.join(root, 'f'), 'x');
    expect(await confined('linux', root, root, 'f/under')).toBeUndefined();
  });

  it('refuses a symlinked folder on the way and a link leaving the base, allows a link inside it', async () => {
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    symlinkSync('/etc', path.join(root, 'out'));
    expect(await confined('linux', root, root, 'link/x')).toEqual({ refused: path.join(root, 'link/x') });
    expect(await confined('linux', root, root, 'out')).toEqual({ refused: path.join(root, 'out') });
    expect(await confined('linux', root, root, 'link')).toEqual({ path: path.join(root, 'link') });
  });
});

describe('checkBase', () => {
  it('uses a real folder strictly inside a profile root, and nothing that does not exist', async () => {
    const base = path.join(root, 'AppData', 'Teams');
    expect(await checkBase('linux', [root], location(base))).toBeUndefined();
    mkdirSync(base, { recursive: true });
    expect(await checkBase('linux', [root], location(base))).toEqual({ real: base });
    expect(await checkBase('linux', [path.join(root, 'AppData'), root], location(base))).toEqual({ real: base });
  });

  it('refuses the profile root itself, a base outside every root, a symlink and a file; a root spelled with ".." is compared by its resolved path', async () => {
    expect(await checkBase('linux', [root], location(root))).toEqual({ refused: root });
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-teams-outside-')));
    try {
      expect(await checkBase('linux', [root], location(outside))).toEqual({ refused: outside });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    mkdirSync(path.join(root, 'p', 'Teams'), { recursive: true });
    const dotted = path.join(root, 'p', 'Teams');
    expect(await checkBase('linux', [path.join(root, 'p', 'Teams', '..', '..')], location(dotted))).toEqual({ real: dotted });
    symlinkSync(path.join(root, 'p', 'Teams'), path.join(root, 'link'));
    expect(await checkBase('linux', [root], location(path.join(root, 'link')))).toEqual({ refused: path.join(root, 'link') });
    writeFileSync(path.join(root, 'file'), 'x');
    expect(await checkBase('linux', [root], location(path.join(root, 'file')))).toEqual({ refused: path.join(root, 'file') });
  });

  it('refuses a "*" base that holds a person\'s folders, in any case', async () => {
    const base = path.join(root, 'Cachey');
    mkdirSync(path.join(base, 'DOCUMENTS'), { recursive: true });
    expect(await checkBase('linux', [root], location(base, '*'))).toEqual({ refused: base });
    expect(await checkBase('linux', [root], location(base, ['Cache']))).toEqual({ real: base });
    rmSync(path.join(base, 'DOCUMENTS'), { recursive: true });
    mkdirSync(path.join(base, 'Cache'));
    expect(await checkBase('linux', [root], location(base, '*'))).toEqual({ real: base });
  });
});
