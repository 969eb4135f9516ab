/**
 * The Electron side of "attach a screenshot" (#14): Firstline hides its own window, captures the
 * primary display at full size with `desktopCapturer`, and shows the window again — also when the
 * capture fails. Only bytes leave here; core checks them (core/tickets/screenshot.ts) and the
 * renderer never sees a path or an Electron API.
 *
 * A capture over the limit is re-encoded, not refused: PNG first (lossless, small for UI), then
 * JPEG quality 85 (photos, busy 4K screens), then JPEG of a copy scaled to 1920 px wide. The
 * employee sees the result before sending, so nothing is changed behind their back.
 */
import { desktopCapturer, screen, type BrowserWindow, type NativeImage } from 'electron';
import { MAX_SCREENSHOT_BYTES } from '../core/tickets/screenshot.ts';

export type CaptureDeps = {
  /**
   * Waits until the hidden window is really off the screen. Hiding is asynchronous in the
   * compositor (fade on macOS/Windows); without a pause the capture can still show the popover.
   */
  settle?: () => Promise<void>;
};

const compositorSettleMs = 300;
const defaultSettle = () => new Promise<void>((resolve) => setTimeout(resolve, compositorSettleMs));

/** The smallest acceptable encoding of the image, or null when even the scaled JPEG is too large. */
export function encodeForTicket(image: NativeImage): Uint8Array | null {
  const png = image.toPNG();
  if (png.length <= MAX_SCREENSHOT_BYTES) return png;
  const jpeg = image.toJPEG(85);
  if (jpeg.length <= MAX_SCREENSHOT_BYTES) return jpeg;
  const { width } = image.getSize();
  const scaled = image.resize({ width: Math.min(width, 1920), quality: 'good' }).toJPEG(80);
  return scaled.length <= MAX_SCREENSHOT_BYTES ? scaled : null;
}

export async function captureScreenHidingWindow(window: BrowserWindow | undefined, deps: CaptureDeps = {}): Promise<Uint8Array | null> {
  const display = screen.getPrimaryDisplay();
  const size = { width: Math.round(display.size.width * display.scaleFactor), height: Math.round(display.size.height * display.scaleFactor) };
  const shown = window !== undefined && !window.isDestroyed() && window.isVisible();
  if (shown) window.hide();
  try {
    await (deps.settle ?? defaultSettle)();
    const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: size, fetchWindowIcons: false });
    const source = sources.find((s) => s.display_id === String(display.id)) ?? sources[0];
    // macOS without the screen-recording permission gives an empty image: say it failed.
    if (!source || source.thumbnail.isEmpty()) return null;
    return encodeForTicket(source.thumbnail);
  } catch {
    return null;
  } finally {
    if (shown && !window.isDestroyed()) {
      window.show();
      window.focus();
    }
  }
}
