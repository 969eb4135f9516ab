/**
 * Shared stand-in for the `electron` module in Node unit tests (aliased in vitest.config.ts).
 * Records what the shell asked of Electron so tests can assert it; does nothing real.
 */
import { vi } from 'vitest';

export const calls: Array<{ api: string; args: unknown[] }> = [];
const record =
  (api: string) =>
  (...args: unknown[]) => {
    calls.push({ api, args });
  };

export const app = {
  enableSandbox: vi.fn(record('app.enableSandbox')),
  requestSingleInstanceLock: vi.fn(() => true),
  on: vi.fn(record('app.on')),
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(record('app.quit')),
  getPath: vi.fn((name: string) => `/tmp/firstline-mock/${name}`),
  getAppPath: vi.fn(() => '/tmp/firstline-mock/app'),
  getVersion: vi.fn(() => '0.0.0-test'),
  getLocale: vi.fn(() => 'en-US'),
  /** Tests of packaged-only behaviour set this to true (and back). */
  isPackaged: false,
};
export const shell = { openExternal: vi.fn(async (url: string) => void calls.push({ api: 'shell.openExternal', args: [url] })) };
export const ipcMain = { handle: vi.fn(record('ipcMain.handle')) };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn() };
export const contextBridge = { exposeInMainWorld: vi.fn(record('contextBridge.exposeInMainWorld')) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn(record('protocol.handle')) };
export const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };
export const net = {};
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  // Reversible stand-in so tests can prove the store goes through the cipher.
  encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`, 'utf8')),
  decryptString: vi.fn((b: Buffer) => b.toString('utf8').replace(/^enc:/, '')),
};
export const screen = {
  getDisplayNearestPoint: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
  getPrimaryDisplay: vi.fn(() => ({ id: 1, size: { width: 1920, height: 1080 }, scaleFactor: 1 })),
};

/**
 * A stand-in NativeImage: `toPNG`/`toJPEG` return the bytes a test gives (so size limits and
 * re-encoding can be driven), `resize` records the width asked for.
 */
export function fakeImage(options: { png: Buffer; jpeg?: (quality: number) => Buffer; width?: number; empty?: boolean; resized?: Buffer }) {
  const image = {
    isEmpty: vi.fn(() => options.empty === true),
    getSize: vi.fn(() => ({ width: options.width ?? 1920, height: 1080 })),
    toPNG: vi.fn(() => options.png),
    toJPEG: vi.fn((quality: number) => (options.jpeg ? options.jpeg(quality) : options.png)),
    resize: vi.fn((_size: { width: number }) => ({ toJPEG: vi.fn(() => options.resized ?? options.png) })),
  };
  return image;
}
/** Tests set `desktopCapturer.getSources.mockResolvedValueOnce([...])`; by default there is no screen. */
export const desktopCapturer = {
  getSources: vi.fn(async (options: unknown): Promise<Array<{ id: string; name: string; display_id: string; thumbnail: ReturnType<typeof fakeImage> }>> => {
    calls.push({ api: 'desktopCapturer.getSources', args: [options] });
    return [];
  }),
};
export const nativeImage = { createFromPath: vi.fn(() => ({})) };
export const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn(record('Menu.setApplicationMenu')) };
export class Tray {
  handlers = new Map<string, () => void>();
  menu: unknown;
  setToolTip = vi.fn();
  setContextMenu = vi.fn((menu: unknown) => {
    this.menu = menu;
  });
  getBounds = vi.fn(() => ({ x: 1800, y: 1040, width: 24, height: 24 }));
  on = vi.fn((event: string, handler: () => void) => {
    this.handlers.set(event, handler);
  });
}
export class BrowserWindow {
  static created: BrowserWindow[] = [];
  constructor(readonly options: Record<string, unknown>) {
    BrowserWindow.created.push(this);
  }
  webContents = { id: BrowserWindow.created.length + 1, send: vi.fn() };
  loadURL = vi.fn(async () => undefined);
  isDestroyed = () => false;
  on = vi.fn();
}

/** One in-memory clipboard; `readText` returns what was written last. */
let clipboardText = '';
export const clipboard = {
  writeText: vi.fn((text: string) => {
    calls.push({ api: 'clipboard.writeText', args: [text] });
    clipboardText = text;
  }),
  readText: vi.fn(() => clipboardText),
};
/** Tests set `dialog.showSaveDialog.mockResolvedValueOnce(...)` for the path the "employee" picks. */
export const dialog = {
  showErrorBox: vi.fn(record('dialog.showErrorBox')),
  showSaveDialog: vi.fn(async (options: unknown): Promise<{ canceled: boolean; filePath?: string }> => {
    calls.push({ api: 'dialog.showSaveDialog', args: [options] });
    return { canceled: true };
  }),
};

export default { safeStorage, app, shell, ipcMain, ipcRenderer, contextBridge, protocol, session, net, screen, nativeImage, Menu, Tray, BrowserWindow, clipboard, dialog, desktopCapturer };
