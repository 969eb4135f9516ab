/**
 * Writes the Windows installer pieces of the elevation broker (build/broker/windows/installer.nsh,
 * install-broker.ps1, uninstall-broker.ps1) from broker/windows-service.ts. Run after changing it:
 *   npx tsx scripts/gen-broker-windows.ts           write the files
 *   npx tsx scripts/gen-broker-windows.ts --check   exit 1 if a committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { windowsInstallerDir, windowsInstallerFiles } from './broker-windows-installer.ts';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, content] of Object.entries(windowsInstallerFiles())) {
  const file = path.join(root, windowsInstallerDir, name);
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  stale++;
  if (check) console.log(`differs: ${path.relative(root, file)}`);
  else {
    writeFileSync(file, content);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
if (stale === 0) console.log('the Windows broker installer files are up to date');
process.exitCode = check && stale > 0 ? 1 : 0;
