/**
 * The one place that creates BrowserWindows and the application menu. The secure web preferences
 * are written out literally at the `new BrowserWindow` call, so auditors (Doyensec
 * electronegativity) and reviewers see them where the window is made (#11); a unit test keeps
 * them equal to core/security/window-options.ts. Nothing else may call `new BrowserWindow`.
 */
import path from 'node:path';
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { appOrigin } from '../core/security/window-options.ts';

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
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open links in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      // An employee has no use for DevTools; a packaged build cannot open them at all.
      devTools: !app.isPackaged,
      preload: path.join(preloadDir, 'preload.cjs'),
    },
  });
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

/**
 * Without an application menu of our own Electron ships its default one (Reload, Force Reload,
 * Toggle Developer Tools) on Windows and Linux. There the menu is removed. macOS needs an app menu
 * for Cmd+C/Cmd+V/Cmd+Q to work in the ticket form, so it gets only Edit roles and Quit.
 */
export function setApplicationMenu(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  const template: MenuItemConstructorOptions[] = [
    { role: 'appMenu', submenu: [{ role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
