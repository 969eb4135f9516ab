/**
 * Knowledge articles in the employee window (issue #15): found by search with the fixes, read
 * with numbered steps and a shipped image, links opened by the app through the allowlist, "Did
 * this help?" stored, and Contact IT carrying the article. Built-in catalog, loopback only.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from '../support/host-fixture.ts';

const fixedSnapshot = { capture: async () => ({ os: 'Linux', osVersion: '6', hostname: 'pc-test', user: 'employee', uptimeSeconds: 60, disks: [], network: [] }) };

let host: TestHost;
test.beforeAll(async () => {
  host = await startTestHost({
    platform: 'win32',
    snapshot: fixedSnapshot,
    ticketConfig: { fallbackEmail: 'servicedesk@example.com' },
    policy: { authenticatorSetupUrl: 'https://mysignins.example.com/security-info', phishingReportAddress: 'phishing@example.com' },
  });
});
test.afterAll(async () => host.stop());

const search = (page: Page) => page.getByLabel('Describe the problem in a few words');
const activity = () => {
  try {
    return JSON.parse(readFileSync(path.join(host.dataDir, 'activity.json'), 'utf8')) as { records: Array<Record<string, unknown>> };
  } catch {
    return { records: [] };
  }
};

async function openArticle(page: Page, query: string, title: string) {
  await page.goto(host.url);
  await search(page).fill(query);
  const result = page.locator('#search-results').getByRole('button', { name: new RegExp(title) });
  await expect(result).toContainText('How-to');
  await result.click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}

test('a how-to is found by search, shows its steps for this OS with the shipped image, and passes axe', async ({ page }) => {
  // Two full axe passes (light and dark) take most of a minute on a loaded 2-core machine.
  test.setTimeout(120_000);
  await openArticle(page, 'beamer', 'The projector or second screen shows nothing');
  const steps = page.locator('.article-steps > li');
  // Windows steps only: the macOS and Linux steps of the file are left out.
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(1)).toContainText('Press the Windows key and P together');
  const image = page.getByRole('img', { name: 'The Windows key and the P key pressed together' });
  await expect(image).toBeVisible();
  expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${scheme}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
  }
  await expect.poll(() => activity().records.filter((r) => r.type === 'article-viewed' && r.articleId === 'projector-second-screen').length).toBe(1);
});

test('a link from policy is opened by the app, and a policy value is filled into the text', async ({ page }) => {
  await openArticle(page, 'authenticator', 'New phone for the authenticator app');
  await page.getByRole('button', { name: 'Open the security information page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The page opened in your browser.' })).toBeVisible();
  expect(host.opened).toContain('https://mysignins.example.com/security-info');

  await openArticle(page, 'phishing', 'I received a suspicious e-mail');
  await expect(page.locator('.article-steps')).toContainText('forward the e-mail as an attachment to phishing@example.com');
});

test('"No, it did not help" is stored and Contact IT sends the article id and the employee\'s words', async ({ page }) => {
  await openArticle(page, 'bluetooth headset', 'Connect a Bluetooth headset');
  await page.getByRole('group', { name: 'Did this help?' }).getByRole('button', { name: 'No' }).click();
  await expect(page.getByText('Sorry it did not help.')).toBeVisible();
  await expect.poll(() => activity().records.find((r) => r.type === 'article-feedback')).toMatchObject({ articleId: 'bluetooth-headset', helpful: false });
  await page.getByRole('button', { name: 'Contact IT about this' }).click();
  const details = page.locator('pre.ticket-details');
  await expect(details).toContainText('How-to read first: Connect a Bluetooth headset (bluetooth-headset)');
  await expect(details).toContainText('It did not help');
  await expect(page.getByLabel('Subject')).toHaveValue('Connect a Bluetooth headset (It did not help)');
  await page.getByLabel('What is wrong? (a few words)').fill('The headset pairs but nobody hears me in Teams.');
  await page.getByRole('button', { name: 'Open in your email app' }).click();
  await expect.poll(() => host.opened.some((u) => u.startsWith('mailto:'))).toBe(true);
  const mail = decodeURIComponent(host.opened.find((u) => u.startsWith('mailto:')) ?? '');
  expect(mail).toContain('The headset pairs but nobody hears me in Teams.');
  expect(mail).toContain('bluetooth-headset');
});

test('a search that finds nothing is kept only as normalized words', async ({ page }) => {
  await page.goto(host.url);
  await search(page).fill('scanner Peeters 0475');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await search(page).press('Enter');
  await expect.poll(() => activity().records.filter((r) => r.type === 'search-missed')).toEqual([expect.objectContaining({ terms: 'scanner' })]);
  expect(readFileSync(path.join(host.dataDir, 'activity.json'), 'utf8')).not.toMatch(/Peeters|0475/);
});
