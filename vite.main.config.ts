import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const external = ['electron', ...builtins, ...Object.keys(pkg.dependencies ?? {})];

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
  ...(mode === 'broker' ? { ssr: { noExternal: true } } : {}),
}));
