/**
 * `firstline catalog keygen|sign|verify <dir>` — the admin's tools for signed catalogs.
 * keygen writes an Ed25519 key pair; sign writes manifest.json + manifest.sig; verify checks a
 * directory exactly as the app will (exit code 1 when the app would refuse it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalogKeyPair, parsePrivateKey, publicKeyOf } from '../../core/catalog/keys.ts';
import { isAuthorTestPath, listCatalogFiles, signCatalog, verifyCatalogDir } from '../../core/catalog/manifest.ts';
import { loadCatalog } from '../../core/engine/catalog-dir.ts';
import type { CommandIo } from '../command.ts';
import { countOf } from './shared.ts';
import { cliRegistry } from '../registry.ts';
import { formatDiagnostic } from '../../core/kernel/diagnostics.ts';

export const catalogUsage = `Usage:
  firstline catalog keygen <dir>                 write catalog-signing.key (secret) and catalog-signing.pub
  firstline catalog sign <dir> --key <file> [--include-tests]
      lint <dir> (refuses on any error), then write manifest.json and manifest.sig into <dir>;
      author tests (*.test.yaml) are left out unless --include-tests (the app never reads them)
  firstline catalog verify <dir> --key <key>…    check <dir> as the app would (key: base64, PEM or a file)
  firstline catalog verify <dir> --no-key        only check the manifest's hashes, as an app without
                                                 catalogSigningKeys in policy would`;

export async function catalogCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      key: { type: 'string', multiple: true },
      'no-key': { type: 'boolean' },
      'include-tests': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [verb, dir] = positionals;
  if (values.help || !verb || !dir) {
    (values.help ? io.out : io.err)(catalogUsage);
    return values.help ? 0 : 2;
  }
  switch (verb) {
    case 'keygen':
      return keygen(dir, io);
    case 'sign':
      return signDir(dir, values.key?.[0], values['include-tests'] ?? false, io);
    case 'verify':
      if (Boolean(values.key?.length) === Boolean(values['no-key'])) {
        io.err(`verify needs the public key(s) from your catalogSigningKeys policy (--key), or --no-key to check only the hashes.\n${catalogUsage}`);
        return 2;
      }
      return verifyDir(dir, values.key ?? [], io);
    default:
      io.err(`Unknown catalog command "${verb}".\n${catalogUsage}`);
      return 2;
  }
}

function keygen(dir: string, io: CommandIo): number {
  const secret = path.join(dir, 'catalog-signing.key');
  const pub = path.join(dir, 'catalog-signing.pub');
  if (existsSync(secret)) {
    io.err(`${secret} already exists; refusing to overwrite a signing key.`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const pair = generateCatalogKeyPair();
  writeFileSync(secret, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(pub, pair.publicKey + '\n');
  io.out(`Private key: ${secret} (keep it secret, off the file share)`);
  io.out(`Public key:  ${pub}`);
  io.out(`Put this value in the catalogSigningKeys policy:\n${pair.publicKey}`);
  return 0;
}

async function signDir(dir: string, keyFile: string | undefined, includeTests: boolean, io: CommandIo): Promise<number> {
  if (!keyFile) {
    io.err('sign needs --key <file> (the private key from "catalog keygen").');
    return 2;
  }
  // Never sign what the app would refuse to load: a signature says "this is what IT meant to ship".
  const lint = await loadCatalog(dir, cliRegistry());
  const errors = lint.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.err(formatDiagnostic(d));
    io.err(`Not signed: ${countOf(errors.length, 'lint error')} in ${dir} (firstline lint ${dir}). Nothing was written.`);
    return 1;
  }
  const privateKey = parsePrivateKey(readFileSync(keyFile, 'utf8'));
  const tests = listCatalogFiles(dir).filter(isAuthorTestPath);
  const manifest = signCatalog(dir, privateKey, new Date(), { includeTests });
  io.out(`Signed ${countOf(Object.keys(manifest.files).length, 'file')} in ${dir} with key ${publicKeyOf(privateKey)}`);
  if (tests.length > 0) {
    io.out(
      includeTests
        ? `Author tests included: ${tests.join(', ')}`
        : `Left out ${countOf(tests.length, 'author test file')} (*.test.yaml; the app never reads them): ${tests.join(', ')}. --include-tests signs them too.`,
    );
  }
  return 0;
}

function verifyDir(dir: string, keys: readonly string[], io: CommandIo): number {
  // A --key value may be the key itself or a file holding it.
  const trusted = keys.map((k) => (existsSync(k) ? readFileSync(k, 'utf8').trim() : k));
  const verdict = verifyCatalogDir(dir, trusted);
  if (!verdict.ok) {
    io.err(`Refused (${verdict.code}): ${verdict.reason}`);
    return 1;
  }
  io.out(`OK: ${countOf(verdict.files.length, 'file')}, ${verdict.signed ? 'signature valid' : 'hashes match; the signature was NOT checked (--no-key)'}`);
  if (verdict.ignored.length > 0) io.out(`Not in the manifest and ignored by the app: ${verdict.ignored.join(', ')}`);
  return 0;
}
