/**
 * Reading one catalog file with a size limit (#11): a 16 MB troubleshooter took 9 s and 1.16 GB to
 * parse. A file over `maxCatalogFileBytes` is refused with a located diagnostic, and never more
 * than the limit (plus one byte, to notice growth) is read into memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Diagnostic } from '../kernel/diagnostics.ts';

/** 1 MiB: the largest built-in troubleshooter is under 40 KB. */
export const maxCatalogFileBytes = 1024 * 1024;

export type CatalogFileText = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export const tooLargeDiagnostic = (file: string, bytes: number | undefined, limit = maxCatalogFileBytes): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  severity: 'error',
  message: `The file is ${bytes === undefined ? 'larger than' : `${bytes} bytes, over`} the ${limit} byte limit for catalog files; split it into several troubleshooters.`,
  // The sentence in locales/<lang>/lint.json; not imported here, this module is on the app's start path.
  ...(bytes === undefined ? { code: 'file.tooLargeGrowing', args: { limit } } : { code: 'file.tooLarge', args: { bytes, limit } }),
});

/** A file that cannot be read; the reason is the system's own sentence. */
const unreadable = (file: string, error: unknown): Diagnostic => {
  const reason = (error as Error).message;
  return { file, line: 1, column: 1, severity: 'error', message: `Cannot read the file: ${reason}`, code: 'file.unreadable', args: { reason } };
};

export async function readCatalogFile(file: string, limit = maxCatalogFileBytes): Promise<CatalogFileText> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size > limit) return { ok: false, diagnostic: tooLargeDiagnostic(file, size, limit) };
    // The file can grow between stat and read: read to its end, but never past limit + 1 bytes.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(limit + 1 - length, 65_536));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > limit) return { ok: false, diagnostic: tooLargeDiagnostic(file, undefined, limit) };
    }
    const text = Buffer.concat(chunks, length).toString('utf8');
    return { ok: true, text };
  } catch (error) {
    return { ok: false, diagnostic: unreadable(file, error) };
  } finally {
    await handle?.close();
  }
}

/**
 * The same read, synchronous and not decoded: for the validated-catalog cache at start, where 200
 * files read one by one through the thread pool cost ≈3× the CPU of plain reads (`npm run bench --
 * start`); the built-in catalog is a local folder in the install, so the reads are short. The
 * cache compares the bytes' SHA-256 with the one it recorded and decodes only a file that changed.
 */
export function readCatalogBytesSync(file: string, limit = maxCatalogFileBytes): { ok: true; bytes: Buffer } | { ok: false; diagnostic: Diagnostic } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    const size = info.size;
    if (size > limit) return { ok: false, diagnostic: tooLargeDiagnostic(file, size, limit) };
    // The file can grow between stat and read: read to its end, but never past limit + 1 bytes.
    const chunks: Buffer[] = [];
    let length = 0;
    const regular = info.isFile();
    for (;;) {
      // Only the bytes read are ever used, so the buffer need not be zeroed.
      const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - length, size > 0 ? size + 1 : 65_536));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > limit) return { ok: false, diagnostic: tooLargeDiagnostic(file, undefined, limit) };
      // A short read of a regular file is its end (not of a pipe): no second read to learn that.
      if (regular && bytesRead < chunk.length) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } catch (error) {
    return { ok: false, diagnostic: unreadable(file, error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
