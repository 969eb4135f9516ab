/**
 * The broker runs as administrator, so what it is made of is checked, not assumed: bundling its
 * entry the way `npm run build:broker` does, every input is a broker/ file, a pure argv builder of
 * the fixes, the kernel's platform type or zod — no YAML, no catalog, no engine, no network module,
 * and none of the installer renderers that sit beside it (scripts/).
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the broker bundle', () => {
  it('holds only its own files, the fixes’ argv builders and zod, and imports only Node built-ins that need no network', async () => {
    const result = await build({ entryPoints: [path.join(root, 'broker/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    const outside = inputs.filter(
      (file) => !/^broker\/[a-z-]+\.ts$/.test(file) && !/^core\/fixes\/[a-z-]+\/commands\.ts$/.test(file) && file !== 'core/kernel/platform.ts' && !file.startsWith('node_modules/zod/'),
    );
    expect(outside).toEqual([]);
    expect(inputs).toContain('broker/windows-identity.ts');
    expect(inputs.some((f) => f.startsWith('scripts/'))).toBe(false);
    const builtins = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, ''))));
    for (const forbidden of ['http', 'https', 'http2', 'net/http', 'dgram', 'tls', 'dns', 'vm', 'worker_threads']) expect(builtins.has(forbidden), forbidden).toBe(false);
    // Small enough to read: the whole program with zod inlined.
    expect(result.outputFiles[0]?.contents.byteLength ?? 0).toBeLessThan(900_000);
  });
});
