/**
 * Composition root of the Electron shell: wires the core services (app/compose.ts) to
 * Electron's window, tray, IPC and shell. Decisions live in core; this file only connects.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createFirstline } from '../app/compose.ts';
import { createDispatcher } from '../app/dispatcher.ts';
import { createLogger } from '../core/log.ts';
import { redact } from '../core/redact.ts';
import { shellLabels } from '../core/shell/labels.ts';
import { createTicketNotifier, type TicketChange } from './notify.ts';
import { chooseLang } from '../core/kernel/lang.ts';
import { toPlatform } from '../core/kernel/platform.ts';
import { hiddenStartArg } from '../core/policy/autostart.ts';
import { policyEnvironment } from '../core/policy/load.ts';
import { applyAutostart } from './autostart.ts';
import { copyTextToClipboard, saveImageWithDialog, saveTextWithDialog } from './files.ts';
import { captureScreenHidingWindow } from './screenshot.ts';
import { registerIpc, sendEvent } from './ipc.ts';
import { createKeychainSecretStore } from './secrets.ts';
import { hardenSessions, openContactChecked, openExternalChecked, openMailChecked, registerAppScheme, serveRenderer } from './security.ts';
import { createTray } from './tray.ts';
import { createWindow, setApplicationMenu } from './windows.ts';

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  start().catch((error: unknown) => {
    // Never linger as an invisible process holding the single-instance lock.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Firstline could not start: ${redact(message)}\n`);
    dialog.showErrorBox('Firstline', `${shellLabels(chooseLang({ osLocale: app.getLocale() })).startFailed}\n\n${redact(message)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = app.getAppPath();
  // Packaged: catalog and icons are extraResources next to app.asar (electron-builder.yml).
  const resources = app.isPackaged ? process.resourcesPath : root;
  const platform = toPlatform(process.platform);
  const log = createLogger({ file: path.join(app.getPath('logs'), 'firstline.log'), redact: (text) => redact(text) });
  const windows = new Set<BrowserWindow>();
  const trusted = new Set<number>();

  hardenSessions();
  setApplicationMenu();
  serveRenderer(path.join(root, 'out', 'renderer'));

  // The notifier needs the window (a click opens My tickets) and the window needs firstline:
  // bound once both exist.
  let notifyTicket: (change: TicketChange) => Promise<void> = () => Promise.resolve();
  const firstline = await createFirstline({
    host: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    catalogDir: path.join(resources, 'troubleshooters'),
    locale: app.getLocale(),
    emit: (name, payload) => sendEvent(windows, name, payload, log),
    openUrl: (url, allowlist) => openExternalChecked(url, allowlist),
    openMail: (url) => openMailChecked(url),
    openContact: (url) => openContactChecked(url),
    notifyTicket: (change) => notifyTicket(change),
    copyText: (text) => copyTextToClipboard(text),
    saveText: (name, text) => saveTextWithDialog(name, text),
    // Firstline hides itself first: the screenshot shows the problem, not the ticket form.
    captureScreen: () => captureScreenHidingWindow(popover),
    saveFile: (name, bytes) => saveImageWithDialog(name, bytes),
    log,
    secrets: createKeychainSecretStore(app.getPath('userData')),
    env: policyEnvironment(process.env, app.isPackaged),
  });
  applyAutostart(firstline.policy, platform);
  registerIpc(createDispatcher(firstline.handlers, log), trusted);

  let popover: BrowserWindow | undefined;
  const getWindow = (): BrowserWindow => {
    if (popover && !popover.isDestroyed()) return popover;
    const created = createWindow('popover', path.join(root, 'out', 'main'));
    const id = created.webContents.id;
    trusted.add(id);
    windows.add(created);
    // Every way the window appears (tray click, menu, notification, second start) shows it:
    // one place tells the app when the employee opened Firstline (issue 15's time to a fix).
    created.on('show', () => firstline.window('shown'));
    created.on('hide', () => firstline.window('hidden'));
    created.on('closed', () => {
      firstline.window('hidden');
      trusted.delete(id);
      windows.delete(created);
    });
    popover = created;
    return created;
  };

  const labels = shellLabels(firstline.lang);
  notifyTicket = createTicketNotifier(labels, () => {
    getWindow().show();
    sendEvent(windows, 'app:navigate', { screen: 'tickets' }, log);
  });
  createTray({
    iconPath: path.join(resources, app.isPackaged ? 'icons' : path.join('build', 'icons'), 'tray.png'),
    labels,
    getWindow,
    onContact: () => sendEvent(windows, 'app:navigate', { screen: 'contact' }, log),
    onQuit: () => app.quit(),
  });

  // Started at login: stay in the tray. Started by the employee: show the window.
  if (!process.argv.includes(hiddenStartArg)) getWindow().once('ready-to-show', () => getWindow().show());

  app.on('second-instance', () => {
    const window = getWindow();
    window.show();
    window.focus();
  });
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Let running fixes stop their child processes and record how they ended, then quit.
    event.preventDefault();
    quitting = true;
    void firstline.dispose().finally(() => app.quit());
  });
}
