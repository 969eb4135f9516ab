import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArticleDesk } from '../../../app/articles.ts';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import type { Platform } from '../../../core/kernel/platform.ts';

const builtin = path.resolve(import.meta.dirname, '../../../troubleshooters');
const catalog = await loadCatalog(builtin, fullActionRegistry());
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fl-desk-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function desk(options: { platform?: Platform; policy?: Record<string, unknown>; allowlist?: string[] } = {}) {
  const openUrl = vi.fn(async () => true);
  const log = { warn: vi.fn(), error: vi.fn(), info: vi.fn() };
  const d = await createArticleDesk({
    article: (id) => catalog.articles.find((a) => a.article.id === id),
    platform: options.platform ?? 'linux',
    policy: options.policy ?? {},
    allowlist: options.allowlist ?? [],
    openUrl,
    dataDir,
    log,
    now: () => new Date('2026-11-30T10:00:00Z'),
  });
  return { d, openUrl, log };
}
const stored = () => JSON.parse(readFileSync(path.join(dataDir, 'activity.json'), 'utf8')) as { records: unknown[] };

describe('article desk', () => {
  it('shows only the steps of this platform, in the employee language, and counts the view', async () => {
    const { d } = await desk({ platform: 'darwin' });
    const view = await d.get('projector-second-screen', 'nl');
    expect(view.title).toBe('De projector of het tweede scherm toont niets');
    expect(view.steps.map((s) => s.text.slice(0, 24))).toEqual(['Controleer of de kabel a', 'Open het Apple-menu, dan', 'Nog steeds niets? Trek d']);
    expect(view.steps.some((s) => s.image)).toBe(false);
    expect(stored().records).toEqual([{ type: 'article-viewed', articleId: 'projector-second-screen', at: '2026-11-30T10:00:00.000Z' }]);
  });

  it('sends the shipped image as a data URL with its alt text, never as a path', async () => {
    const { d } = await desk({ platform: 'win32' });
    const image = (await d.get('projector-second-screen', 'fr')).steps[1]?.image;
    expect(image?.alt).toBe('La touche Windows et la touche P enfoncées ensemble');
    expect(image?.src.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });

  it('fills policy values in, and without them shows the fallback text and no link', async () => {
    const withPolicy = await desk({ policy: { phishingReportAddress: 'phish@example.com', authenticatorSetupUrl: 'https://mysignins.example.com/' } });
    expect((await withPolicy.d.get('phishing-email', 'en')).steps[1]?.text).toContain('attachment to phish@example.com.');
    expect((await withPolicy.d.get('new-phone-authenticator', 'en')).steps[2]?.link).toEqual({ label: 'Open the security information page' });
    const without = await desk();
    expect((await without.d.get('phishing-email', 'en')).steps[1]?.text).toContain('contact IT below and say which e-mail');
    const authenticator = await without.d.get('new-phone-authenticator', 'de');
    expect(authenticator.steps[2]).toEqual({ text: expect.stringContaining('keine Self-Service-Seite') });
    await expect(without.d.openLink('new-phone-authenticator', 2)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('opens a link only when the allowlist admits its host', async () => {
    const policy = { authenticatorSetupUrl: 'https://mysignins.example.com/security-info' };
    const refused = await desk({ policy, allowlist: ['intranet.example.com'] });
    expect(await refused.d.openLink('new-phone-authenticator', 2)).toEqual({ opened: false });
    expect(refused.openUrl).not.toHaveBeenCalled();
    expect(refused.log.warn).toHaveBeenCalledWith('articles: a link outside the allowlist was not opened', expect.objectContaining({ id: 'new-phone-authenticator' }));
    const allowed = await desk({ policy, allowlist: ['mysignins.example.com'] });
    expect(await allowed.d.openLink('new-phone-authenticator', 2)).toEqual({ opened: true });
    expect(allowed.openUrl).toHaveBeenCalledWith('https://mysignins.example.com/security-info', ['mysignins.example.com']);
    await expect(allowed.d.openLink('new-phone-authenticator', 0)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stores "Did this help?" and gives the last answer to the article view and a ticket', async () => {
    const { d } = await desk();
    await d.feedback('bluetooth-headset', true);
    await d.feedback('bluetooth-headset', false);
    expect((await d.get('bluetooth-headset', 'en')).helpful).toBe(false);
    expect(d.context('bluetooth-headset', 'en')).toEqual({ id: 'bluetooth-headset', title: 'Connect a Bluetooth headset', category: 'audio-video', helpful: false });
    await expect(d.feedback('no-such-article', true)).rejects.toMatchObject({ code: 'not-found' });
    expect(stored().records.filter((r) => (r as { type: string }).type === 'article-feedback')).toHaveLength(2);
  });
});
