/**
 * A catalog is a directory with `manifest.json` (sha256 of every other file) and `manifest.sig`
 * (Ed25519 signature of the manifest's exact bytes, base64). Verifying the manifest and then
 * every hash proves that no file was changed, added or removed since signing.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { signBytes, verifyBytes } from './keys.ts';
import type { KeyObject } from 'node:crypto';

export const manifestFile = 'manifest.json';
export const signatureFile = 'manifest.sig';
export const maxCatalogFiles = 2000;
export const maxCatalogFileBytes = 5 * 1024 * 1024;

export const manifestSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  /** Relative POSIX path → lowercase hex sha256. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type CatalogManifest = z.infer<typeof manifestSchema>;

export type RefusalCode = 'no-manifest' | 'invalid-manifest' | 'unsigned' | 'bad-signature' | 'path-traversal' | 'file-missing' | 'file-changed' | 'file-added' | 'too-large' | 'unreadable';

export type Refusal = { code: RefusalCode; reason: string };
/** `ignored`: author test files (*.test.yaml) left out of the manifest; the app never loads them. */
export type VerifyResult = { ok: true; signed: boolean; files: string[]; ignored: string[] } | ({ ok: false } & Refusal);

/** Author tests run on the IT side (`firstline test`); the app never reads them, so signing leaves them out by default. */
export const isAuthorTestPath = (rel: string) => /\.test\.ya?ml$/i.test(rel);

/** A manifest entry must stay inside the catalog: relative, forward slashes, no `..`, no drive. */
export function isSafeEntry(entry: string): boolean {
  if (entry === '' || entry.includes('\\') || entry.includes('\0') || entry.startsWith('/') || /^[A-Za-z]:/.test(entry)) return false;
  const parts = entry.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  return entry !== manifestFile && entry !== signatureFile;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every regular file under `dir` except the manifest and signature, as sorted POSIX paths. */
export function listCatalogFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) throw new CatalogError({ code: 'path-traversal', reason: `${child} is a symbolic link; catalogs may contain regular files only` });
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && child !== manifestFile && child !== signatureFile) out.push(child);
      if (out.length > maxCatalogFiles) throw new CatalogError({ code: 'too-large', reason: `more than ${maxCatalogFiles} files` });
    }
  };
  walk('');
  return out.sort();
}

export class CatalogError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusal.reason);
    this.refusal = refusal;
  }
}

export type SignOptions = { includeTests?: boolean };

export function buildManifest(dir: string, now: Date, options: SignOptions = {}): CatalogManifest {
  const files: Record<string, string> = {};
  for (const rel of listCatalogFiles(dir)) {
    if (!options.includeTests && isAuthorTestPath(rel)) continue;
    files[rel] = sha256(readFileSync(path.join(dir, rel)));
  }
  return { version: 1, createdAt: now.toISOString(), files };
}

/** Writes manifest.json and manifest.sig into `dir`. */
export function signCatalog(dir: string, privateKey: KeyObject, now: Date, options: SignOptions = {}): CatalogManifest {
  const manifest = buildManifest(dir, now, options);
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(path.join(dir, manifestFile), bytes);
  writeFileSync(path.join(dir, signatureFile), signBytes(bytes, privateKey) + '\n');
  return manifest;
}

/**
 * Check a catalog directory. With trusted keys, a valid signature is required. Without keys,
 * a manifest (when present) is still checked so a half-copied catalog is caught.
 */
export function verifyCatalogDir(dir: string, trustedKeys: readonly string[]): VerifyResult {
  try {
    return verifyOrThrow(dir, trustedKeys);
  } catch (error) {
    if (error instanceof CatalogError) return { ok: false, ...error.refusal };
    return { ok: false, code: 'unreadable', reason: (error as Error).message };
  }
}

function verifyOrThrow(dir: string, trustedKeys: readonly string[]): VerifyResult {
  const manifestPath = path.join(dir, manifestFile);
  const present = exists(manifestPath);
  if (!present) {
    if (trustedKeys.length > 0) return { ok: false, code: 'unsigned', reason: 'the catalog has no manifest.json and manifest.sig, but policy requires a signed catalog' };
    return { ok: true, signed: false, files: listCatalogFiles(dir), ignored: [] };
  }
  const bytes = readFileSync(manifestPath);
  const signed = exists(path.join(dir, signatureFile));
  if (trustedKeys.length > 0) {
    if (!signed) return { ok: false, code: 'unsigned', reason: 'manifest.sig is missing, but policy requires a signed catalog' };
    const signature = readFileSync(path.join(dir, signatureFile), 'utf8');
    if (!verifyBytes(bytes, signature, trustedKeys)) {
      return { ok: false, code: 'bad-signature', reason: 'manifest.sig does not match manifest.json for any trusted key (signed with another key, or the manifest was edited)' };
    }
  }
  const manifest = parseManifest(bytes);
  const listed = Object.keys(manifest.files);
  for (const entry of listed) {
    if (!isSafeEntry(entry)) return { ok: false, code: 'path-traversal', reason: `manifest entry "${entry}" points outside the catalog` };
  }
  const actual = new Set(listCatalogFiles(dir));
  for (const entry of listed.sort()) {
    if (!actual.has(entry)) return { ok: false, code: 'file-missing', reason: `${entry} is listed in the manifest but missing` };
    const data = readFileSync(path.join(dir, entry));
    if (sha256(data) !== manifest.files[entry]) return { ok: false, code: 'file-changed', reason: `${entry} was changed after signing` };
    actual.delete(entry);
  }
  const ignored = [...actual].filter(isAuthorTestPath);
  const added = [...actual].filter((f) => !isAuthorTestPath(f));
  if (added.length > 0) return { ok: false, code: 'file-added', reason: `${added.join(', ')} ${added.length === 1 ? 'is' : 'are'} not listed in the manifest (added after signing)` };
  return { ok: true, signed: trustedKeys.length > 0, files: listed.sort(), ignored };
}

export function parseManifest(bytes: Buffer): CatalogManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CatalogError({ code: 'invalid-manifest', reason: `manifest.json is not JSON: ${(error as Error).message}` });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new CatalogError({ code: 'invalid-manifest', reason: `manifest.json is not a catalog manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  return parsed.data;
}

function exists(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
