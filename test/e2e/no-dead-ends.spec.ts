/**
 * Issue 14, "no dead ends": only what can work is offered. Without a helpdesk there is no Send:
 * the mail program (when IT has an address), the contact details from policy as real links, and
 * Copy / Save as file. Without any contact the window says whom to ask. Contact IT stays in
 * reach after a run and from the consent dialog; after sending, the employee learns what happens next.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startHelpdesk, startUiHost, type Helpdesk } from './ui-support.ts';

const fullContact = {
  name: 'Service Desk',
  email: 'servicedesk@example.com',
  phone: '+32 2 555 01 23',
  hours: 'Mon-Fri 8:00-17:00',
  responseHours: 4,
  callUrl: 'https://intranet.example.com/it/call-back',
};

let bare: TestHost;
let contactOnly: TestHost;
let helpdesk: Helpdesk;
let withHelpdesk: TestHost;
test.beforeAll(async () => {
  helpdesk = await startHelpdesk();
  [bare, contactOnly, withHelpdesk] = await Promise.all([
    // A default install: no helpdesk, no support contact at all.
    startUiHost({ policy: { support: {} } }),
    startUiHost({ policy: { support: fullContact } }),
    startUiHost({ helpdesk, policy: { support: fullContact } }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([bare.stop(), contactOnly.stop(), withHelpdesk.stop()]);
  await helpdesk.close();
});

async function expectAccessible(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const words = 'The docking station does not charge my laptop.';

test('a default install offers no Send: it says whom to ask, and the text can be copied and saved', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(bare.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await expect(page.getByText('No IT phone number or email address is set up in this app.', { exact: false })).toBeVisible();
  await expect(page.getByText('This computer cannot send your message to IT by itself.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: /Send/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open in your email app' })).toHaveCount(0);
  await expectAccessible(page, 'contact without helpdesk');

  // An empty message is not accepted; a few words are.
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByText('Write at least a few words about the problem')).toBeVisible();
  await expect(page.getByLabel('What is wrong? (a few words)')).toBeFocused();
  expect(bare.copied).toHaveLength(0);
  await page.getByLabel('What is wrong? (a few words)').fill(words);
  // The subject is built from the employee's words.
  await expect(page.getByLabel('Subject')).toHaveValue(words);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  await page.getByRole('button', { name: 'Save as file…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a file.' })).toBeVisible();
  expect(bare.copied[0]).toContain(words);
  expect(bare.copied[0]).toContain('pc-test-01');
  expect(bare.saved[0]?.text).toBe(bare.copied[0]);
});

test('the contact from policy is clickable: phone, e-mail and call-back open through the app', async ({ page }) => {
  contactOnly.opened.length = 0;
  await page.goto(contactOnly.url);
  // "Rather talk to a person?" leads to talking, not only writing.
  await page.getByRole('link', { name: 'Call IT: +32 2 555 01 23' }).click();
  await expect.poll(() => contactOnly.opened).toEqual(['tel:+3225550123']);
  await page.locator('.home-human').getByRole('button', { name: 'Ask IT to call you' }).click();
  await expect.poll(() => contactOnly.opened.at(-1)).toBe(fullContact.callUrl);

  await page.getByRole('button', { name: 'Contact IT' }).click();
  const card = page.locator('.support-contact');
  await expect(card.getByRole('heading', { name: 'Reach Service Desk directly' })).toBeVisible();
  await expect(card).toContainText('Open: Mon-Fri 8:00-17:00');
  await expect(card).toContainText('IT usually answers within 4 hours.');
  await card.getByRole('link', { name: 'servicedesk@example.com' }).click();
  await expect.poll(() => contactOnly.opened.at(-1)).toBe('mailto:servicedesk@example.com');
  await expect(page.getByRole('button', { name: 'Send to IT' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open in your email app' })).toBeVisible();
  await expectAccessible(page, 'contact with policy contact');
  // The window itself never navigated.
  expect(new URL(page.url()).origin).toBe(new URL(contactOnly.url).origin);
});

test('after sending: the number, when IT answers, and where to follow it', async ({ page }) => {
  await page.goto(withHelpdesk.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText('Write at least a few words about the problem')).toBeVisible();
  expect(helpdesk.received).toHaveLength(0);
  await page.getByLabel('What is wrong? (a few words)').fill(words);
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByRole('heading', { name: /^Sent\. Your ticket number is IT-\d+\.$/ })).toBeFocused();
  await expect(page.getByText('IT usually answers within 4 hours.')).toBeVisible();
  await expect(page.getByText('You can follow it under History → My tickets.')).toBeVisible();
  expect(helpdesk.received.at(-1)?.title).toBe(words);
  await expectAccessible(page, 'ticket sent');
  await page.getByRole('button', { name: 'Go to My tickets' }).click();
  await expect(page.getByRole('tab', { name: 'My tickets' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: words })).toContainText('Received by IT');
});

test('Contact IT stays in view after a long run at tray size, and is reachable from the consent dialog', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(withHelpdesk.url);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'May we change this?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'contact Service Desk' }).click();
  await expect(page.getByRole('heading', { name: 'Contact IT', level: 2 })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('navigation').getByRole('button', { name: 'Fixes' }).click();
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, change it' }).click();
  await expect(page.getByRole('heading', { name: "This didn't fix it — send it to IT?" })).toBeVisible();
  await page.mouse.wheel(0, 5000);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByRole('button', { name: 'Contact IT' })).toBeInViewport();
});
