/**
 * The screenshot of a ticket draft (#14): captured by the shell or picked by the employee,
 * checked here (PNG/JPEG by magic bytes, ≤ 5 MB: core/tickets/screenshot.ts), kept on the draft
 * and shown back to the employee exactly as IT will get it. An image cannot be text-redacted, so
 * it goes only with a ticket whose form showed it (the edit names it) and only when policy allows.
 */
import { checkScreenshot, screenshotAttachment, isScreenshot, type ImageType } from '../core/tickets/screenshot.ts';
import { attachmentBytes, type TicketAttachment, type TicketDraft } from '../core/tickets/types.ts';

export type ScreenshotMode = 'capture' | 'pick' | 'off';
export type ScreenshotResult = { ok: true; filename: string; contentType: ImageType; size: number; dataUrl: string } | { ok: false; reason: 'too-large' | 'not-image' | 'empty' | 'off' | 'failed' };

export type ScreenshotPorts = {
  /** Policy `allowScreenshots`. */
  allowed: boolean;
  /** The shell's capture (Electron: main/screenshot.ts); absent where the host cannot capture. */
  captureScreen?: (() => Promise<Uint8Array | null>) | undefined;
  /** Saves bytes where the employee picks (OS save dialog); absent: nothing can be saved. */
  saveFile?: ((suggestedName: string, bytes: Uint8Array) => Promise<boolean>) | undefined;
};

export const screenshotOf = (draft: TicketDraft): TicketAttachment | undefined => draft.attachments.find(isScreenshot);

type Change = { draft: TicketDraft; result: ScreenshotResult };

export type ScreenshotDesk = {
  mode(): ScreenshotMode;
  /** Asks the shell to capture; the draft gets the checked image in place of any earlier one. */
  capture(draft: TicketDraft): Promise<Change>;
  /** A picked file's bytes (base64), checked the same way. */
  pick(draft: TicketDraft, base64: string): Change;
  remove(draft: TicketDraft): TicketDraft;
  /** The draft as it may be sent: its screenshot only if the form showed that very one and policy allows it. */
  confirmed(draft: TicketDraft, seen: string | undefined): TicketDraft;
  save(shot: TicketAttachment | undefined): Promise<{ saved: boolean }>;
};

export function createScreenshotDesk(ports: ScreenshotPorts): ScreenshotDesk {
  const mode: ScreenshotMode = !ports.allowed ? 'off' : ports.captureScreen ? 'capture' : 'pick';

  /** Checks the bytes and puts them on the draft in place of any earlier screenshot. */
  const attach = (draft: TicketDraft, bytes: Uint8Array): Change => {
    const check = checkScreenshot(bytes);
    if (!check.ok) return { draft, result: { ok: false, reason: check.reason } };
    const shot = screenshotAttachment(draft.clientId, bytes, check.type);
    const next = { ...draft, attachments: [...draft.attachments.filter((a) => !isScreenshot(a)), shot] };
    return { draft: next, result: { ok: true, filename: shot.filename, contentType: check.type, size: bytes.length, dataUrl: `data:${check.type};base64,${shot.content}` } };
  };

  return {
    mode: (): ScreenshotMode => mode,

    async capture(draft: TicketDraft): Promise<Change> {
      if (mode !== 'capture' || !ports.captureScreen) return { draft, result: { ok: false, reason: 'off' } };
      let bytes: Uint8Array | null;
      try {
        bytes = await ports.captureScreen();
      } catch {
        bytes = null;
      }
      return bytes ? attach(draft, bytes) : { draft, result: { ok: false, reason: 'failed' } };
    },

    pick(draft: TicketDraft, base64: string): Change {
      if (mode === 'off') return { draft, result: { ok: false, reason: 'off' } };
      return attach(draft, Buffer.from(base64, 'base64'));
    },

    remove: (draft: TicketDraft): TicketDraft => ({ ...draft, attachments: draft.attachments.filter((a) => !isScreenshot(a)) }),

    confirmed(draft: TicketDraft, seen: string | undefined): TicketDraft {
      const shot = screenshotOf(draft);
      if (!shot || (mode !== 'off' && seen === shot.filename)) return draft;
      return { ...draft, attachments: draft.attachments.filter((a) => !isScreenshot(a)) };
    },

    async save(shot: TicketAttachment | undefined): Promise<{ saved: boolean }> {
      if (!shot?.content || !ports.saveFile) return { saved: false };
      return { saved: await ports.saveFile(shot.filename, attachmentBytes(shot)) };
    },
  };
}
