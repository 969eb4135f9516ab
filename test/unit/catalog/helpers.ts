import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const fixtureCatalog = path.join(import.meta.dirname, '../../fixtures/catalog/org-catalog');

export function tempDirs() {
  const dirs: string[] = [];
  return {
    make(prefix = 'firstline-catalog-'): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    copyFixture(): string {
      const dir = path.join(this.make(), 'catalog');
      cpSync(fixtureCatalog, dir, { recursive: true });
      return dir;
    },
    cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves files of `root` on 127.0.0.1 (random port); records every requested path. */
export async function serveDir(root: string): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/catalog\//, '');
    requests.push(rel);
    readFile(path.join(root, rel)).then(
      (data) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/catalog/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
