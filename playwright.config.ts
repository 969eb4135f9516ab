import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * UI tests run in Debian's chromium where it exists (these machines cannot download
 * Playwright's browsers); elsewhere (macOS/Windows contributors) Playwright's own Chromium.
 * The background-networking flags keep Chromium from calling out: tests talk to loopback only.
 */
const debianChromium = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    viewport: { width: 400, height: 600 },
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: chromiumArgs,
    },
    trace: 'off',
  },
});
