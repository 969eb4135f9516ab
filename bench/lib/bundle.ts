/**
 * Builds a benchmark entry the way the shipped main process is built (vite.main.config.ts): one
 * Vite SSR library build, our own code and the dependencies main inlines (zod) bundled, the other
 * runtime dependencies and Node built-ins left external. Timing `node bundle.mjs` then measures what an installed app pays at start, not the
 * cost of transpiling TypeScript on the fly (tsx), which only developers pay.
 *
 * Output goes under node_modules/.cache so the external packages resolve from this repository.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';
import { inlinedDependencies } from '../../vite.main.config.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const bundleDir = path.join(repoRoot, 'node_modules', '.cache', 'firstline-bench');

/** Builds each entry into its own single file (like main's index.cjs) and returns their paths. */
export async function bundleEntries(entries: Record<string, string>): Promise<Record<string, string>> {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies ?? {}).filter((d) => !inlinedDependencies.includes(d))];
  const out: Record<string, string> = {};
  let first = true;
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      configFile: false,
      ssr: { noExternal: inlinedDependencies },
      logLevel: 'error',
      root: repoRoot,
      build: {
        outDir: bundleDir,
        emptyOutDir: first,
        target: 'node20',
        ssr: entry,
        minify: false,
        rollupOptions: {
          external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
          // Code splitting as in the shipped main bundle: lazily imported modules (the YAML loader,
          // nodemailer's connector) stay out of the start path.
          output: { format: 'es', entryFileNames: `${name}.mjs`, chunkFileNames: `${name}-[name]-[hash].mjs` },
        },
      },
    });
    first = false;
    out[name] = path.join(bundleDir, `${name}.mjs`);
  }
  return out;
}
