/**
 * The window in Dutch, French and German: every screen in the language chosen (the fix's own
 * texts too, from the core), no untranslated key on screen, the page's lang attribute set for
 * screen readers, and axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

const cases = [
  {
    lang: 'nl',
    locale: 'nl-BE',
    heading: 'Wat is er mis?',
    search: 'Beschrijf het probleem in een paar woorden',
    fix: 'De printer drukt niet af',
    query: 'printer',
    consent: 'Mogen we dit aanpassen?',
    allow: 'Ja, aanpassen',
    change: 'De printwachtrij opnieuw starten.',
    ending: 'Dit loste het niet op — naar IT sturen?',
    finding: 'De printwachtrij zit vast.',
    nav: ['Geschiedenis', 'Instellingen'],
  },
  {
    lang: 'fr',
    locale: 'fr-BE',
    heading: 'Quel est le problème ?',
    search: 'Décrivez le problème en quelques mots',
    fix: "L'imprimante n'imprime pas",
    query: 'imprimante',
    consent: 'Pouvons-nous modifier ceci ?',
    allow: 'Oui, modifier',
    change: "Redémarrer la file d'impression.",
    ending: "Cela n'a pas résolu le problème — l'envoyer au service informatique ?",
    finding: "La file d'impression est bloquée.",
    nav: ['Historique', 'Paramètres'],
  },
  {
    lang: 'de',
    locale: 'de-BE',
    heading: 'Was funktioniert nicht?',
    search: 'Beschreiben Sie das Problem in wenigen Worten',
    fix: 'Der Drucker druckt nicht',
    query: 'Drucker',
    consent: 'Dürfen wir das ändern?',
    allow: 'Ja, ändern',
    change: 'Die Druckwarteschlange neu starten.',
    ending: 'Das hat nicht geholfen — an die IT senden?',
    finding: 'Die Druckwarteschlange hängt.',
    nav: ['Verlauf', 'Einstellungen'],
  },
] as const;

async function expectClean(page: Page, where: string) {
  // A raw message key such as "home.heading" would mean a missing translation.
  const text = await page.locator('body').innerText();
  expect(text.match(/\b(?:home|run|ending|ticket|settings|history|consent|question|nav|outage|myTickets)\.[a-zA-Z.-]+\b/g), where).toBeNull();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${where}: ${v.id}`)).toEqual([]);
}

for (const c of cases) {
  test.describe(c.lang, () => {
    let host: TestHost;
    test.beforeAll(async () => {
      host = await startUiHost({ locale: c.locale });
    });
    test.afterAll(async () => {
      await host.stop();
    });

    test(`the window and the fixes speak ${c.lang} when the computer does`, async ({ page }) => {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: c.heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      await expectClean(page, 'home');
      await page.getByLabel(c.search).fill(c.query);
      await expect(page.locator('.results .tile').first()).toContainText(c.fix);
      await page.getByLabel(c.search).press('Enter');
      const dialog = page.getByRole('dialog', { name: c.consent });
      await expect(dialog).toContainText(c.change);
      await expectClean(page, 'consent');
      await page.getByRole('button', { name: c.allow }).click();
      await expect(page.getByRole('heading', { name: c.ending })).toBeVisible();
      await expect(page.getByText(c.finding).first()).toBeVisible();
      await expectClean(page, 'ending');
      for (const name of c.nav) {
        await page.getByRole('navigation').getByRole('button', { name }).click();
        await expect(page.getByRole('navigation').getByRole('button', { name })).toHaveAttribute('aria-current', 'page');
        await expect(page.locator('main h2').first()).toBeFocused();
        await expectClean(page, name);
      }
    });
  });
}
