/**
 * Draws the images the built-in knowledge articles ship (troubleshooters/images/*.png) from HTML
 * in Debian's Chromium, so they can be regenerated and stay language-neutral (keys, no words).
 * Run: `npx tsx scripts/gen-article-images.ts`. Nothing is loaded from the network.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.ts';

const outDir = path.resolve(import.meta.dirname, '../troubleshooters/images');
const key = (label: string, wide = false) =>
  `<div style="display:inline-flex;align-items:center;justify-content:center;min-width:${wide ? 96 : 64}px;height:64px;padding:0 12px;border:3px solid #333;border-bottom-width:7px;border-radius:10px;background:#fafafa;font:600 30px sans-serif;color:#222">${label}</div>`;
const windowsLogo = '<svg width="34" height="34" viewBox="0 0 20 20" aria-hidden="true"><path fill="#0067b8" d="M0 0h9.5v9.5H0zM10.5 0H20v9.5h-9.5zM0 10.5h9.5V20H0zM10.5 10.5H20V20h-9.5z"/></svg>';

const images: Record<string, string> = {
  'windows-key-p.png': `${key(windowsLogo, true)}<span style="font:600 34px sans-serif;margin:0 18px">+</span>${key('P')}`,
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 320, height: 120 }, deviceScaleFactor: 1 });
  for (const [name, body] of Object.entries(images)) {
    await page.setContent(`<body style="margin:0;display:flex;align-items:center;justify-content:center;width:320px;height:120px;background:#fff">${body}</body>`);
    await page.screenshot({ path: path.join(outDir, name) });
    console.log(`wrote troubleshooters/images/${name}`);
  }
} finally {
  await browser.close();
}
