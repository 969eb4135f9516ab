import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/**
 * Runtime dependencies bundled into main instead of loaded from node_modules: zod is on the start
 * path of every module that declares a schema, and one pre-linked, tree-shaken copy loads in about
 * half the time of zod's ~90 ES modules (issue #17, `npm run bench -- start`). bench/lib/bundle.ts
 * builds its entries with the same list.
 */
export const inlinedDependencies = ['zod'];
const external = ['electron', ...builtins, ...Object.keys(pkg.dependencies ?? {}).filter((d) => !inlinedDependencies.includes(d))];

// Main and preload as CommonJS: a sandboxed preload must be CJS and a single file (it cannot
// require sibling chunks), so each is built on its own (`--mode preload`). The main process
// keeps runtime dependencies external so electron-builder ships them from node_modules.
// The elevation broker (`--mode broker`) is one self-contained file with zod inlined: it runs as
// administrator outside the app, so it must not load anything from the app's node_modules.
export default defineConfig(({ mode }) => ({
  build: {
    outDir: mode === 'broker' ? 'out/broker' : 'out/main',
    emptyOutDir: mode !== 'preload',
    target: 'node20',
    ssr: true,
    minify: false,
    lib: {
      entry: (mode === 'preload' ? { preload: 'preload/index.ts' } : mode === 'broker' ? { 'firstline-broker': 'broker/main.ts' } : { index: 'main/index.ts' }) as Record<string, string>,
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rollupOptions: { external: (id) => (mode === 'broker' ? builtins : external).some((e) => id === e || id.startsWith(`${e}/`)) },
  },
  ssr: { noExternal: mode === 'broker' ? true : inlinedDependencies },
}));
