import { describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../../core/engine/events.ts';
import { IpcFailure } from '../../../app/dispatcher.ts';
import { createLinkOpeners } from '../../../app/links.ts';

const at = '2026-11-24T20:00:00.000Z';
const runId = 'run-abcdef';
const info = (stepId: string, link?: string): RunEvent => ({ type: 'info', runId, seq: 1, at, stepId, text: 'See the intranet.', ...(link ? { link } : {}) });

function setup(events: RunEvent[], mailtos: Record<string, string> = {}, openMail: ((url: string) => Promise<boolean>) | null = async () => true) {
  const openUrl = vi.fn(async () => true);
  const mail = openMail ? vi.fn(openMail) : undefined;
  const log = { warn: vi.fn(), error: vi.fn() };
  const links = createLinkOpeners({
    transcript: (id) => (id === runId ? events : undefined),
    mailtoUrl: (clientId) => mailtos[clientId],
    allowlist: ['intranet.example.com', '*.example.org'],
    openUrl,
    openMail: mail,
    log,
  });
  return { links, openUrl, openMail: mail, log };
}

const notFound = expect.objectContaining({ code: 'not-found' }) as unknown;

describe('opening an info step link by run and step id', () => {
  it('opens the link the run showed when the allowlist admits its host', async () => {
    const { links, openUrl } = setup([info('tip', 'https://intranet.example.com/teams-tips')]);
    await expect(links.openRunLink(runId, 'tip')).resolves.toEqual({ opened: true });
    expect(openUrl).toHaveBeenCalledWith('https://intranet.example.com/teams-tips', ['intranet.example.com', '*.example.org']);
  });

  it.each([
    ['a host outside the allowlist', 'https://evil.test/phish'],
    ['a look-alike host', 'https://intranet.example.com.evil.test/'],
    ['plain http', 'http://intranet.example.com/'],
    ['embedded credentials', 'https://user:pw@intranet.example.com/'],
    ['a script URL', 'javascript:alert(1)'],
    ['a Windows protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['a local file', 'file:///etc/passwd'],
  ])('never hands %s to the opener', async (_name, link) => {
    const { links, openUrl, log } = setup([info('tip', link)]);
    await expect(links.openRunLink(runId, 'tip')).resolves.toEqual({ opened: false });
    expect(openUrl).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledOnce();
  });

  it('answers not-found for an unknown run, an unknown step and a step without a link', async () => {
    const { links, openUrl } = setup([info('plain'), info('tip', 'https://intranet.example.com/')]);
    await expect(links.openRunLink('run-unknown', 'tip')).rejects.toEqual(notFound);
    await expect(links.openRunLink(runId, 'nope')).rejects.toBeInstanceOf(IpcFailure);
    await expect(links.openRunLink(runId, 'plain')).rejects.toEqual(notFound);
    expect(openUrl).not.toHaveBeenCalled();
  });

  it('reports not opened when the host opener fails', async () => {
    const { links, openUrl } = setup([info('tip', 'https://a.example.org/')]);
    openUrl.mockRejectedValueOnce(new Error('no browser'));
    await expect(links.openRunLink(runId, 'tip')).resolves.toEqual({ opened: false });
  });
});

describe('opening the mail link of a ticket by client id', () => {
  const clientId = 'c0ffee00-1111-4222-8333-444455556666';
  const url = 'mailto:servicedesk@example.com?subject=Printer&body=Still%20stuck%0D%0ARef';

  it('hands the link core built for that ticket to the mail program', async () => {
    const { links, openMail, openUrl } = setup([], { [clientId]: url });
    await expect(links.openMail(clientId)).resolves.toEqual({ opened: true });
    expect(openMail).toHaveBeenCalledWith(url);
    expect(openUrl).not.toHaveBeenCalled();
  });

  it('answers not-found for a ticket it did not send by mail', async () => {
    const { links, openMail } = setup([], { [clientId]: url });
    await expect(links.openMail('ffffffff-0000-4000-8000-000000000000')).rejects.toEqual(notFound);
    expect(openMail).not.toHaveBeenCalled();
  });

  it('never hands over a link that is not a single-line mailto', async () => {
    for (const bad of ['https://evil.test/', 'mailto:it@example.com?subject=x%0D%0ABcc:spy@evil.test', 'mailto:it@example.com\r\nBcc:spy@evil.test']) {
      const { links, openMail } = setup([], { [clientId]: bad });
      await expect(links.openMail(clientId)).resolves.toEqual({ opened: false });
      expect(openMail).not.toHaveBeenCalled();
    }
  });

  it('reports not opened where the host has no mail program to hand it to', async () => {
    const { links } = setup([], { [clientId]: url }, null);
    await expect(links.openMail(clientId)).resolves.toEqual({ opened: false });
  });
});

describe('opening the support contact from policy by kind', () => {
  const support = { phone: '+32 2 555 01 23', email: 'servicedesk@example.com', url: 'https://intranet.example.com/it', callUrl: 'https://intranet.example.com/call' };
  function withSupport(policy: Record<string, string>, openContact: ((url: string) => Promise<boolean>) | null = async () => true) {
    const openUrl = vi.fn(async (_url: string, _allowlist: readonly string[]) => true);
    const contact = openContact ? vi.fn(openContact) : undefined;
    const links = createLinkOpeners({
      transcript: () => undefined,
      mailtoUrl: () => undefined,
      allowlist: ['intranet.example.com'],
      openUrl,
      openContact: contact,
      support: policy,
      log: { warn: vi.fn(), error: vi.fn() },
    });
    return { links, openUrl, openContact: contact };
  }

  it('dials the phone number and writes to the address through the contact opener', async () => {
    const { links, openContact, openUrl } = withSupport(support);
    await expect(links.openSupport('phone')).resolves.toEqual({ opened: true });
    await expect(links.openSupport('email')).resolves.toEqual({ opened: true });
    expect(openContact?.mock.calls).toEqual([['tel:+3225550123'], ['mailto:servicedesk@example.com']]);
    expect(openUrl).not.toHaveBeenCalled();
  });

  it('opens the support and call-back pages through the allowlist', async () => {
    const { links, openUrl } = withSupport(support);
    await expect(links.openSupport('call')).resolves.toEqual({ opened: true });
    await expect(links.openSupport('web')).resolves.toEqual({ opened: true });
    expect(openUrl.mock.calls.map((c) => c[0])).toEqual(['https://intranet.example.com/call', 'https://intranet.example.com/it']);
  });

  it('opens nothing for a page outside the allowlist or a number that is not one', async () => {
    const { links, openUrl, openContact } = withSupport({ callUrl: 'https://elsewhere.test/call', phone: 'ask Anna' });
    await expect(links.openSupport('call')).resolves.toEqual({ opened: false });
    await expect(links.openSupport('phone')).resolves.toEqual({ opened: false });
    expect(openUrl).not.toHaveBeenCalled();
    expect(openContact).not.toHaveBeenCalled();
  });

  it('answers not-found for a kind the policy does not set, and opened: false without an opener', async () => {
    await expect(withSupport({}).links.openSupport('phone')).rejects.toBeInstanceOf(IpcFailure);
    await expect(withSupport({}).links.openSupport('call')).rejects.toBeInstanceOf(IpcFailure);
    await expect(withSupport(support, null).links.openSupport('email')).resolves.toEqual({ opened: false });
  });
});
