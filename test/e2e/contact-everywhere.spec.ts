/**
 * Issue 14, "no dead ends": "Contact IT" stays in view and can be clicked on every screen of a
 * 400×600 window, scrolled to the bottom — Home, a run waiting for the employee's answer (consent
 * dialog open), the ending, the message form, History, My tickets, Settings with "for IT" open —
 * with a default install (no helpdesk) and with a configured helpdesk.
 */
import { expect, test, type Page } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startHelpdesk, startUiHost, type Helpdesk } from './ui-support.ts';

test.use({ viewport: { width: 400, height: 600 } });

let helpdesk: Helpdesk;
const hosts: Record<'default install' | 'configured helpdesk', TestHost | undefined> = { 'default install': undefined, 'configured helpdesk': undefined };
test.beforeAll(async () => {
  helpdesk = await startHelpdesk();
  [hosts['default install'], hosts['configured helpdesk']] = await Promise.all([startUiHost({ policy: { support: {} } }), startUiHost({ helpdesk })]);
});
test.afterAll(async () => {
  await Promise.all(Object.values(hosts).map((host) => host?.stop()));
  await helpdesk.close();
});

/** Scrolled to the very bottom, the header's Contact IT is in view and nothing covers it. */
async function expectContactInReach(page: Page, where: string) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const contact = page.locator('.app-header').getByRole('button', { name: 'Contact IT' });
  await expect(contact, where).toBeInViewport();
  // A trial click fails when another element (a dialog's backdrop) would receive the click.
  await contact.click({ trial: true, timeout: 5_000 });
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name });

for (const setup of ['default install', 'configured helpdesk'] as const) {
  test(`${setup}: Contact IT is in reach on every screen, scrolled down, and from the consent dialog`, async ({ page }) => {
    const host = hosts[setup] as TestHost;
    await page.goto(host.url);
    await expectContactInReach(page, 'home');

    await page.getByLabel('Describe the problem in a few words').fill('printer');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'May we change this?' });
    await expect(dialog).toBeVisible();
    // The dialog is modal: its own way to IT is the one in reach (the header's is behind it).
    const dialogContact = dialog.getByRole('button', { name: /contact/i });
    await expect(dialogContact).toBeInViewport();
    await dialogContact.click({ trial: true, timeout: 5_000 });
    await page.getByRole('button', { name: 'Yes, change it' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expectContactInReach(page, 'ending');

    await page.locator('.app-header').getByRole('button', { name: 'Contact IT' }).click();
    await expect(page.getByRole('heading', { name: 'Contact IT', level: 2 })).toBeVisible();
    await expectContactInReach(page, 'message form');

    await nav(page, 'History').click();
    await expectContactInReach(page, 'history');
    await page.getByRole('tab', { name: 'My tickets' }).click();
    await expectContactInReach(page, 'my tickets');

    await nav(page, 'Settings').click();
    await page.locator('details.company-settings summary').click();
    await expect(page.locator('.company-settings .setting-key').first()).toBeVisible();
    await expectContactInReach(page, 'settings, for IT open');
  });
}
