/**
 * Screenshots attached to a ticket (#14). An image cannot be text-redacted, so it is attached only
 * when the employee added it and saw it in the preview, and policy may turn the feature off
 * (`allowScreenshots`). The bytes are checked here — whatever the renderer or the capture said —
 * to be a PNG or JPEG within MAX_SCREENSHOT_BYTES.
 *
 * Why 5 MB: a full-HD PNG screenshot is 0.3–3 MB and fits; the limit keeps the whole ticket under
 * the tightest common intake (a 10 MB e-mail after base64's +37 %, Jira Cloud's and Zammad's
 * default per-file limits, Freshservice's 15 MB total) and keeps the outbox file small enough to
 * rewrite durably on every attempt. A larger capture is re-encoded as JPEG by the shell
 * (main/screenshot.ts); a larger picked file is refused with a message that says so.
 */
import type { TicketAttachment } from './types.ts';

export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The image type by its magic bytes, or null when the bytes are not a PNG (signature + IHDR
 * first) or a JPEG (SOI + marker at the start, EOI at the end). The file name and the declared type
 * are never trusted.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR') return 'image/png';
  const n = bytes.length;
  if (n >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9) return 'image/jpeg';
  return null;
}

export type ScreenshotCheck = { ok: true; type: ImageType } | { ok: false; reason: 'not-image' | 'too-large' | 'empty' };

export function checkScreenshot(bytes: Uint8Array): ScreenshotCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_SCREENSHOT_BYTES) return { ok: false, reason: 'too-large' };
  const type = sniffImage(bytes);
  return type ? { ok: true, type } : { ok: false, reason: 'not-image' };
}

/** The file name IT sees: the ticket's short reference and the type's own extension, nothing the employee typed. */
export function screenshotFilename(clientId: string, type: ImageType): string {
  return `screenshot-${clientId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.${type === 'image/png' ? 'png' : 'jpg'}`;
}

/** A checked image as a ticket attachment (base64 in the outbox; every connector sends the bytes). */
export function screenshotAttachment(clientId: string, bytes: Uint8Array, type: ImageType): TicketAttachment {
  return { filename: screenshotFilename(clientId, type), contentType: type, encoding: 'base64', content: Buffer.from(bytes).toString('base64'), size: bytes.length, screenshot: true };
}

export const isScreenshot = (a: TicketAttachment): boolean => a.screenshot === true;
