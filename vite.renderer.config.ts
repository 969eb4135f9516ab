import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vite over electron-vite: one well-kept tool for the renderer (which the browser host also
// serves) and a plain library build for main/preload; no extra abstraction to learn or pin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URLs for JS — the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
