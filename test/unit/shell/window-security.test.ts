/**
 * The window and menu as an auditor sees them (#11): secure options written literally at the one
 * `new BrowserWindow` call, DevTools off in packaged builds, no default Electron menu, and the CSP
 * as a `<meta>` in index.html equal to the response header (electronegativity itself is run by
 * hand: it fetches from GitHub, so it is not part of npm test).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type * as ElectronMock from '../../mocks/electron.ts';
import { createWindow, setApplicationMenu } from '../../../main/windows.ts';
import { secureWebPreferences } from '../../../core/security/window-options.ts';
import { contentSecurityPolicy, contentSecurityPolicyMeta, cspMetaContents, cspMetaProblem } from '../../../core/security/csp.ts';

// `electron` resolves to test/mocks/electron.ts (vitest.config.ts).
const mock = electron as unknown as typeof ElectronMock;
const read = (file: string) => readFileSync(path.resolve(file), 'utf8');

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  mock.app.isPackaged = false;
});

describe('window factory', () => {
  it('creates the window with every secure preference, Auxclick disabled and our preload', () => {
    const window = createWindow('popover', '/app/out/main') as unknown as InstanceType<typeof mock.BrowserWindow>;
    expect(window.options.webPreferences).toMatchObject({ ...secureWebPreferences, experimentalFeatures: false, disableBlinkFeatures: 'Auxclick', preload: '/app/out/main/preload.cjs' });
  });

  it('allows DevTools while developing and never in a packaged build', () => {
    const dev = createWindow('popover', '/app') as unknown as InstanceType<typeof mock.BrowserWindow>;
    expect(dev.options.webPreferences).toMatchObject({ devTools: true });
    mock.app.isPackaged = true;
    const packaged = createWindow('popover', '/app') as unknown as InstanceType<typeof mock.BrowserWindow>;
    expect(packaged.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('writes the secure options literally at the one new BrowserWindow call (what electronegativity reads)', () => {
    const source = read('main/windows.ts');
    const call = /new BrowserWindow\(\{([\s\S]*?)\n {2}\}\);/.exec(source)?.[1] ?? '';
    const prefs = /webPreferences: \{([\s\S]*?)\n {4}\}/.exec(call)?.[1] ?? '';
    expect(prefs).not.toMatch(/\.\.\./);
    for (const [key, value] of Object.entries(secureWebPreferences)) {
      expect(prefs, key).toMatch(new RegExp(`\\n\\s+${key}: ${typeof value === 'string' ? `'${value}'` : String(value)},`));
    }
  });

  it('is the only place that creates a BrowserWindow', () => {
    const files = ['main', 'preload', 'app'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)));
    const creators = files.filter((f) => f.endsWith('.ts') && /new BrowserWindow\(/.test(read(f)));
    expect(creators).toEqual([path.join('main', 'windows.ts')]);
  });
});

describe('application menu', () => {
  it('is removed on Windows and Linux, so Reload and Toggle Developer Tools do not ship', () => {
    for (const platform of ['win32', 'linux'] as const) {
      mock.Menu.setApplicationMenu.mockClear();
      setApplicationMenu(platform);
      expect(mock.Menu.setApplicationMenu.mock.calls).toEqual([[null]]);
    }
  });

  it('on macOS holds only the app and edit roles (copy and paste in the ticket form), no view or DevTools entry', () => {
    setApplicationMenu('darwin');
    const menu = mock.Menu.setApplicationMenu.mock.calls[0]?.[0] as { template: unknown } | null;
    const roles = JSON.stringify(menu?.template);
    expect(roles).toContain('"paste"');
    expect(roles).toContain('"quit"');
    expect(roles).not.toMatch(/toggleDevTools|reload|forceReload|viewMenu|windowMenu/i);
  });

  it('is set by the composition root when the app is ready', () => {
    const index = read('main/index.ts');
    expect(index).toMatch(/await app\.whenReady\(\);[\s\S]*\n {2}setApplicationMenu\(\);/);
  });
});

describe('content security policy in index.html', () => {
  it('the renderer source carries exactly one CSP meta, the header policy without frame-ancestors (ignored in a meta)', () => {
    const html = read('renderer/index.html');
    expect(cspMetaProblem(html)).toBeUndefined();
    const header = contentSecurityPolicy().split('; ');
    expect(cspMetaContents(html)).toEqual([header.filter((d) => d !== "frame-ancestors 'none'").join('; ')]);
    expect(contentSecurityPolicyMeta()).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('a document whose meta drifted from core/security/csp.ts is refused (the Vite build throws on it)', () => {
    const html = read('renderer/index.html').replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    expect(cspMetaProblem(html)).toMatch(/expected one <meta/);
    expect(cspMetaProblem('<html></html>')).toMatch(/found none/);
    expect(read('vite.renderer.config.ts')).toMatch(/plugins: \[[^\]]*cspMetaCheck/);
  });

  it('the built renderer keeps the meta', (context) => {
    const built = 'out/renderer/index.html';
    if (!existsSync(built)) {
      console.log(`skipped: ${built} is not built (npm run build:renderer); the source check above still ran`);
      context.skip();
    }
    expect(cspMetaProblem(read(built))).toBeUndefined();
  });
});
