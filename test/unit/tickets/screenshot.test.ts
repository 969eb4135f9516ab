import { describe, expect, it } from 'vitest';
import { finaliseDraft, ticketAsText } from '../../../core/tickets/draft.ts';
import { checkScreenshot, MAX_SCREENSHOT_BYTES, screenshotAttachment, sniffImage } from '../../../core/tickets/screenshot.ts';
import { attachmentBytes, type TicketDraft } from '../../../core/tickets/types.ts';
import { makeJpegShape, makePng } from '../../support/png.ts';

describe('screenshot bytes', () => {
  it('recognises PNG and JPEG by their magic bytes, whatever they are called', () => {
    expect(sniffImage(makePng(4, 4))).toBe('image/png');
    expect(sniffImage(makeJpegShape())).toBe('image/jpeg');
  });

  it('refuses text, a GIF, a PNG signature without IHDR, and a JPEG cut short (no end marker)', () => {
    expect(checkScreenshot(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, reason: 'not-image' });
    expect(checkScreenshot(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toEqual({ ok: false, reason: 'not-image' });
    const png = makePng(4, 4);
    png.write('XXXX', 12, 'ascii');
    expect(checkScreenshot(png)).toEqual({ ok: false, reason: 'not-image' });
    expect(checkScreenshot(makeJpegShape().subarray(0, 10))).toEqual({ ok: false, reason: 'not-image' });
    expect(checkScreenshot(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('accepts up to 5 MB and refuses one byte more', () => {
    const base = makePng(2, 2, [0, 0, 0]).length;
    // tEXt chunk overhead: length, type, crc (12) plus the "Comment\0" keyword (8).
    const exact = makePng(2, 2, [0, 0, 0], MAX_SCREENSHOT_BYTES - base - 20);
    expect(exact.length).toBe(MAX_SCREENSHOT_BYTES);
    expect(checkScreenshot(exact)).toEqual({ ok: true, type: 'image/png' });
    expect(checkScreenshot(makePng(2, 2, [0, 0, 0], MAX_SCREENSHOT_BYTES - base - 19))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('is never text-redacted (its bytes survive finaliseDraft) and is named, not dumped, in the text export', () => {
    const png = makePng(8, 8);
    const shot = screenshotAttachment('abcdef12-0000-4000-8000-000000000000', png, 'image/png');
    const draft: TicketDraft = { clientId: 'abcdef12-0000-4000-8000-000000000000', title: 't', userText: '', details: 'd', urgency: 'normal', attachments: [shot], createdAt: 'x' };
    // A redactor that would wreck any base64 it touched.
    const redactor = { text: (s: string) => s.replace(/[A-Z]/g, '#'), deep: <T>(v: T) => v };
    const final = finaliseDraft(draft, redactor as never, 80);
    expect(attachmentBytes(final.attachments[0]!).equals(png)).toBe(true);
    expect(ticketAsText(final)).toContain(`--- screenshot-abcdef12.png (image/png, ${png.length} bytes) ---`);
    expect(ticketAsText(final)).not.toContain(shot.content.slice(0, 20));
  });
});
