/**
 * Links the window shows are opened by the app, never by the window: "Open this page" on an info
 * step and "Open your email app" after a ticket fell back to mail. The browser host records what
 * would be opened (host.opened); nothing is opened for real.
 */
import { expect, test, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from '../support/host-fixture.ts';
import { fixedSnapshot, uiCatalogDir } from './ui-support.ts';

const tipsUrl = 'https://intranet.example.com/teams-tips';
let host: TestHost;
let strictHost: TestHost;

test.beforeAll(async () => {
  const common = { catalogDir: uiCatalogDir, snapshot: fixedSnapshot, ticketConfig: { fallbackEmail: 'servicedesk@example.com' } };
  host = await startTestHost({ ...common, policy: { urlAllowlist: ['intranet.example.com'], support: { email: 'servicedesk@example.com' } } });
  // The same catalog where the organisation did not allow the intranet host.
  strictHost = await startTestHost({ ...common, policy: { support: { email: 'servicedesk@example.com' } } });
});
test.afterAll(async () => {
  await host.stop();
  await strictHost.stop();
});

async function runTeamsFix(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Describe the problem in a few words').fill('teams');
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'It is slow' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Which room are you in? (for example B204)').fill('B204');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Fixed' })).toBeVisible();
}

test('"Open this page" on an info step opens the allowlisted link the run showed', async ({ page }) => {
  host.opened.length = 0;
  await runTeamsFix(page, host.url);
  await expect(page.getByText(tipsUrl)).toBeVisible();
  const button = page.getByRole('button', { name: 'Open this page' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The page opened in your browser.')).toBeVisible();
  expect(host.opened).toEqual([tipsUrl]);
  // The window itself stayed where it was.
  expect(new URL(page.url()).origin).toBe(new URL(host.url).origin);
});

test('a link the organisation did not allow is not opened, and the employee is told', async ({ page }) => {
  await runTeamsFix(page, strictHost.url);
  await page.getByRole('button', { name: 'Open this page' }).click();
  await expect(page.getByText('This page could not be opened. You can copy the address above.')).toBeVisible();
  expect(strictHost.opened).toEqual([]);
});

test('without a helpdesk connector, "Open in your email app" hands over the mail core built', async ({ page }) => {
  host.opened.length = 0;
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await page.getByLabel('What is wrong? (a few words)').fill('The docking station does not charge my laptop.');
  await page.getByLabel('Subject').fill('Docking station not charging');
  // No Send without a helpdesk: the one button hands the message to the mail program at once.
  await expect(page.getByRole('button', { name: 'Send to IT' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open in your email app' }).click();
  await expect(page.getByText('Your email app should now show the message. Check it and press Send there.')).toBeVisible();
  expect(host.opened).toHaveLength(1);
  expect(host.opened[0]).toMatch(/^mailto:servicedesk@example\.com\?subject=Docking%20station%20not%20charging&body=/);
  expect(new URL(page.url()).origin).toBe(new URL(host.url).origin);
});
