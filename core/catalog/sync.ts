/**
 * Organisation catalogs: copy a folder (file share) or download an https URL into a staging
 * directory, verify it there, and only then swap it in as the cached copy. A refused or
 * unreachable source never touches the cache, so the last good copy stays in use offline.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAllowedRemoteUrl } from '../policy/schema.ts';
import { isSafeEntry, manifestFile, maxCatalogFileBytes, parseManifest, signatureFile, verifyCatalogDir, CatalogError, type RefusalCode } from './manifest.ts';
import { verifyBytes } from './keys.ts';

export type SyncStatus = 'updated' | 'unchanged' | 'refused' | 'offline';

export type SyncResult = {
  source: string;
  status: SyncStatus;
  /** Directory to load troubleshooters from (the verified cached copy); absent when none is usable. */
  dir?: string;
  code?: RefusalCode | 'unreachable' | 'lint-errors';
  /** Plain reason for the admin (About screen and log). */
  reason?: string;
};

export type SyncOptions = {
  /** Root of the catalog cache, e.g. `<appData>/catalogs`. */
  cacheDir: string;
  trustedKeys: readonly string[];
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /**
   * Lints a verified new copy before it replaces the cached one (the app passes its own action
   * registry); a reason refuses the copy — the same rule as `firstline catalog sign` — and the last
   * good copy stays in use. Not run when nothing changed.
   */
  lint?: (dir: string) => Promise<string | undefined>;
};

export function cacheDirFor(cacheDir: string, source: string): string {
  return path.join(cacheDir, createHash('sha256').update(source).digest('hex').slice(0, 16));
}

export async function syncCatalog(source: string, options: SyncOptions): Promise<SyncResult> {
  const root = cacheDirFor(options.cacheDir, source);
  const current = path.join(root, 'current');
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'source.txt'), source + '\n');
  const staging = path.join(root, `staging-${randomBytes(6).toString('hex')}`);

  const fallback = (status: SyncStatus, code: SyncResult['code'], reason: string): SyncResult => {
    rmSync(staging, { recursive: true, force: true });
    const cached = usableCache(current, options.trustedKeys);
    return { source, status, code, reason: cached.ok ? `${reason}; using the last good copy` : `${reason}; ${cached.reason}`, ...(cached.ok ? { dir: current } : {}) };
  };

  try {
    if (isAllowedRemoteUrl(source)) {
      const fetched = await download(source, staging, current, options);
      // Same signed manifest as the cached copy: nothing to download, nothing to swap.
      if (fetched === 'unchanged' && usableCache(current, options.trustedKeys).ok) {
        rmSync(staging, { recursive: true, force: true });
        return { source, status: 'unchanged', dir: current };
      }
      if (fetched === 'unchanged') await download(source, staging, undefined, options);
    } else if (existsSync(source) && statSync(source).isDirectory()) {
      cpSync(source, staging, { recursive: true, dereference: false, verbatimSymlinks: true });
    } else {
      return fallback('offline', 'unreachable', `${source} is not reachable`);
    }
  } catch (error) {
    if (error instanceof CatalogError) return fallback('refused', error.refusal.code, error.refusal.reason);
    return fallback('offline', 'unreachable', `${source} could not be fetched: ${(error as Error).message}`);
  }

  // Always verify what was staged, even when the manifest is unchanged: a file on the share
  // may have been edited without re-signing, and the admin needs to hear about it.
  const verdict = verifyCatalogDir(staging, options.trustedKeys);
  if (!verdict.ok) return fallback('refused', verdict.code, verdict.reason);
  // Unsigned author tests on the share are not part of the catalog: keep only signed files in the cache.
  for (const rel of verdict.ignored) rmSync(path.join(staging, rel), { force: true });
  if (sameManifest(staging, current) && usableCache(current, options.trustedKeys).ok) {
    rmSync(staging, { recursive: true, force: true });
    return { source, status: 'unchanged', dir: current };
  }

  const lintProblem = await options.lint?.(staging);
  if (lintProblem !== undefined) return fallback('refused', 'lint-errors', lintProblem);

  const trash = path.join(root, `old-${randomBytes(6).toString('hex')}`);
  if (existsSync(current)) renameSync(current, trash);
  renameSync(staging, current);
  rmSync(trash, { recursive: true, force: true });
  return { source, status: 'updated', dir: current };
}

/**
 * The last verified copy of a source, without touching the network: what the app starts with,
 * before a background sync (which may take long on a broken network) brings anything newer.
 */
export function lastGoodCatalogDir(cacheDir: string, source: string, trustedKeys: readonly string[]): string | undefined {
  const current = path.join(cacheDirFor(cacheDir, source), 'current');
  return usableCache(current, trustedKeys).ok ? current : undefined;
}

/** The cached copy is used only while it still verifies (it lives in a user-writable folder). */
function usableCache(current: string, trustedKeys: readonly string[]): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(current)) return { ok: false, reason: 'no cached copy yet' };
  const verdict = verifyCatalogDir(current, trustedKeys);
  return verdict.ok ? { ok: true } : { ok: false, reason: `the cached copy is not usable either: ${verdict.reason}` };
}

function sameManifest(a: string, b: string): boolean {
  const read = (dir: string, file: string) => (existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file)) : undefined);
  const ma = read(a, manifestFile);
  const mb = read(b, manifestFile);
  if (!ma || !mb || !ma.equals(mb)) return false;
  const sa = read(a, signatureFile);
  const sb = read(b, signatureFile);
  return sa === undefined ? sb === undefined : sb !== undefined && sa.equals(sb);
}

async function download(baseUrl: string, staging: string, current: string | undefined, options: SyncOptions): Promise<'unchanged' | 'downloaded'> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const base = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  const get = async (rel: string, optional: boolean): Promise<Buffer | undefined> => {
    const url = new URL(rel.split('/').map(encodeURIComponent).join('/'), base);
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000), redirect: 'error' });
    if (response.status === 404 && optional) return undefined;
    if (response.status === 404 && rel === manifestFile) throw new CatalogError({ code: 'no-manifest', reason: `${url.href} was not found; an https catalog needs a manifest.json` });
    if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`);
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > maxCatalogFileBytes) throw new CatalogError({ code: 'too-large', reason: `${rel} is larger than ${maxCatalogFileBytes} bytes` });
    return data;
  };

  const manifestBytes = await get(manifestFile, false);
  if (!manifestBytes) throw new Error('no manifest');
  const signature = await get(signatureFile, true);
  // Check the signature before downloading anything it lists.
  if (options.trustedKeys.length > 0) {
    if (!signature) throw new CatalogError({ code: 'unsigned', reason: 'manifest.sig is missing, but policy requires a signed catalog' });
    if (!verifyBytes(manifestBytes, signature.toString('utf8'), options.trustedKeys)) {
      throw new CatalogError({ code: 'bad-signature', reason: 'manifest.sig does not match manifest.json for any trusted key (signed with another key, or the manifest was edited)' });
    }
  }
  const manifest = parseManifest(manifestBytes);
  for (const entry of Object.keys(manifest.files)) {
    if (!isSafeEntry(entry)) throw new CatalogError({ code: 'path-traversal', reason: `manifest entry "${entry}" points outside the catalog` });
  }
  mkdirSync(staging, { recursive: true });
  writeFileSync(path.join(staging, manifestFile), manifestBytes);
  if (signature) writeFileSync(path.join(staging, signatureFile), signature);
  if (current !== undefined && sameManifest(staging, current)) return 'unchanged';
  for (const entry of Object.keys(manifest.files)) {
    const data = await get(entry, false);
    const target = path.join(staging, ...entry.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data ?? Buffer.alloc(0));
  }
  return 'downloaded';
}
