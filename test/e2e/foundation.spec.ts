import { expect, test } from '@playwright/test';
import { startTestHost, type TestHost } from '../support/host-fixture.ts';

let host: TestHost;
test.beforeAll(async () => {
  host = await startTestHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('the home screen renders with the catalog and Contact IT', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firstline');
  await expect(page.getByRole('heading', { name: "What's wrong?" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Contact IT' })).toBeVisible();
  // The token is removed from the address bar once the bridge has read it.
  expect(page.url()).not.toContain(host.token);
});

test('the page exposes only window.firstline with invoke and on', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Contact IT' })).toBeVisible();
  const shape = await page.evaluate(() => ({
    keys: Object.keys(window.firstline).sort(),
    frozen: Object.isFrozen(window.firstline),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(shape).toEqual({ keys: ['invoke', 'on'], frozen: true, require: 'undefined', process: 'undefined' });
});

test('a contract call without the token is refused, with it answered', async ({ page, request }) => {
  await page.goto(host.url);
  const refused = await request.post(`${host.origin}/__firstline/invoke`, {
    headers: { 'content-type': 'application/json', origin: host.origin },
    data: { channel: 'app:info', args: {} },
  });
  expect(refused.status()).toBe(403);
  const answered = await page.evaluate(() => window.firstline.invoke('app:info', {}));
  expect(answered).toMatchObject({ ok: true, value: { name: 'Firstline' } });
  const unknown = await page.evaluate(() => (window.firstline.invoke as (c: string, a: unknown) => Promise<unknown>)('shell:exec', { cmd: 'id' }));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
});

test('an unsubscribed listener no longer receives events', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Contact IT' })).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    const off = window.firstline.on('app:navigate', (p) => w.seen.push(`a:${p.screen}`));
    window.firstline.on('app:navigate', (p) => w.seen.push(`b:${p.screen}`));
    (w as unknown as { off: () => void }).off = off;
  });
  host.emit('app:navigate', { screen: 'home' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['a:home', 'b:home']);
  await page.evaluate(() => (window as unknown as { off: () => void }).off());
  host.emit('app:navigate', { screen: 'contact' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['a:home', 'b:home', 'b:contact']);
  // The shell's tray "Contact IT" reaches the UI through the same event.
  await expect(page.getByRole('heading', { name: 'Contact IT' })).toBeVisible();
});
