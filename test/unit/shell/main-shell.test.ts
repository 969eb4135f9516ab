import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type * as ElectronMock from '../../mocks/electron.ts';
import { createWindow } from '../../../main/windows.ts';
import { registerIpc } from '../../../main/ipc.ts';
import { hardenSessions, openExternalChecked, openMailChecked } from '../../../main/security.ts';
import { createTray } from '../../../main/tray.ts';
import { popoverPosition } from '../../../core/shell/tray-position.ts';
import { invokeChannel } from '../../../contract/transport.ts';

// `electron` resolves to test/mocks/electron.ts (vitest.config.ts).
const mock = electron as unknown as typeof ElectronMock;

beforeEach(() => {
  vi.clearAllMocks();
});

describe('window factory', () => {
  it('creates every window isolated, sandboxed, without Node, with web security and our preload', () => {
    const window = createWindow('popover', '/app/out/main') as unknown as InstanceType<typeof mock.BrowserWindow>;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/out/main/preload.cjs',
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://firstline/index.html');
  });
});

describe('IPC registration', () => {
  function registered() {
    const call = mock.ipcMain.handle.mock.calls.find((c) => c[0] === invokeChannel);
    if (!call) throw new Error('not registered');
    return call[1] as (event: unknown, channel: unknown, args: unknown) => unknown;
  }
  const frame = { url: 'app://firstline/index.html' };

  it('treats only our own windows showing our own origin in the main frame as trusted', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    registerIpc(dispatch, new Set([7]));
    const handler = registered();
    await handler({ sender: { id: 7, mainFrame: frame }, senderFrame: frame }, 'app:info', {});
    await handler({ sender: { id: 8, mainFrame: frame }, senderFrame: frame }, 'app:info', {});
    const evil = { url: 'https://evil.test/' };
    await handler({ sender: { id: 7, mainFrame: evil }, senderFrame: evil }, 'app:info', {});
    const sub = { url: 'app://firstline/frame.html' };
    await handler({ sender: { id: 7, mainFrame: frame }, senderFrame: sub }, 'app:info', {});
    expect(dispatch.mock.calls.map((c) => (c as unknown[])[2])).toEqual([{ trusted: true }, { trusted: false }, { trusted: false }, { trusted: false }]);
  });
});

describe('session hardening', () => {
  it('denies permissions, navigation away from the app, new windows and webviews', () => {
    hardenSessions();
    const permission = mock.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    const decided = vi.fn();
    permission({}, 'media', decided);
    expect(decided).toHaveBeenCalledWith(false);
    const check = mock.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    expect(check()).toBe(false);

    const created = mock.app.on.mock.calls.find((c) => c[0] === 'web-contents-created')![1] as (e: unknown, wc: unknown) => void;
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    created({}, { on: (name: string, fn: never) => handlers.set(name, fn), setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn) });
    const event = () => ({ preventDefault: vi.fn() });
    const away = event();
    handlers.get('will-navigate')!(away, 'https://evil.test/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = event();
    handlers.get('will-navigate')!(inside, 'app://firstline/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = event();
    handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('hands only allowlisted https URLs to the OS', async () => {
    await expect(openExternalChecked('https://passwordreset.microsoftonline.com/', ['passwordreset.microsoftonline.com'])).resolves.toBe(true);
    await expect(openExternalChecked('ms-msdt:/id PCWDiagnostic', ['passwordreset.microsoftonline.com'])).resolves.toBe(false);
    await expect(openExternalChecked('https://evil.test/', ['passwordreset.microsoftonline.com'])).resolves.toBe(false);
    expect(mock.shell.openExternal.mock.calls).toEqual([['https://passwordreset.microsoftonline.com/']]);
  });

  it('hands a mail program only single-line mailto links of bounded size', async () => {
    const good = 'mailto:it@example.com?subject=Printer&body=Line%20one%0D%0ALine%20two';
    await expect(openMailChecked(good)).resolves.toBe(true);
    await expect(openMailChecked('mailto:it@example.com?subject=Hi%0D%0ABcc:spy@evil.test')).resolves.toBe(false);
    await expect(openMailChecked('mailto:it@example.com\r\nBcc:spy@evil.test')).resolves.toBe(false);
    await expect(openMailChecked('https://passwordreset.microsoftonline.com/')).resolves.toBe(false);
    await expect(openMailChecked(`mailto:it@example.com?body=${'a'.repeat(20_000)}`)).resolves.toBe(false);
    expect(mock.shell.openExternal.mock.calls).toEqual([[good]]);
  });
});

describe('tray', () => {
  it('offers Open, Contact IT and Quit, and Contact IT shows the window then asks the UI for the contact screen', () => {
    const window = { getSize: () => [400, 600], setPosition: vi.fn(), show: vi.fn(), focus: vi.fn(), hide: vi.fn(), isVisible: () => false, isFocused: () => false };
    const onContact = vi.fn();
    const onQuit = vi.fn();
    const tray = createTray({
      iconPath: '/x.png',
      labels: { open: 'Open Firstline', contact: 'Contact IT', quit: 'Quit', tooltip: 't' },
      getWindow: () => window as never,
      onContact,
      onQuit,
    }) as unknown as InstanceType<typeof mock.Tray>;
    const template = (tray.menu as { template: Array<{ id?: string; label?: string; click?: () => void }> }).template;
    expect(template.filter((i) => i.id).map((i) => [i.id, i.label])).toEqual([
      ['open', 'Open Firstline'],
      ['contact', 'Contact IT'],
      ['quit', 'Quit'],
    ]);
    template.find((i) => i.id === 'contact')!.click!();
    expect(window.show).toHaveBeenCalled();
    expect(onContact).toHaveBeenCalled();
    template.find((i) => i.id === 'quit')!.click!();
    expect(onQuit).toHaveBeenCalled();
    tray.handlers.get('click')!();
    expect(window.setPosition).toHaveBeenCalledTimes(2);
  });

  it('places the popover above a bottom taskbar and below a top menu bar, inside the work area', () => {
    const size = { width: 400, height: 600 };
    expect(popoverPosition({ x: 1800, y: 1044, width: 24, height: 24 }, { x: 0, y: 0, width: 1920, height: 1040 }, size)).toEqual({ x: 1512, y: 432 });
    expect(popoverPosition({ x: 1200, y: 0, width: 24, height: 24 }, { x: 0, y: 25, width: 1440, height: 875 }, size)).toEqual({ x: 1012, y: 33 });
  });
});

describe('keychain-backed secrets', () => {
  it('stores helpdesk credentials encrypted through safeStorage, and refuses when only the basic_text fallback exists', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { createKeychainSecretStore } = await import('../../../main/secrets.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'fl-keychain-'));
    const store = createKeychainSecretStore(dir);
    await store.set('topdesk', 's3cr3t-value');
    await expect(store.get('topdesk')).resolves.toBe('s3cr3t-value');
    expect(readFileSync(path.join(dir, 'secrets.bin.json'), 'utf8')).not.toContain('s3cr3t-value');
    expect(mock.safeStorage.encryptString).toHaveBeenCalledWith('s3cr3t-value');

    const originalPlatform = process.platform;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    mock.safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    const refused = createKeychainSecretStore(dir);
    Object.defineProperty(process, 'platform', { value: originalPlatform });
    await expect(refused.get('topdesk')).resolves.toBeUndefined();
    await expect(refused.set('x', 'y')).rejects.toThrow(/keychain/);
  });
});
