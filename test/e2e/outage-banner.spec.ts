import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startHelpdesk, startOutageFeed, startUiHost, type Helpdesk } from './ui-support.ts';

let host: TestHost;
let helpdesk: Helpdesk;
let feed: Awaited<ReturnType<typeof startOutageFeed>>;

test.beforeAll(async () => {
  helpdesk = await startHelpdesk();
  feed = await startOutageFeed((origin) => [
    {
      id: 'printers-3rd-floor',
      title: { en: 'Printers on the 3rd floor are down', nl: 'Printers op de 3de verdieping liggen plat' },
      message: { en: 'A technician is on the way. Expected fixed by 14:00.', nl: 'Een technicus is onderweg. Opgelost tegen 14 uur.' },
      affects: { categories: ['printing'] },
      startsAt: '2020-01-01T00:00:00Z',
      severity: 'major',
      affectedCountUrl: `${origin}/affected`,
    },
  ]);
  host = await startUiHost({ helpdesk, policy: { outageFeedUrl: feed.url } });
});
test.afterAll(async () => {
  await host.stop();
  await feed.close();
  await helpdesk.close();
});

test('a known issue is shown on Home and "I\'m affected too" is counted once, without a ticket', async ({ page }) => {
  const banner = page.getByRole('region', { name: 'IT is working on a known problem' });
  // The feed is fetched in the background when the app starts; reload until it has arrived.
  await expect(async () => {
    await page.goto(host.url);
    await expect(banner).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(banner).toContainText('Printers on the 3rd floor are down');
  await expect(banner).toContainText("You don't need to report it.");
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  await banner.getByRole('button', { name: "I'm affected too: Printers on the 3rd floor are down" }).click();
  await expect(banner.getByRole('status')).toHaveText('Thanks, IT knows you are affected.');
  await expect.poll(() => feed.affected).toEqual(['printers-3rd-floor']);
  // Remembered across a reload; no ticket was created.
  await page.reload();
  await expect(banner.getByRole('status')).toHaveText('Thanks, IT knows you are affected.');
  expect(helpdesk.received).toEqual([]);
});

test('a fix for an affected category shows the known issue while it runs', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  // The consent dialog makes the page inert; refuse it to look at the run view itself.
  await page.getByRole('button', { name: "No, don't change" }).click();
  const related = page.getByRole('region', { name: 'IT already knows about a problem that may cause this' });
  await expect(related).toContainText('Printers on the 3rd floor are down');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // A fix in another category shows nothing.
  await page.getByRole('navigation').getByRole('button', { name: 'Fixes' }).click();
  await page.getByLabel('Describe the problem in a few words').fill('password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'IT needs to help with this' })).toBeVisible();
  await expect(page.locator('.banner')).toHaveCount(0);
});
