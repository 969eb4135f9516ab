/**
 * Issue 14, "find the right fix": a French sentence full of filler words starts the printer fix
 * with Enter, and "I can't find my problem" opens Contact IT with what the employee typed.
 * The first-hit rates per language are in test/unit/renderer/search-phrasings.test.ts.
 */
import { expect, test } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

let host: TestHost;
test.beforeAll(async () => {
  host = await startUiHost({ locale: 'fr-BE' });
});
test.afterAll(async () => {
  await host.stop();
});

test('"je ne peux pas imprimer" and Enter start the printer fix', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Décrivez le problème en quelques mots').fill('je ne peux pas imprimer');
  await expect(page.locator('.results .tile').first()).toContainText("L'imprimante n'imprime pas");
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: "L'imprimante n'imprime pas", level: 2 })).toBeVisible();
});

test('"I can\'t find my problem" opens Contact IT with the search text', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Décrivez le problème en quelques mots').fill('la badgeuse refuse mon badge');
  await page.getByRole('button', { name: 'Je ne trouve pas mon problème — contacter le service informatique' }).click();
  await expect(page.getByLabel('Quel est le problème ? (quelques mots)')).toHaveValue('la badgeuse refuse mon badge');
  await expect(page.getByLabel('Objet')).toHaveValue('la badgeuse refuse mon badge');
});

test('Enter with no clear winner moves to the results instead of starting a fix', async ({ page }) => {
  await page.goto(host.url);
  const search = page.getByLabel('Décrivez le problème en quelques mots');
  // "se connecter" fits the VPN and the password fix alike: no clear winner.
  await search.fill('se connecter');
  await expect(page.locator('.results .tile').nth(1)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.results .tile').first()).toBeFocused();
  await expect(page.locator('#home-heading')).toBeVisible();
  await expect(search).toHaveValue('se connecter');
});
