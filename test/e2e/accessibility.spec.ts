/**
 * WCAG 2.1 AA for the employee window: axe on every screen (light and dark), a keyboard-only walk
 * from home to the ticket preview, visible focus, reduced motion, forced colours, and a window
 * the size of a tray popover that can be resized.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
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

async function expectAccessible(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${screen}: ${v.id} (${v.impact ?? ''}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
  // Guards against a vacuous pass: axe must actually have checked this page.
  expect(result.passes.length).toBeGreaterThan(10);
}

const search = (page: Page) => page.getByLabel('Describe the problem in a few words');
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name });

async function start(page: Page, query: string) {
  await search(page).fill(query);
  await search(page).press('Enter');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: "What's wrong?" })).toBeVisible();
    await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
    await expectAccessible(page, 'home');

    await search(page).fill('printr');
    await expect(page.getByRole('heading', { name: 'Matching fixes' })).toBeVisible();
    await expectAccessible(page, 'search results');
    await search(page).fill('zzzzqqq');
    await expect(page.getByText('Nothing matches.', { exact: false })).toBeVisible();
    await expectAccessible(page, 'no results');

    // Run with a consent dialog, then the "not fixed" ending and the ticket preview.
    await start(page, 'printer');
    await expect(page.getByRole('dialog', { name: 'May we change this?' })).toBeVisible();
    await expectAccessible(page, 'consent dialog');
    await page.getByRole('button', { name: 'Yes, change it' }).click();
    await expect(page.getByRole('heading', { name: "This didn't fix it — send it to IT?" })).toBeVisible();
    await expectAccessible(page, 'ending not fixed');
    await page.getByRole('button', { name: 'Send it to IT' }).click();
    await expect(page.locator('.ticket-details')).toBeVisible();
    await expectAccessible(page, 'ticket preview');
    await page.getByRole('button', { name: 'Send to IT' }).click();
    await expect(page.getByText(/Sent\. Your ticket number is/)).toBeVisible();
    await expectAccessible(page, 'ticket sent');

    // Questions: yes/no, choice, text with a validation message; the "Fixed" ending.
    await nav(page, 'Fixes').click();
    await start(page, 'wifi');
    await expect(page.getByRole('button', { name: 'Yes' })).toBeVisible();
    await expectAccessible(page, 'yes/no question');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Stopped' })).toBeVisible();
    await expectAccessible(page, 'ending stopped');
    await nav(page, 'Fixes').click();
    await start(page, 'teams');
    await expect(page.getByRole('radio', { name: 'It is slow' })).toBeVisible();
    await expectAccessible(page, 'choice question');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Choose one of the options.')).toBeVisible();
    await expectAccessible(page, 'choice question with error');
    await page.getByRole('radio', { name: 'It is slow' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Which room are you in? (for example B204)').fill('x');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Type a letter and three digits, like B204.')).toBeVisible();
    await expectAccessible(page, 'text question with error');
    await page.getByLabel('Which room are you in? (for example B204)').fill('B204');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Fixed' })).toBeVisible();
    await expectAccessible(page, 'ending fixed');

    await page.getByRole('button', { name: 'Contact IT' }).click();
    await expect(page.locator('.ticket-details')).toBeVisible();
    await expectAccessible(page, 'contact IT');
    await nav(page, 'History').click();
    await expect(page.getByRole('button', { name: /Run again/ }).first()).toBeVisible();
    await expectAccessible(page, 'history');
    await page.getByRole('tab', { name: 'My tickets' }).click();
    await expect(page.getByRole('heading', { name: 'My tickets' })).toBeVisible();
    await expectAccessible(page, 'my tickets');
    await nav(page, 'Settings').click();
    await expect(page.getByRole('radio', { name: 'Deutsch' })).toBeVisible();
    await expectAccessible(page, 'settings');
  });
}

test('keyboard only: home → run → consent → result → ticket preview', async ({ page }) => {
  // Also watches for CSP violations and script errors along the way.
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(host.url);
  // The search box has focus when the window opens.
  await expect(search(page)).toBeFocused();
  await page.keyboard.type('printer');
  await expect(page.getByRole('button', { name: /The printer does not print/ })).toBeVisible();
  // Arrow down into the results, Enter on the result starts the fix.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /The printer does not print/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'May we change this?' });
  await expect(dialog).toBeVisible();
  // Focus starts on the safe choice and stays inside the dialog (focus trap).
  await expect(page.getByRole('button', { name: "No, don't change" })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Yes, change it' })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);
  }
  await page.getByRole('button', { name: 'Yes, change it' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // The result takes focus; the next Tab reaches "Send it to IT".
  await expect(page.getByRole('heading', { name: "This didn't fix it — send it to IT?" })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send it to IT' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Send it to IT', level: 2 })).toBeFocused();
  await expect(page.locator('.ticket-details')).toContainText('The print queue is stuck.');
  // Focus is visible: the focused control draws an outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  expect(errors).toEqual([]);
});

test('a skip link first in the tab order jumps past the header', async ({ page }) => {
  await page.goto(host.url);
  await expect(search(page)).toBeFocused();
  // Backwards from the search box: the nav (3), Contact IT, then the skip link comes first of all.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('reduced motion stops the progress animation; forced colours keep borders', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
  await page.goto(host.url);
  await start(page, 'wifi');
  const running = page.locator('.step-running .step-status');
  await expect(running).toBeVisible();
  expect(await running.evaluate((el) => getComputedStyle(el, '::before').animationName)).toBe('none');
  expect(
    await page
      .locator('.step')
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopStyle),
  ).toBe('solid');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Stopped' })).toBeVisible();
});

test('fits a 400×600 tray popover without sideways scrolling, and resizes', async ({ page }) => {
  for (const size of [
    { width: 400, height: 600 },
    { width: 320, height: 480 },
    { width: 900, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: /Wi-Fi does not work/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways overflow at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Contact IT' })).toBeInViewport();
  }
});
