/**
 * The one place that creates BrowserWindows. Every window gets the secure web preferences from
 * core/security/window-options.ts and the single preload; nothing else may call `new BrowserWindow`.
 */
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { appOrigin, secureWebPreferences } from '../core/security/window-options.ts';

export type WindowKind = 'popover';

export function createWindow(kind: WindowKind, preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 400,
    height: 600,
    minWidth: 340,
    minHeight: 420,
    show: false,
    frame: kind !== 'popover' ? true : process.platform === 'linux',
    resizable: true,
    skipTaskbar: kind === 'popover' && process.platform !== 'linux',
    title: 'Firstline',
    webPreferences: { ...secureWebPreferences, preload: path.join(preloadDir, 'preload.cjs') },
  });
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
