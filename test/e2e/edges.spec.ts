/**
 * Two ways the employee could get stuck: a send that failed must be sendable again, and a run
 * left before it even had an id must still be stopped (no question left waiting unseen).
 */
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startHelpdesk, startUiHost, type Helpdesk } from './ui-support.ts';

let host: TestHost;
let helpdesk: Helpdesk;
test.beforeAll(async () => {
  helpdesk = await startHelpdesk();
  host = await startUiHost({ helpdesk });
});
test.afterAll(async () => {
  await host.stop();
  await helpdesk.close();
});

test('after a failed send the employee can send again', async ({ page }) => {
  let failedOnce = false;
  await page.route('**/__firstline/invoke', async (route) => {
    if (!failedOnce && (route.request().postData() ?? '').includes('"ticket:send"')) {
      failedOnce = true;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { kind: 'error', messageKey: 'ticket.error.unknown' } }) });
      return;
    }
    await route.continue();
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await page.getByLabel('What is wrong? (a few words)').fill('The docking station does not charge my laptop.');
  await page.getByLabel('Subject').fill('Docking station not charging');
  const send = page.getByRole('button', { name: 'Send to IT' });
  await send.click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(send).toBeEnabled();
  await send.click();
  await expect(page.getByText(/Sent\. Your ticket number is/)).toBeVisible();
  expect(helpdesk.received.filter((t) => t.title === 'Docking station not charging')).toHaveLength(1);
});

test('a run left before it had an id is cancelled as soon as the id arrives', async ({ page }) => {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const cancels: string[] = [];
  await page.route('**/__firstline/invoke', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('"run:start"')) await held;
    if (body.includes('"run:cancel"')) cancels.push(body);
    await route.continue();
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: /Wi-Fi does not work/ }).click();
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await expect(page.getByRole('heading', { name: 'Contact IT', level: 2 })).toBeVisible();
  release();
  await expect.poll(() => cancels.length).toBe(1);
  await expect.poll(async () => ((await page.evaluate(() => window.firstline.invoke('history:list', {}))) as { value: Array<{ outcome: string }> }).value[0]?.outcome).toBe('cancelled');
});
