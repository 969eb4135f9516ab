/**
 * The catalog folder `run`, `list`, `lint` and `test` work on when none is given: the current
 * folder when it holds troubleshooter files (an IT author inside their catalog), else its
 * `troubleshooters/` folder, else the built-in catalog.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isTroubleshooterFile } from '../core/engine/catalog-dir.ts';
import { defaultCatalogDir } from './registry.ts';

export function defaultCatalogFolder(cwd = process.cwd()): string {
  const hasTroubleshooters = (dir: string) => {
    try {
      // Other YAML lives in project folders too (electron-builder.yml, CI files): look for a troubleshooter's keys.
      return readdirSync(dir).some((name) => {
        const file = path.join(dir, name);
        if (!isTroubleshooterFile(name) || !statSync(file).isFile()) return false;
        const head = readFileSync(file, 'utf8').slice(0, 65_536);
        return /^id:/m.test(head) && /^steps:/m.test(head);
      });
    } catch {
      return false;
    }
  };
  if (hasTroubleshooters(cwd)) return cwd;
  const sub = path.join(cwd, 'troubleshooters');
  if (existsSync(sub) && hasTroubleshooters(sub)) return sub;
  return defaultCatalogDir;
}
