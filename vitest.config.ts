import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The one shared mock of Electron for main-process unit tests: importing the real package
    // would try to download its binary.
    alias: { electron: fileURLToPath(new URL('./test/mocks/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's
    // ESM loader refuses; letting Vite transform it makes the import work.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    testTimeout: 30_000,
    // `firstline run` records real runs in the machine's history; tests never write the real one.
    env: { FIRSTLINE_DATA_DIR: path.join(tmpdir(), `firstline-vitest-data-${process.pid}`) },
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
