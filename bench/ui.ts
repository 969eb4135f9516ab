/**
 * 5. UI: (a) the JavaScript the renderer's index.html loads before anything is shown (entry
 * script + modulepreloads), gzipped; (b) time from navigation start to the home screen being
 * interactive in Chromium through the browser host (real core behind it), minus the same for a
 * blank page served by a plain loopback HTTP server.
 *
 * The renderer is built with the project's own vite.renderer.config.ts (what
 * `npm run build:renderer` runs) into a temp dir, so a benchmark never swaps out/renderer under a
 * Playwright run in progress.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { createFirstline } from '../app/compose.ts';
import { createLogger } from '../core/log.ts';
import { redact } from '../core/redact.ts';
import { startBrowserHost } from '../host/server.ts';
import { chromiumArgs } from '../playwright.config.ts';
import { createWorkspace } from './cold-start.ts';
import { repoRoot } from './lib/bundle.ts';
import { initialScripts } from './lib/html.ts';
import { startStaticHttp } from './lib/loopback.ts';
import type { BenchResult } from './lib/result.ts';
import { alternate, median } from './lib/stats.ts';

const targetKb = 150;
const targetMs = 300;
const rounds = 7;
const debianChromium = '/usr/bin/chromium';

async function buildRenderer(outDir: string): Promise<{ gzipBytes: number; rawBytes: number; files: string[] }> {
  await build({
    configFile: path.join(repoRoot, 'vite.renderer.config.ts'),
    root: path.join(repoRoot, 'renderer'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  const files = initialScripts(readFileSync(path.join(outDir, 'index.html'), 'utf8'));
  if (files.length === 0) throw new Error('index.html loads no script');
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(outDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { gzipBytes, rawBytes, files };
}

// Records, in the page, the first moment the condition holds (checked on every DOM change, focus
// change and frame), in ms since navigation start. Runs before any page script (an init script is
// not subject to the page's CSP). A string, not a function: tsx would wrap a function's source in
// helpers (`__name`) that do not exist in the page.
const readyConditions = {
  home: "document.activeElement && document.activeElement.id === 'search' && document.querySelector('.tiles .tile') && document.querySelector('.button-contact')",
  blank: "document.getElementById('ready')",
} as const;

function watchReady(kind: keyof typeof readyConditions): string {
  return `(() => {
    const check = () => { if (window.readyAt === undefined && (${readyConditions[kind]})) window.readyAt = performance.now(); };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
    document.addEventListener('focusin', check, true);
    const frame = () => { check(); if (window.readyAt === undefined) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })();`;
}

type Load = { readyAt: number; scriptsAt: number; firstCallAt: number; lastCallAt: number; firstCallSent: number; lastCallSent: number; calls: number };

async function timeToReady(browser: Browser, url: string, kind: keyof typeof readyConditions): Promise<Load> {
  // A fresh context per sample: no cache, no session storage, like a window opened for the first time.
  const context = await browser.newContext({ viewport: { width: 400, height: 600 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: watchReady(kind) });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt, undefined, { timeout: 20_000 });
    const readyAt = (await handle.jsonValue()) as number;
    // Where the time went: the last script arriving, and the first and last contract call answered.
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })));
    const scripts = entries.filter((e) => e.name.endsWith('.js')).map((e) => e.end);
    const calls = entries.filter((e) => e.name.includes('/__firstline/invoke'));
    const first = calls.length ? Math.min(...calls.map((c) => c.end)) : 0;
    const last = calls.length ? Math.max(...calls.map((c) => c.end)) : 0;
    return {
      readyAt,
      scriptsAt: Math.max(0, ...scripts),
      firstCallAt: first,
      lastCallAt: last,
      firstCallSent: calls.length ? Math.min(...calls.map((c) => c.start)) : 0,
      lastCallSent: calls.length ? Math.max(...calls.map((c) => c.start)) : 0,
      calls: calls.length,
    };
  } finally {
    await context.close();
  }
}

export async function benchUi(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'fl-bench-renderer-'));
  const ws = createWorkspace(12);
  const closers: (() => Promise<void>)[] = [];
  try {
    const size = await buildRenderer(outDir);
    const kb = size.gzipBytes / 1024;
    const sizeRow: BenchResult = {
      metric: 'UI: initial JS of the renderer, gzipped',
      figure: `${kb.toFixed(1)} KB`,
      target: `≤ ${targetKb} KB`,
      pass: kb <= targetKb,
      notes: [
        `ui size: ${size.files.length} files loaded by index.html (${size.files.map((f) => path.basename(f)).join(', ')}), ${(size.rawBytes / 1024).toFixed(1)} KB raw, gzip (zlib default level) per file, summed.`,
      ],
    };

    const log = createLogger({ redact: (text) => redact(text), file: path.join(ws.dir, 'host.log') });
    let dispose = (): void => undefined;
    const host = await startBrowserHost({
      rendererDir: outDir,
      log,
      createHandlers: async (emit) => {
        const firstline = await createFirstline({
          host: 'browser-host',
          version: '0.0.0-bench',
          dataDir: ws.dataDir('ui'),
          catalogDir: ws.catalogDir,
          locale: 'en-US',
          emit,
          openUrl: () => Promise.resolve(false),
          log,
          env: ws.env,
        });
        dispose = firstline.dispose;
        return firstline.handlers;
      },
    });
    closers.push(async () => (dispose(), await host.close()));
    const blank = await startStaticHttp('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><button id="ready">OK</button></body></html>');
    closers.push(blank.close);

    const browser = await chromium.launch({ executablePath: existsSync(debianChromium) ? debianChromium : undefined, args: chromiumArgs });
    closers.push(() => browser.close());
    const loads: Load[] = [];
    const home = async () => {
      const load = await timeToReady(browser, host.url, 'home');
      loads.push(load);
      return load.readyAt;
    };
    const samples = await alternate(rounds, home, async () => (await timeToReady(browser, blank.url, 'blank')).readyAt);
    const diff = median(samples.a.map((a, i) => a - samples.b[i]!));
    const at = (pick: (l: Load) => number) => Math.round(median(loads.slice(1).map(pick))); // without the warm-up load
    return [
      sizeRow,
      {
        metric: 'UI: navigation → home screen interactive, minus a blank page (Chromium, browser host)',
        figure: `${Math.round(diff)} ms`,
        target: `≤ ${targetMs} ms`,
        pass: diff <= targetMs,
        notes: [
          `ui time: median of ${rounds} alternating fresh-context loads: home ${Math.round(median(samples.a))} ms, blank ${Math.round(median(samples.b))} ms after navigation start; "interactive" = search box focused, catalog tiles and Contact IT rendered (generated 12-troubleshooter catalog); in the home page (medians), scripts were loaded at ${at((l) => l.scriptsAt)} ms, the first of ${at((l) => l.calls)} contract calls sent at ${at((l) => l.firstCallSent)} ms and answered at ${at((l) => l.firstCallAt)} ms, the last one sent at ${at((l) => l.lastCallSent)} ms and answered at ${at((l) => l.lastCallAt)} ms; the browser host adds an SSE handshake before the first call that Electron IPC does not have.`,
        ],
      },
    ];
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    ws.dispose();
    rmSync(outDir, { recursive: true, force: true });
  }
}
