/**
 * Issue 14: "Was this helpful?" after a fix that ended resolved. The employee's answer is kept on
 * the run's history record and `firstline report` counts it — the deflection number comes from
 * the employee, not from our own verification.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { reportCommand } from '../../cli/commands/report.ts';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

let host: TestHost;
test.beforeAll(async () => {
  host = await startUiHost();
});
test.afterAll(async () => {
  await host.stop();
});

async function fixWifi(page: Page) {
  await page.goto(host.url);
  await page.getByRole('button', { name: /Wi-Fi does not work/ }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Fixed', exact: false })).toBeVisible();
}

async function report(): Promise<{ learning: { feedback: { runs: { helpful: number; notHelpful: number; byTroubleshooter: unknown[] } } } }> {
  const out: string[] = [];
  const code = await reportCommand(['--json', '--history', path.join(host.dataDir, 'history.json')], { out: (l) => out.push(l), err: () => undefined });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as Awaited<ReturnType<typeof report>>;
}

test('the answer after a resolved fix is stored with the run and counted by firstline report', async ({ page }) => {
  await fixWifi(page);
  const question = page.getByRole('group', { name: 'Was this helpful?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Glad it helped.' })).toBeVisible();
  await expect(question).toHaveCount(0);

  await fixWifi(page);
  await page.getByRole('group', { name: 'Was this helpful?' }).getByRole('button', { name: 'No' }).click();
  await expect(page.getByRole('status').filter({ hasText: "If it still doesn't work, send it to IT below." })).toBeVisible();
  // The way to IT stays right there.
  await expect(page.getByRole('button', { name: "It still doesn't work" })).toBeVisible();

  const { value: history } = (await page.evaluate(() => window.firstline.invoke('history:list', {}))) as { value: Array<{ troubleshooterId: string; helpful?: boolean }> };
  expect(history.slice(0, 2).map((r) => [r.troubleshooterId, r.helpful])).toEqual([
    ['wifi', false],
    ['wifi', true],
  ]);
  const { learning } = await report();
  expect(learning.feedback.runs).toMatchObject({ helpful: 1, notHelpful: 1, byTroubleshooter: [{ troubleshooterId: 'wifi', helpful: 1, notHelpful: 1 }] });
});

test('a fix that did not end resolved does not ask', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Describe the problem in a few words').fill('printer');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, change it' }).click();
  await expect(page.getByRole('button', { name: 'Send it to IT' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Was this helpful?' })).toHaveCount(0);
});
