/**
 * The tray window must open fast: the JavaScript the home screen loads stays within 150 KB
 * gzipped, and the rarely used screens (history, settings, ticket) load only when opened.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

let host: TestHost;
test.beforeAll(async () => {
  host = await startUiHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('the home screen loads at most 150 KB of gzipped JavaScript', async ({ page }) => {
  const scripts = new Map<string, number>();
  // Bodies are read asynchronously; every read is kept so the total is summed only once all landed.
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    reads.push(response.body().then((body) => void scripts.set(new URL(response.url()).pathname, gzipSync(body).length)));
  });
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  expect(scripts.size).toBeGreaterThan(0);
  expect(total, `initial JS: ${[...scripts].map(([f, n]) => `${f} ${n} B`).join(', ')}`).toBeLessThanOrEqual(150 * 1024);
  // Lazy screens are not part of the first load…
  expect([...scripts.keys()].some((f) => /\/(History|Settings|Ticket)-/.test(f))).toBe(false);
  // …and arrive when opened.
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect.poll(() => [...scripts.keys()].some((f) => /\/Settings-/.test(f))).toBe(true);
});
