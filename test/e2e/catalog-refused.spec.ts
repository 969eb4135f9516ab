/**
 * Issue 16: a running app notices a refused organisation-catalog change at its next sync — here the
 * one that opening the window starts — without a restart, keeps the last good copy, and says so in
 * the employee's language (Dutch UI: Dutch words, no English "refused"). A signed folder plays the
 * file share; everything is local.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateCatalogKeyPair, parsePrivateKey, signCatalog } from '../../core/catalog/index.ts';
import { repoRoot, startTestHost, type TestHost } from '../support/host-fixture.ts';
import { fixedSnapshot, uiCatalogDir } from './ui-support.ts';

const keys = generateCatalogKeyPair();
let work = '';
let share = '';
let host: TestHost;

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'fl-e2e-share-'));
  share = path.join(work, 'share');
  cpSync(path.join(repoRoot, 'test/fixtures/catalog/org-catalog'), share, { recursive: true });
  signCatalog(share, parsePrivateKey(keys.privateKeyPem), new Date('2026-11-24T10:00:00Z'));
  host = await startTestHost({
    catalogDir: uiCatalogDir,
    snapshot: fixedSnapshot,
    locale: 'nl-NL',
    // Every opening of the window syncs (the app's default is at most every 15 minutes).
    catalogResyncOnOpenMs: 0,
    policy: { defaultLanguage: 'nl', catalogSources: [share], catalogSigningKeys: [keys.publicKey] },
  });
});
test.afterAll(async () => {
  await host.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Opens the window afresh (a new opening: the app syncs) and reads the catalog line of About. */
async function catalogLine(page: Page): Promise<string> {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Instellingen' }).click();
  return (await page.locator('.about-catalog').textContent()) ?? '';
}

test('a refused catalog change shows in Dutch at the next opening, and the last good troubleshooter stays', async ({ page }) => {
  // Polling the page (each poll is a new opening) until the first sync has finished: no fixed wait.
  await expect(async () => expect(await catalogLine(page)).toContain(`${share} (bijgewerkt)`)).toPass({ timeout: 20_000 });

  // IT's file on the share is edited without signing it again.
  writeFileSync(path.join(share, 'vpn-reconnect.yaml'), 'id: acme-vpn-reconnect\n# edited on the share, not signed\n');
  await expect(async () => expect(await catalogLine(page)).toContain('update niet aanvaard omdat IT ze niet goedkeurde of er een fout in zit; de vorige versie blijft in gebruik')).toPass({
    timeout: 20_000,
  });
  const about = await page.locator('.about-catalog').textContent();
  expect(about).not.toMatch(/refused|not accepted/i);

  // The last good copy (the organisation's own VPN troubleshooter) is still offered, in Dutch.
  await page.goto(host.url);
  await page.getByLabel('Beschrijf het probleem in een paar woorden').fill('VPN verbinding');
  await expect(page.locator('.results .tile').filter({ hasText: 'Legt uit hoe je de VPN opnieuw verbindt.' })).toBeVisible();
});
