/**
 * Issue 14, "Settings" at tray size (400×600) in en/nl/fr/de: nothing wider than the window (no
 * horizontal scroll), the "for IT" part closed by default so an employee sees no file paths,
 * opened it still fits (no setting name or source broken one letter per line), every radio,
 * checkbox, button and disclosure at least 24×24 CSS px or spaced as WCAG 2.2 (2.5.8) allows,
 * and axe (WCAG 2.2 AA, which includes target-size) finds nothing, closed and open.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { TestHost } from '../support/host-fixture.ts';
import { startUiHost } from './ui-support.ts';

test.use({ viewport: { width: 400, height: 600 } });

let host: TestHost;
test.beforeAll(async () => {
  // Long values and a refused key: the "for IT" part at its widest.
  host = await startUiHost({
    policy: {
      defaultLanguage: 'klingon',
      tileOrder: ['wifi', 'printer-queue', 'password'],
      urlAllowlist: ['intranet.example.com', 'selfservice.password.corporate-intranet.example.com'],
      passwordResetUrl: 'https://selfservice.password.corporate-intranet.example.com/reset?lang=auto&source=firstline',
    },
  });
});
test.afterAll(async () => {
  await host.stop();
});

const languages = [
  { lang: 'en', notSet: 'not set', name: 'English', settings: 'Settings', forIt: 'All company settings (for IT)' },
  { lang: 'nl', notSet: 'niet ingesteld', name: 'Nederlands', settings: 'Instellingen', forIt: 'Alle bedrijfsinstellingen (voor IT)' },
  { lang: 'fr', notSet: 'non défini', name: 'Français', settings: 'Paramètres', forIt: 'Tous les paramètres de l’entreprise (pour le service informatique)' },
  { lang: 'de', notSet: 'nicht festgelegt', name: 'Deutsch', settings: 'Einstellungen', forIt: 'Alle Unternehmenseinstellungen (für die IT)' },
] as const;

/** Elements whose right edge passes the window's, and the page's own horizontal scroll. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`);
    return { scroll: document.documentElement.scrollWidth - width, wide };
  });
}

/**
 * Targets under 24×24 that also fail the spacing exception: a 24 px circle on the target's centre
 * must not touch another target (WCAG 2.2 SC 2.5.8). Links inside a sentence are exempt (inline).
 */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const targets = Array.from(document.querySelectorAll<HTMLElement>('button, input:not([type=hidden]), select, textarea, summary, a[href], [role=button], [role=tab]'))
      .filter((el) => el.getClientRects().length > 0 && !(el.tagName === 'A' && el.closest('p, li, dd')))
      .map((el) => ({ el, box: el.getBoundingClientRect() }));
    const distance = (x: number, y: number, box: DOMRect) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
    return targets
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .filter(({ el, box }) => {
        const cx = box.left + box.width / 2;
        const cy = box.top + box.height / 2;
        return targets.some((other) => other.el !== el && !other.el.contains(el) && !el.contains(other.el) && distance(cx, cy, other.box) < 12);
      })
      .map(({ el, box }) => `${el.tagName.toLowerCase()}[${el.getAttribute('type') ?? el.textContent?.trim().slice(0, 20) ?? ''}] ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
}

/** Setting names and sources that wrap into more than two lines (one letter per line at worst). */
async function brokenWords(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.company-settings .setting-key, .company-settings .setting-from'))
      .filter((el) => {
        const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
        return el.getBoundingClientRect().height > lineHeight * 2.5;
      })
      .map((el) => `${el.textContent ?? ''} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`),
  );
}

async function expectNoAxeViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${where}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(result.passes.length).toBeGreaterThan(10);
}

for (const { lang, name, settings, forIt, notSet } of languages) {
  test(`${lang}: Settings fits a 400×600 window, "for IT" closed by default, 24 px targets, axe clean`, async ({ page }) => {
    const policyFile = path.join(host.dataDir, 'policy.json');
    await page.goto(host.url);
    // The language chosen by the previous test is kept: the nav may already speak another one.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^(Settings|Instellingen|Paramètres|Einstellungen)$/ })
      .click();
    await page.getByRole('radio', { name, exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { name: settings, level: 2 })).toBeVisible();
    const disclosure = page.locator('details.company-settings');
    const summary = disclosure.locator('summary');
    await expect(summary).toHaveText(forIt);

    // Closed: what the employee sees. No file path, nothing wider than the window.
    await expect(disclosure).not.toHaveAttribute('open');
    await expect(page.getByText(policyFile)).toBeHidden();
    expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });
    expect(await smallTargets(page)).toEqual([]);
    await expectNoAxeViolations(page, `${lang} closed`);

    // Open: the admin's view still fits, words stay whole, the path is there.
    await summary.click();
    await expect(disclosure.getByText('passwordResetUrl')).toBeVisible();
    await expect(disclosure.getByText(policyFile).first()).toBeVisible();
    // No English left in the values either: an unset key reads "not set" in the window's language.
    await expect(disclosure).not.toContainText('(not set)');
    await expect(disclosure.locator('.policy-setting', { hasText: 'outageFeedUrl' }).locator('dd')).toHaveText(notSet);
    expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });
    expect(await brokenWords(page)).toEqual([]);
    expect(await page.locator('.company-settings .setting-key').count()).toBeGreaterThan(5);
    expect(await smallTargets(page)).toEqual([]);
    await expectNoAxeViolations(page, `${lang} open`);
  });
}
