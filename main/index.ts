/**
 * Composition root of the Electron shell: wires the core services (app/compose.ts) to
 * Electron's window, tray, IPC and shell. Decisions live in core; this file only connects.
 */
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { createFirstline } from '../app/compose.ts';
import { createDispatcher } from '../app/dispatcher.ts';
import { createLogger } from '../core/log.ts';
import { redact } from '../core/redact.ts';
import { shellLabels } from '../core/shell/labels.ts';
import { registerIpc, sendEvent } from './ipc.ts';
import { hardenSessions, openExternalChecked, registerAppScheme, serveRenderer } from './security.ts';
import { createTray } from './tray.ts';
import { createWindow } from './windows.ts';

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = app.getAppPath();
  const log = createLogger({ file: path.join(app.getPath('logs'), 'firstline.log'), redact: (text) => redact(text) });
  const windows = new Set<BrowserWindow>();
  const trusted = new Set<number>();

  hardenSessions();
  serveRenderer(path.join(root, 'out', 'renderer'));

  const firstline = await createFirstline({
    host: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    catalogDir: path.join(root, 'troubleshooters'),
    locale: app.getLocale(),
    emit: (name, payload) => sendEvent(windows, name, payload, log),
    openUrl: (url, allowlist) => openExternalChecked(url, allowlist),
    log,
  });
  registerIpc(createDispatcher(firstline.handlers, log), trusted);

  let popover: BrowserWindow | undefined;
  const getWindow = (): BrowserWindow => {
    if (popover && !popover.isDestroyed()) return popover;
    const created = createWindow('popover', path.join(root, 'out', 'main'));
    const id = created.webContents.id;
    trusted.add(id);
    windows.add(created);
    created.on('closed', () => {
      trusted.delete(id);
      windows.delete(created);
    });
    popover = created;
    return created;
  };

  const labels = shellLabels(firstline.lang);
  createTray({
    iconPath: path.join(root, 'build', 'icons', process.platform === 'win32' ? 'tray.ico' : 'tray.png'),
    labels,
    getWindow,
    onContact: () => sendEvent(windows, 'app:navigate', { screen: 'contact' }, log),
    onQuit: () => app.quit(),
  });

  app.on('second-instance', () => {
    const window = getWindow();
    window.show();
    window.focus();
  });
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => firstline.dispose());
}
