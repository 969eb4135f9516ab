/**
 * Screenshots of every screen of the employee window, in English and Dutch, for the README:
 * `npm run build:renderer && npx tsx scripts/screenshots.ts`. Runs the browser host over the UI
 * test catalog (harmless actions) and a helpdesk on 127.0.0.1, in Chromium at tray size.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.ts';
import { repoRoot } from '../test/support/host-fixture.ts';
import { startHelpdesk, startOutageFeed, startUiHost } from '../test/e2e/ui-support.ts';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
const debianChromium = '/usr/bin/chromium';

/** UI words the script needs to drive each language. */
const words = {
  en: {
    search: 'Describe the problem in a few words',
    allow: 'Yes, change it',
    sendToIt: 'Send it to IT',
    send: 'Send to IT',
    fixes: 'Fixes',
    history: 'History',
    settings: 'Settings',
    contact: 'Contact IT',
    slow: 'It is slow',
    next: 'Continue',
    room: 'Which room are you in? (for example B204)',
  },
  nl: {
    search: 'Beschrijf het probleem in een paar woorden',
    allow: 'Ja, aanpassen',
    sendToIt: 'Naar IT sturen',
    send: 'Naar IT sturen',
    fixes: 'Oplossingen',
    history: 'Geschiedenis',
    settings: 'Instellingen',
    contact: 'Contact met IT',
    slow: 'Het is traag',
    next: 'Verder',
    room: 'In welke zaal zit je? (bijvoorbeeld B204)',
  },
} as const;

async function shoot(page: Page, lang: string, name: string) {
  // Let fonts and the last render settle on a stable frame, not a fixed delay.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(outDir, `${lang}-${name}.png`) });
  console.log(`docs/screenshots/${lang}-${name}.png`);
}

async function capture(lang: keyof typeof words) {
  const helpdesk = await startHelpdesk();
  const feed = await startOutageFeed(() => [
    {
      id: 'vpn-maintenance',
      title: { en: 'VPN maintenance tonight', nl: 'Onderhoud aan de VPN vanavond' },
      message: { en: 'Working from home may be interrupted between 20:00 and 21:00.', nl: 'Thuiswerken kan tussen 20 en 21 uur onderbroken worden.' },
      startsAt: '2020-01-01T00:00:00Z',
      severity: 'info',
    },
  ]);
  const host = await startUiHost({ helpdesk, locale: lang === 'nl' ? 'nl-BE' : 'en-GB', policy: { tileOrder: ['wifi', 'print-queue'], outageFeedUrl: feed.url } });
  const browser = await chromium.launch({ executablePath: existsSync(debianChromium) ? debianChromium : undefined, args: chromiumArgs });
  const w = words[lang];
  try {
    const page = await browser.newPage({ viewport: { width: 400, height: 600 }, locale: lang, colorScheme: 'light', reducedMotion: 'reduce' });
    const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name });
    const search = page.getByLabel(w.search);
    // The outage feed is fetched in the background at start; reload until the banner is there.
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(host.url);
      await page.locator('.tile').first().waitFor();
      if (await page.locator('.banner').count()) break;
      await page.waitForTimeout(250);
    }
    await shoot(page, lang, '1-home');

    await search.fill('printr');
    await page.locator('.results .tile').first().waitFor();
    await shoot(page, lang, '2-search');

    await search.press('Enter');
    await page.getByRole('dialog').waitFor();
    await shoot(page, lang, '3-consent');
    await page.getByRole('button', { name: w.allow }).click();
    await page.locator('.ending').waitFor();
    await shoot(page, lang, '4-not-fixed');
    await page.getByRole('button', { name: w.sendToIt }).click();
    await page.locator('.ticket-details').waitFor();
    await shoot(page, lang, '5-ticket-preview');
    await page.getByRole('button', { name: w.send }).click();
    await page.locator('.ending').waitFor();

    await nav(w.fixes).click();
    await search.fill('teams');
    await search.press('Enter');
    await page.getByRole('radio', { name: w.slow }).check();
    await page.getByRole('button', { name: w.next }).click();
    await page.getByLabel(w.room).fill('B204');
    await shoot(page, lang, '6-question');
    await page.getByRole('button', { name: w.next }).click();
    await page.locator('.ending-resolved').waitFor();
    await nav(w.fixes).click();
    await search.fill('vpn');
    await search.press('Enter');
    await page.getByRole('button', { name: w.allow }).click();
    await page.locator('.ending-resolved').waitFor();
    await shoot(page, lang, '7-fixed');

    await nav(w.history).click();
    await page.locator('.history-item').first().waitFor();
    await shoot(page, lang, '8-history');
    await nav(w.settings).click();
    await page.getByRole('radio').first().waitFor();
    await shoot(page, lang, '9-settings');
    // "For IT" opened: where the settings come from and every value, still 400 px wide.
    await page.locator('details.company-settings summary').click();
    await page.locator('.company-settings .policy-setting').first().waitFor();
    // The disclosure's own line just under the sticky header, so the shot starts with it.
    await page.locator('details.company-settings').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
    await shoot(page, lang, '12-settings-for-it');
    await page.locator('details.company-settings summary').click();
    await page.getByRole('button', { name: w.contact }).click();
    await page.locator('.ticket-details').waitFor();
    await shoot(page, lang, '10-contact-it');

    await page.emulateMedia({ colorScheme: 'dark' });
    await nav(w.fixes).click();
    await page.locator('.tile').first().waitFor();
    await shoot(page, lang, '11-home-dark');
  } finally {
    await browser.close();
    await host.stop();
    await helpdesk.close();
    await feed.close();
  }
}

mkdirSync(outDir, { recursive: true });
for (const lang of ['en', 'nl'] as const) await capture(lang);
