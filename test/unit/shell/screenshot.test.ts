/**
 * main/screenshot.ts against the shared Electron mock (no Electron binary here): Firstline hides
 * its window before `desktopCapturer` runs and shows it again afterwards — also when the capture
 * fails — asks for the primary display at full pixel size, and re-encodes a capture over 5 MB.
 * What the real desktopCapturer returns on a real desktop is Electron-only and not tested here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type * as ElectronMock from '../../mocks/electron.ts';
import { captureScreenHidingWindow, encodeForTicket } from '../../../main/screenshot.ts';
import { MAX_SCREENSHOT_BYTES } from '../../../core/tickets/screenshot.ts';
import { makePng } from '../../support/png.ts';

const mock = electron as unknown as typeof ElectronMock;
const png = makePng(16, 9);

/** A window whose every call is logged in one sequence with the capture. */
function windowLog(order: string[], visible = true) {
  let shown = visible;
  return {
    isDestroyed: () => false,
    isVisible: () => shown,
    hide: vi.fn(() => {
      shown = false;
      order.push('hide');
    }),
    show: vi.fn(() => {
      shown = true;
      order.push('show');
    }),
    focus: vi.fn(() => order.push('focus')),
  };
}

beforeEach(() => vi.clearAllMocks());

describe('captureScreenHidingWindow', () => {
  it('hides Firstline, waits for it to leave the screen, captures the primary display at full size, then shows Firstline again', async () => {
    const order: string[] = [];
    const win = windowLog(order);
    mock.screen.getPrimaryDisplay.mockReturnValueOnce({ id: 7, size: { width: 1440, height: 900 }, scaleFactor: 2 });
    mock.desktopCapturer.getSources.mockImplementationOnce(async (options: unknown) => {
      order.push(`capture ${JSON.stringify(options)}`);
      return [
        { id: 'screen:1', name: 'Screen 1', display_id: '3', thumbnail: mock.fakeImage({ png: makePng(2, 2) }) },
        { id: 'screen:7', name: 'Screen 2', display_id: '7', thumbnail: mock.fakeImage({ png }) },
      ];
    });
    const bytes = await captureScreenHidingWindow(win as never, { settle: async () => void order.push('settled') });
    expect(Buffer.from(bytes ?? []).equals(png)).toBe(true);
    expect(order).toEqual(['hide', 'settled', `capture ${JSON.stringify({ types: ['screen'], thumbnailSize: { width: 2880, height: 1800 }, fetchWindowIcons: false })}`, 'show', 'focus']);
  });

  it('shows the window again and reports nothing when the capture throws or the image is empty (macOS without permission)', async () => {
    const order: string[] = [];
    const win = windowLog(order);
    mock.desktopCapturer.getSources.mockRejectedValueOnce(new Error('denied'));
    expect(await captureScreenHidingWindow(win as never, { settle: async () => undefined })).toBeNull();
    mock.desktopCapturer.getSources.mockResolvedValueOnce([{ id: 's', name: 's', display_id: '1', thumbnail: mock.fakeImage({ png, empty: true }) }]);
    expect(await captureScreenHidingWindow(win as never, { settle: async () => undefined })).toBeNull();
    expect(order).toEqual(['hide', 'show', 'focus', 'hide', 'show', 'focus']);
  });

  it('does not pop up a window that was hidden (capture from the tray)', async () => {
    const order: string[] = [];
    const win = windowLog(order, false);
    mock.desktopCapturer.getSources.mockResolvedValueOnce([{ id: 's', name: 's', display_id: '1', thumbnail: mock.fakeImage({ png }) }]);
    expect(await captureScreenHidingWindow(win as never, { settle: async () => undefined })).not.toBeNull();
    expect(order).toEqual([]);
  });
});

describe('encodeForTicket', () => {
  const big = Buffer.alloc(MAX_SCREENSHOT_BYTES + 1);
  it('keeps a PNG within the limit as it is', () => {
    const image = mock.fakeImage({ png });
    expect(encodeForTicket(image as never)).toBe(png);
    expect(image.toJPEG).not.toHaveBeenCalled();
  });
  it('re-encodes a PNG over 5 MB as JPEG quality 85', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const image = mock.fakeImage({ png: big, jpeg: () => jpeg });
    expect(encodeForTicket(image as never)).toBe(jpeg);
    expect(image.toJPEG).toHaveBeenCalledWith(85);
  });
  it('scales to 1920 px wide when the JPEG is still too large, and gives up (null) past that', () => {
    const small = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const image = mock.fakeImage({ png: big, jpeg: () => big, width: 3840, resized: small });
    expect(encodeForTicket(image as never)).toBe(small);
    expect(image.resize).toHaveBeenCalledWith({ width: 1920, quality: 'good' });
    expect(encodeForTicket(mock.fakeImage({ png: big, jpeg: () => big, resized: big }) as never)).toBeNull();
  });
});
