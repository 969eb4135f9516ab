/** Catalog directories in load order: the built-in catalog first, then each usable organisation catalog. */
import { syncCatalog, type SyncOptions, type SyncResult } from './sync.ts';

export type CatalogSet = { dirs: string[]; results: SyncResult[] };

export async function syncCatalogs(builtinDir: string, sources: readonly string[], options: SyncOptions): Promise<CatalogSet> {
  const results: SyncResult[] = [];
  // Sequential: sources are few, and one slow share must not starve the others of bandwidth.
  for (const source of sources) results.push(await syncCatalog(source, options));
  return { dirs: [builtinDir, ...results.flatMap((r) => (r.dir ? [r.dir] : []))], results };
}

export { generateCatalogKeyPair, parsePrivateKey, parsePublicKey, publicKeyOf } from './keys.ts';
export { signCatalog, verifyCatalogDir, type RefusalCode, type VerifyResult } from './manifest.ts';
export { syncCatalog, cacheDirFor, lastGoodCatalogDir, type SyncResult, type SyncOptions } from './sync.ts';
