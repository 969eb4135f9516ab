import { expect, test, type Page } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { clickCounter, startHelpdesk, startUiHost, type Helpdesk } from './ui-support.ts';

let host: TestHost;
let helpdesk: Helpdesk;
test.beforeAll(async () => {
  helpdesk = await startHelpdesk();
  host = await startUiHost({ helpdesk, policy: { tileOrder: ['teams'] } });
});
test.afterAll(async () => {
  await host.stop();
  await helpdesk.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name });

/** Runs left waiting for an answer are cancelled, so none outlives its test. */
async function cancelRun(page: Page) {
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Stopped' })).toBeVisible();
}

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: "What's wrong?" })).toBeVisible();
}

test('one search and Enter start a fix, typos and other languages included', async ({ page }) => {
  await open(page);
  const search = page.getByLabel('Describe the problem in a few words');
  await expect(search).toBeFocused();
  // A typo in English, a Dutch word and a French word all find the printer fix.
  for (const query of ['printr', 'afdrukken', 'imprimante']) {
    await search.fill(query);
    await expect(
      page
        .getByRole('list')
        .filter({ has: page.getByRole('button') })
        .getByRole('button')
        .first(),
    ).toContainText('The printer does not print');
  }
  await search.fill('wachtwoord');
  await expect(page.getByRole('status').filter({ hasText: 'fix found' })).toHaveText('1 fix found');
  await search.fill('printr');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'The printer does not print', level: 2 })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'May we change this?' })).toBeVisible();
  await page.getByRole('button', { name: "No, don't change" }).click();
  await expect(page.getByRole('heading', { name: "This didn't fix it — send it to IT?" })).toBeVisible();
});

test('Enter typed before the list of fixes has arrived still starts the first match', async ({ page }) => {
  // Hold the catalog back until the employee has typed and pressed Enter.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__firstline/invoke', async (route) => {
    if ((route.request().postData() ?? '').includes('"catalog:list"')) await held;
    await route.continue();
  });
  await page.goto(host.url);
  const search = page.getByLabel('Describe the problem in a few words');
  await search.fill('printer');
  await search.press('Enter');
  release();
  await expect(page.getByRole('heading', { name: 'The printer does not print', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: "No, don't change" }).click();
  await expect(page.getByRole('heading', { name: "This didn't fix it — send it to IT?" })).toBeVisible();
});

test('a tile starts a running fix within three clicks', async ({ page }) => {
  const clicks = clickCounter();
  await open(page);
  // The policy's tileOrder puts Teams first.
  await expect(page.getByRole('list').getByRole('button').first()).toContainText('Teams is slow or crashes');
  await clicks.click(page.getByRole('button', { name: /Wi-Fi does not work/ }));
  await expect(page.getByRole('group', { name: 'Is airplane mode switched off?' })).toBeVisible();
  expect(clicks.count).toBeLessThanOrEqual(3);
  await cancelRun(page);
});

test('questions are asked inline with validation, and the ending says what was checked', async ({ page }) => {
  await open(page);
  await page.getByLabel('Describe the problem in a few words').fill('teams');
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'It is slow' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const room = page.getByLabel('Which room are you in? (for example B204)');
  await room.fill('kitchen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('Type a letter and three digits, like B204.');
  await expect(room).toHaveAttribute('aria-invalid', 'true');
  await room.fill('B204');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Close Teams completely before your next meeting.')).toBeVisible();
  await expect(page.getByText('https://intranet.example.com/teams-tips')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Fixed' })).toBeFocused();
});

test('a fix that works ends "Fixed" with what was done; the next run finds nothing to change', async ({ page }) => {
  await open(page);
  await page.getByLabel('Describe the problem in a few words').fill('vpn');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'May we change this?' })).toContainText('Reconnect the VPN. Open documents stay open.');
  await page.getByRole('button', { name: 'Yes, change it' }).click();
  const ending = page.getByRole('region', { name: 'Fixed' });
  await expect(ending).toContainText('What was done:');
  await expect(ending.getByRole('listitem')).toHaveText(['Reconnect the VPN. Open documents stay open.']);
  await expect(page.getByText('Repaired', { exact: true })).toBeVisible();
  // Nothing left to fix: no consent asked, and the ending says what was checked.
  await nav(page, 'Fixes').click();
  await page.getByLabel('Describe the problem in a few words').fill('vpn');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Fixed' })).toContainText('What was checked:');
  await expect(page.getByRole('region', { name: 'Fixed' })).toContainText('The VPN is connected.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Escape in the consent dialog refuses the change and nothing is run', async ({ page }) => {
  await open(page);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'May we change this?' });
  await expect(dialog).toContainText('Restart the print queue. Your documents stay in the queue.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('You declined')).toBeVisible();
  await expect(page.getByRole('heading', { name: "This didn't fix it — send it to IT?" })).toBeVisible();
});

test('Cancel stops a run that waits for an answer', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: /Wi-Fi does not work/ }).click();
  await expect(page.getByRole('button', { name: 'Yes' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Stopped' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('leaving a running fix stops it, so nothing is left waiting', async ({ page }) => {
  await open(page);
  const history = () => page.evaluate(() => window.firstline.invoke('history:list', {}));
  const before = await history();
  if (!before.ok) throw new Error('history:list failed');
  await page.getByRole('button', { name: /Wi-Fi does not work/ }).click();
  await expect(page.getByRole('button', { name: 'Yes' })).toBeVisible();
  await nav(page, 'History').click();
  // The run was cancelled by leaving it and is recorded as stopped.
  await expect
    .poll(async () => {
      const now = await history();
      return now.ok && now.value.length === before.value.length + 1 ? { id: now.value[0]?.troubleshooterId, outcome: now.value[0]?.outcome } : null;
    })
    .toEqual({ id: 'wifi', outcome: 'cancelled' });
});

test('a fix that did not help becomes a ticket the employee previews, edits and sends', async ({ page }) => {
  await open(page);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, change it' }).click();
  await page.getByRole('button', { name: 'Send it to IT' }).click();
  await expect(page.getByRole('heading', { name: 'Send it to IT', level: 2 })).toBeVisible();
  const details = page.locator('.ticket-details');
  await expect(details).toContainText('The print queue is stuck.');
  await page.getByLabel('In your own words (optional)').fill('Since this morning, on the 2nd floor printer.');
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText(/Sent\. Your ticket number is IT-\d+\./)).toBeVisible();
  const ticket = helpdesk.received.at(-1);
  expect(ticket?.userText).toBe('Since this morning, on the 2nd floor printer.');
  expect(String(ticket?.details)).toContain('The print queue is stuck.');
  // History shows the run with its outcome and the ticket; My tickets shows the ticket.
  await nav(page, 'History').click();
  // A run whose ticket really went says so (issue #14: "Sent to IT" only when a ticket was sent).
  const item = page.getByRole('listitem').filter({ hasText: 'The printer does not print' }).first();
  await expect(item).toContainText('Sent to IT');
  await expect(item).not.toContainText('IT needed');
  await page.getByRole('tab', { name: 'My tickets' }).click();
  await expect(page.getByRole('region', { name: 'My tickets' }).getByRole('listitem').first()).toContainText('Received by IT');
});

test('Contact IT opens a message to IT directly, without a troubleshooter', async ({ page }) => {
  const clicks = clickCounter();
  await open(page);
  await clicks.click(page.getByRole('button', { name: 'Contact IT' }));
  await expect(page.getByRole('heading', { name: 'Contact IT', level: 2 })).toBeFocused();
  await expect(page.getByText('Phone: +32 2 555 01 23')).toBeVisible();
  await expect(page.locator('.ticket-details')).toContainText('pc-test-01');
  await page.getByLabel('What is wrong? (a few words)').fill('My second screen stays black since this morning.');
  await page.getByLabel('Subject').fill('My second screen stays black');
  await clicks.click(page.getByRole('button', { name: 'Send to IT' }));
  await expect(page.getByText(/Sent\. Your ticket number is/)).toBeVisible();
  expect(helpdesk.received.at(-1)?.title).toBe('My second screen stays black');
  expect(clicks.count).toBe(2);
});

test('history lists past runs and runs one again', async ({ page }) => {
  await open(page);
  await page.getByLabel('Describe the problem in a few words').fill('password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'IT needs to help with this' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: 'I forgot my password' }).first();
  // The run is recorded right after its last event; reopen History until the record is there.
  await expect(async () => {
    await nav(page, 'History').click();
    await expect(item).toContainText('IT needed', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await item.getByRole('button', { name: 'Run again: I forgot my password' }).click();
  await expect(page.getByRole('heading', { name: 'I forgot my password', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'IT needs to help with this' })).toBeVisible();
});

test('the language can be chosen, applies to fixes too, and is kept', async ({ page }) => {
  await open(page);
  await nav(page, 'Settings').click();
  await expect(page.getByRole('radio', { name: 'Same as this computer (English)' })).toBeChecked();
  await page.getByRole('radio', { name: 'Nederlands' }).check();
  await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Wat is er mis?' })).toBeVisible();
  await expect(page.getByRole('button', { name: /De printer drukt niet af/ })).toBeVisible();
  await page.getByRole('button', { name: /De wifi werkt niet/ }).click();
  await expect(page.getByRole('group', { name: 'Staat de vliegtuigmodus uit?' })).toBeVisible();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('heading', { name: 'Gestopt' })).toBeVisible();
  // Back to automatic for the other tests sharing this host.
  await nav(page, 'Instellingen').click();
  await page.getByRole('radio', { name: 'Zoals deze computer (English)' }).check();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
