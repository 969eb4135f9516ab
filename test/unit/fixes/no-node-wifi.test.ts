/**
 * Why the network fix reads Wi-Fi with its own commands: loading node-wifi rewrites the locale of
 * the whole process (it assigns LANG/LC_ALL into process.env), which would switch every child's
 * output — and the employee's language detection — to en_US. This proves the hazard in a child
 * process and keeps node-wifi out of core.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('node-wifi stays out of the process', () => {
  it('would rewrite the process locale if it were loaded', () => {
    const out = execFileSync(process.execPath, ['-e', "process.env.LANG = 'nl_BE.UTF-8'; require('node-wifi'); console.log(process.env.LANG + ' ' + process.env.LC_ALL)"], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('en_US.UTF-8 en_US.UTF-8');
  });

  it('is imported nowhere in core', () => {
    const offenders = sources(path.join(repo, 'core')).filter((file) => /(?:from\s+|require\()\s*['"]node-wifi['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
