/**
 * Tray icon and its menu. Left click toggles the popover next to the icon; the menu offers
 * Open, Contact IT and Quit. Labels come from the shell's translations.
 */
import { Menu, Tray, nativeImage, screen, type BrowserWindow } from 'electron';
import { popoverPosition } from '../core/shell/tray-position.ts';

export type TrayLabels = { open: string; contact: string; quit: string; tooltip: string };

export function createTray(options: { iconPath: string; labels: TrayLabels; getWindow(): BrowserWindow; onContact(): void; onQuit(): void }): Tray {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  tray.setToolTip(options.labels.tooltip);

  const show = () => {
    const window = options.getWindow();
    const bounds = tray.getBounds();
    const display = screen.getDisplayNearestPoint({ x: bounds.x, y: bounds.y });
    const [width = 400, height = 600] = window.getSize();
    const { x, y } = popoverPosition(bounds, display.workArea, { width, height });
    window.setPosition(x, y, false);
    window.show();
    window.focus();
  };

  tray.setContextMenu(
    Menu.buildFromTemplate([
      { id: 'open', label: options.labels.open, click: show },
      {
        id: 'contact',
        label: options.labels.contact,
        click: () => {
          show();
          options.onContact();
        },
      },
      { type: 'separator' },
      { id: 'quit', label: options.labels.quit, click: options.onQuit },
    ]),
  );
  tray.on('click', () => {
    const window = options.getWindow();
    if (window.isVisible() && window.isFocused()) window.hide();
    else show();
  });
  return tray;
}
