/**
 * The admin's view on the employee's machine (issue 7): every company setting with its value and
 * source, and the refused ones with the reason — found from Settings without any tool.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

let host: TestHost;
test.beforeAll(async () => {
  host = await startUiHost({ policy: { defaultLanguage: 'klingon', tileOrder: ['wifi'], urlAllowlist: ['intranet.example.com'] } });
});
test.afterAll(async () => {
  await host.stop();
});

test('Settings shows each company setting with its source, and the refused one with the reason', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByText('All company settings (for IT)').click();
  const setting = (key: string) => page.locator('.company-settings .policy-setting').filter({ has: page.getByText(key, { exact: true }) });
  await expect(setting('tileOrder')).toContainText('Policy file');
  await expect(setting('tileOrder')).toContainText('["wifi"]');
  await expect(setting('urlAllowlist')).toContainText('intranet.example.com');
  await expect(setting('defaultLanguage')).toContainText('Default');
  const issues = page.getByRole('alert').filter({ hasText: 'refused' });
  await expect(issues).toContainText('1 company setting was refused');
  await expect(issues).toContainText('defaultLanguage');
  await expect(issues).toContainText('Policy file');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations).toEqual([]);
});
