/**
 * Issue 14, "honest words": the run screen says in one line what is happening or what came of
 * it, shows the steps that ran (the others behind a disclosure), never a green OK for a hand-over
 * to IT, and "Waiting for you" rather than "Checking…" while the employee decides. History calls
 * a run "Sent to IT" only when a ticket went; My tickets answers "Check status" visibly.
 */
import AxeBuilder from '@axe-core/playwright';
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

test('while the employee decides, the step waits for them; the ending has one summary line on top', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(host.url);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'May we change this?' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('listitem').first()).toContainText('Waiting for you');
  await expect(page.locator('.run-summary')).toHaveText('Your answer is needed to continue.');
  await expect(page.getByText('Checking…')).toHaveCount(0);
  await page.getByRole('button', { name: "No, don't change" }).click();
  await expect(page.getByRole('heading', { level: 3 })).toBeVisible();
  // Declined: the summary says so, and the step says who decided.
  await expect(page.locator('.run-summary')).toHaveText('You chose not to make the change, so nothing was repaired.');
  await expect(steps).toContainText('You declined');
  await expect(steps).not.toContainText('Not needed');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a hand-over to IT is never a green OK, and History says "IT needed" until a ticket is sent', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Describe the problem in a few words').fill('password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'IT needs to help with this' })).toBeVisible();
  const step = page.getByRole('list', { name: 'Steps' }).getByRole('listitem').filter({ hasText: 'Ask IT to reset it' });
  await expect(step).toContainText('For IT');
  await expect(step).not.toContainText('OK');
  await expect(step).not.toHaveClass(/step-tone-ok/);

  const item = page.getByRole('listitem').filter({ hasText: 'I forgot my password' }).first();
  await expect(async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
    await expect(item).toContainText('IT needed', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(item).not.toContainText('Sent to IT');
});

test('"Check status" says what it found', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Contact IT' }).click();
  await page.getByLabel('What is wrong? (a few words)').fill('The second screen stays black after lunch.');
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await page.getByRole('button', { name: 'Go to My tickets' }).click();
  await page.getByRole('button', { name: 'Check status' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Checked at .+: no changes\.$/ })).toBeVisible();
});
