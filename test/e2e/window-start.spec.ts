/**
 * How the window starts (issue 8, 5b): its first calls go out without waiting for the event
 * stream, yet a run's events are never lost; Home's data is asked for once, in the language the
 * core decides, even when the window's guess of that language was wrong.
 */
import { expect, test, type Page } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

let host: TestHost;
test.beforeAll(async () => {
  host = await startUiHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Holds the page's event stream (SSE) back until `release` is called. */
async function holdEventStream(page: Page): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__firstline/events**', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Records the channel of every contract call the page sends, in order. */
async function recordCalls(page: Page): Promise<Array<{ channel: string; args: unknown }>> {
  const calls: Array<{ channel: string; args: unknown }> = [];
  await page.route('**/__firstline/invoke', async (route) => {
    calls.push(JSON.parse(route.request().postData() ?? '{}') as { channel: string; args: unknown });
    await route.continue();
  });
  return calls;
}

test('the home screen is answered and shown while the event stream is still opening', async ({ page }) => {
  const release = await holdEventStream(page);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
  await expect(page.getByLabel('Describe the problem in a few words')).toBeFocused();
  expect(await page.evaluate(() => window.firstline.invoke('app:info', {}))).toMatchObject({ ok: true, value: { name: 'Firstline' } });
  release();
});

test('a run started before the event stream is open waits for it and misses no event', async ({ page }) => {
  const release = await holdEventStream(page);
  const calls = await recordCalls(page);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { events: string[]; started: Promise<unknown> };
    w.events = [];
    window.firstline.on('run:event', (event) => w.events.push(event.type));
    w.started = window.firstline.invoke('run:start', { troubleshooterId: 'password', lang: 'en' });
  });
  // A call made after run:start is answered while run:start is still held back for the stream.
  expect(await page.evaluate(() => window.firstline.invoke('app:info', {}))).toMatchObject({ ok: true });
  expect(calls.map((c) => c.channel)).not.toContain('run:start');
  release();
  expect(await page.evaluate(() => (window as unknown as { started: Promise<unknown> }).started)).toMatchObject({ ok: true });
  await expect.poll(() => page.evaluate(() => (window as unknown as { events: string[] }).events.at(-1))).toBe('run-finished');
  expect((await page.evaluate(() => (window as unknown as { events: string[] }).events))[0]).toBe('run-started');
});

test('a run is not left waiting when the event stream is refused', async ({ page }) => {
  await page.route('**/__firstline/events**', (route) => route.fulfill({ status: 403, body: 'forbidden' }));
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
  expect(await page.evaluate(() => window.firstline.invoke('run:start', { troubleshooterId: 'password', lang: 'en' }))).toMatchObject({ ok: true });
});

test('Home asks for the catalog once when the language guess is right', async ({ page }) => {
  const calls = await recordCalls(page);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => c.channel === 'catalog:list')).toEqual([{ channel: 'catalog:list', args: { lang: 'en' } }]);
  expect(calls.filter((c) => c.channel === 'outage:list')).toHaveLength(1);
  expect(calls.filter((c) => c.channel === 'history:list')).toHaveLength(1);
});

test('a wrong language guess is corrected: the window speaks what the core decides', async ({ page }) => {
  // Last start was in German (remembered by the window); the core now says English.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('firstline-lang', 'de');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const calls = await recordCalls(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: "What's wrong?" })).toBeVisible();
  await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(calls.filter((c) => c.channel === 'catalog:list').map((c) => c.args)).toEqual([{ lang: 'de' }, { lang: 'en' }]);
  expect(await page.evaluate(() => localStorage.getItem('firstline-lang'))).toBe('en');
});
