/**
 * Issue 14, "tickets worth sending": the employee says how much the problem stops their work (the
 * helpdesk receives it as its urgency) and may leave a number to be called back; "Rather talk to a
 * person?" leads to that number, required and checked before anything is sent.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startHelpdesk, startUiHost, type Helpdesk } from './ui-support.ts';

let helpdesk: Helpdesk;
let en: TestHost;
let nl: TestHost;
test.beforeAll(async () => {
  helpdesk = await startHelpdesk();
  [en, nl] = await Promise.all([startUiHost({ helpdesk }), startUiHost({ helpdesk, locale: 'nl-BE' })]);
});
test.afterAll(async () => {
  await Promise.all([en.stop(), nl.stop()]);
  await helpdesk.close();
});

test('"Rather talk to a person?" asks for a number, checks it, and the helpdesk gets it with the urgency', async ({ page }) => {
  await page.goto(en.url);
  await page.locator('.home-human').getByRole('button', { name: 'Leave my number for a call back' }).click();
  await page.getByLabel('What is wrong? (a few words)').fill('My account is locked and I cannot read e-mail.');
  const phone = page.getByLabel('Call me back at', { exact: true });
  await expect(phone).toHaveAttribute('aria-required', 'true');

  // Asked to be called, so a number is needed; the cursor goes where it is missing.
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText('Enter the number IT should call you on.')).toBeVisible();
  await expect(phone).toBeFocused();
  await phone.fill('call Jan');
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText('That is not a phone number IT can call.', { exact: false })).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  expect(helpdesk.received).toHaveLength(0);

  await phone.fill('+32 470 12 34 56');
  await page.getByRole('radio', { name: "I can't work at all" }).check();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Send to IT' }).click();
  await expect(page.getByText(/Sent\. Your ticket number is IT-/)).toBeVisible();
  const ticket = helpdesk.received.at(-1) ?? {};
  expect(ticket).toMatchObject({ urgency: 'high', callbackPhone: '+32 470 12 34 56' });
  expect(String(ticket.body)).toContain('Urgency: cannot work at all\nCall back at: +32 470 12 34 56');
});

test('the number is optional when writing to IT, and "no hurry" arrives as low urgency (in Dutch)', async ({ page }) => {
  await page.goto(nl.url);
  await page.getByRole('button', { name: 'Contact met IT' }).first().click();
  await expect(page.getByRole('group', { name: 'Hoeveel hindert dit je werk?' })).toBeVisible();
  // Preselected: the middle choice, unless a fix said otherwise.
  await expect(page.getByRole('radio', { name: 'Ik kan er voorlopig omheen werken' })).toBeChecked();
  await page.getByLabel('Wat is er mis? (een paar woorden)').fill('De beamer in zaal 2 toont geen beeld.');
  await page.getByRole('radio', { name: 'Geen haast' }).check();
  await page.getByRole('button', { name: 'Naar IT sturen' }).click();
  await expect(page.getByText(/Verstuurd\. Je ticketnummer is IT-/)).toBeVisible();
  const ticket = helpdesk.received.at(-1) ?? {};
  expect(ticket).toMatchObject({ urgency: 'low', callbackPhone: null });
  expect(String(ticket.body)).toContain('Urgentie: geen haast');
  expect(String(ticket.body)).not.toContain('Terugbellen op');
});
