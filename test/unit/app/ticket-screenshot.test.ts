/**
 * The desk's screenshot flow (#14) over the real ticket service and a webhook on 127.0.0.1: the
 * image is checked in the app (not only in the renderer), goes with the ticket only when the form
 * showed that very image, can be removed or replaced, is refused in words when it is not an image
 * or too large, is never offered when policy turns screenshots off, and — since the mail program
 * cannot carry it — can be saved when the ticket goes by mailto.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTicketDesk } from '../../../app/tickets.ts';
import type { ScreenshotPorts } from '../../../app/ticket-screenshots.ts';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { MAX_SCREENSHOT_BYTES } from '../../../core/tickets/screenshot.ts';
import { createTicketService } from '../../../core/tickets/service.ts';
import { makeJpegShape, makePng } from '../../support/png.ts';
import { sendJson, startHelpdesk } from '../../integration/tickets/helpdesk-server.ts';

const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const snapshot = { capture: async () => ({ os: 'Linux', osVersion: '6', hostname: 'pc-01', user: 'u', uptimeSeconds: 60, disks: [], network: [] }) };
const png = makePng(20, 10, [0, 120, 0]);
const b64 = (b: Buffer) => b.toString('base64');

async function deskWith(config: unknown, ports: ScreenshotPorts) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fl-shot-desk-'));
  dirs.push(dataDir);
  const service = await createTicketService({ config: ticketConfigSchema.parse(config), dataDir, secrets: createMemorySecretStore({}), snapshot });
  closers.push(async () => service.stop());
  return createTicketDesk({ service, troubleshooter: () => undefined, screenshots: ports });
}

async function webhook() {
  const bodies: { attachments: { filename: string; contentType: string; contentBase64: string }[] }[] = [];
  const server = await startHelpdesk((req, res) => {
    bodies.push(req.json as (typeof bodies)[number]);
    sendJson(res, 201, { id: String(bodies.length), number: `HD-${bodies.length}` });
  });
  closers.push(server.close);
  return { url: server.url, bodies };
}

describe('ticket desk: screenshot', () => {
  it('reports "pick" without a capture port, "capture" with one, "off" when policy says no', async () => {
    expect((await (await deskWith({}, { allowed: true })).draft({ lang: 'en' })).screenshot).toBe('pick');
    expect((await (await deskWith({}, { allowed: true, captureScreen: async () => png })).draft({ lang: 'en' })).screenshot).toBe('capture');
    const off = await deskWith({}, { allowed: false, captureScreen: async () => png });
    const { draft, screenshot } = await off.draft({ lang: 'en' });
    expect(screenshot).toBe('off');
    expect(await off.captureScreenshot(draft.clientId)).toEqual({ ok: false, reason: 'off' });
    expect(off.attachScreenshot(draft.clientId, b64(png))).toEqual({ ok: false, reason: 'off' });
  });

  it('sends the picked image (the very bytes previewed) with the ticket, once', async () => {
    const hook = await webhook();
    const desk = await deskWith({ connector: { type: 'webhook', url: hook.url } }, { allowed: true });
    const { draft } = await desk.draft({ lang: 'en' });
    const shown = desk.attachScreenshot(draft.clientId, b64(png));
    if (!shown.ok) throw new Error('refused');
    expect(shown).toMatchObject({ filename: `screenshot-${draft.clientId.replace(/-/g, '').slice(0, 8)}.png`, contentType: 'image/png', size: png.length });
    expect(shown.dataUrl).toBe(`data:image/png;base64,${b64(png)}`);
    expect(await desk.send({ clientId: draft.clientId, title: 'Grey screen', userText: 'Teams shows grey', screenshot: shown.filename })).toMatchObject({ kind: 'sent' });
    const images = hook.bodies[0]?.attachments.filter((a) => a.contentType === 'image/png') ?? [];
    expect(images).toHaveLength(1);
    expect(Buffer.from(images[0]?.contentBase64 ?? '', 'base64').equals(png)).toBe(true);
  });

  it('never sends an image the form did not show, and sends nothing after Remove; Replace keeps only the new one', async () => {
    const hook = await webhook();
    const desk = await deskWith({ connector: { type: 'webhook', url: hook.url } }, { allowed: true, captureScreen: async () => makeJpegShape() });
    const first = await desk.draft({ lang: 'en' });
    desk.attachScreenshot(first.draft.clientId, b64(png));
    await desk.send({ clientId: first.draft.clientId, title: 'a', userText: 'words here please' });
    const second = await desk.draft({ lang: 'en' });
    desk.attachScreenshot(second.draft.clientId, b64(png));
    desk.removeScreenshot(second.draft.clientId);
    await desk.send({ clientId: second.draft.clientId, title: 'b', userText: 'words here please', screenshot: 'screenshot-x.png' });
    const third = await desk.draft({ lang: 'en' });
    desk.attachScreenshot(third.draft.clientId, b64(png));
    const replaced = await desk.captureScreenshot(third.draft.clientId);
    if (!replaced.ok) throw new Error('capture refused');
    expect(replaced.contentType).toBe('image/jpeg');
    await desk.send({ clientId: third.draft.clientId, title: 'c', userText: 'words here please', screenshot: replaced.filename });
    const images = hook.bodies.map((b) => b.attachments.filter((a) => a.contentType.startsWith('image/')).map((a) => a.contentType));
    expect(images).toEqual([[], [], ['image/jpeg']]);
  });

  it('refuses in words what is not an image (whatever its name) and what is over 5 MB, keeping the earlier screenshot', async () => {
    const desk = await deskWith({}, { allowed: true });
    const { draft } = await desk.draft({ lang: 'en' });
    expect(desk.attachScreenshot(draft.clientId, b64(png))).toMatchObject({ ok: true });
    expect(desk.attachScreenshot(draft.clientId, b64(Buffer.from('%PDF-1.7 not a picture')))).toEqual({ ok: false, reason: 'not-image' });
    const huge = makePng(2, 2, [0, 0, 0], MAX_SCREENSHOT_BYTES);
    expect(desk.attachScreenshot(draft.clientId, b64(huge))).toEqual({ ok: false, reason: 'too-large' });
    expect(await desk.captureScreenshot(draft.clientId)).toEqual({ ok: false, reason: 'off' });
    expect(desk.hold({ clientId: draft.clientId, title: 't', userText: 'u', screenshot: `screenshot-${draft.clientId.replace(/-/g, '').slice(0, 8)}.png` }).text).toContain(
      `(image/png, ${png.length} bytes)`,
    );
  });

  it('says the capture failed when the shell returns nothing (and the draft keeps no image)', async () => {
    const desk = await deskWith({}, { allowed: true, captureScreen: async () => null });
    const { draft } = await desk.draft({ lang: 'en' });
    expect(await desk.captureScreenshot(draft.clientId)).toEqual({ ok: false, reason: 'failed' });
    expect(desk.hold({ clientId: draft.clientId, title: 't', userText: 'u' }).text).not.toContain('image/');
  });

  it('mailto cannot carry the image: after sending, the employee can still save exactly those bytes', async () => {
    const saved: { name: string; bytes: Buffer }[] = [];
    const desk = await deskWith(
      { fallbackEmail: 'it@example.test' },
      {
        allowed: true,
        saveFile: async (name, bytes) => {
          saved.push({ name, bytes: Buffer.from(bytes) });
          return true;
        },
      },
    );
    const { draft, channel } = await desk.draft({ lang: 'en' });
    expect(channel).toBe('mailto');
    const shown = desk.attachScreenshot(draft.clientId, b64(png));
    if (!shown.ok) throw new Error('refused');
    expect(await desk.send({ clientId: draft.clientId, title: 'Mail', userText: 'Outlook is stuck', screenshot: shown.filename })).toMatchObject({ kind: 'mailto' });
    expect(await desk.saveScreenshot(draft.clientId)).toEqual({ saved: true });
    expect(saved[0]?.name).toBe(shown.filename);
    expect(saved[0]?.bytes.equals(png)).toBe(true);
  });
});
