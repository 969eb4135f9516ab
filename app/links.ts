/**
 * Opening the links Firstline shows, without the renderer ever sending a URL: it names a
 * ticket (`ticket:open-mail`) or a run's info step (`run:open-link`), and the app looks up the
 * URL that core produced. The same checks as everywhere apply before the host's opener runs:
 * https links go through the allowlist, mailto links through the mail-link check.
 */
import type { RunEvent } from '../core/engine/events.ts';
import { checkExternalUrl } from '../core/security/external-url.ts';
import { checkMailtoUrl } from '../core/security/mailto-url.ts';
import { checkContactUrl, supportMailtoUrl, telUrl } from '../core/security/contact-url.ts';
import { IpcFailure, type DispatchLog } from './dispatcher.ts';

export type SupportLinks = { phone?: string | undefined; email?: string | undefined; url?: string | undefined; callUrl?: string | undefined };
export type SupportVia = 'phone' | 'email' | 'web' | 'call';

/** Opening what leaves the app (a step's link, a ticket's mail, the support contact), each checked against its allowlist first. */
export type LinkOpeners = {
  openRunLink(runId: string, stepId: string): Promise<{ opened: boolean }>;
  openMail(clientId: string): Promise<{ opened: boolean }>;
  openSupport(via: SupportVia): Promise<{ opened: boolean }>;
};

export function createLinkOpeners(deps: {
  /** A run's events: the one in progress, else a recently finished one. */
  transcript(runId: string): readonly RunEvent[] | undefined;
  /** The mailto URL core built for a ticket sent that way. */
  mailtoUrl(clientId: string): string | undefined;
  allowlist: readonly string[];
  openUrl(url: string, allowlist: readonly string[]): Promise<boolean>;
  /** Absent where the host has no mail program to hand links to. */
  openMail?: ((url: string) => Promise<boolean>) | undefined;
  /** The support contact from policy, for `support:open`. */
  support?: SupportLinks | undefined;
  /** Hands a tel: or plain mailto: link to the OS (phone app, mail program); absent where there is none. */
  openContact?: ((url: string) => Promise<boolean>) | undefined;
  log: DispatchLog;
}): LinkOpeners {
  const attempt = (open: () => Promise<boolean>) => open().catch(() => false);
  return {
    async openRunLink(runId: string, stepId: string): Promise<{ opened: boolean }> {
      const events = deps.transcript(runId);
      if (!events) throw new IpcFailure('not-found', { runId });
      const info = events.findLast((e) => e.type === 'info' && e.stepId === stepId && e.link !== undefined);
      const link = info?.type === 'info' ? info.link : undefined;
      if (link === undefined) throw new IpcFailure('not-found', { runId, stepId });
      const decision = checkExternalUrl(link, deps.allowlist);
      if (!decision.allowed) {
        deps.log.warn('links: an info link outside the allowlist was not opened', { stepId, reason: decision.reason });
        return { opened: false };
      }
      return { opened: await attempt(() => deps.openUrl(decision.url, deps.allowlist)) };
    },

    async openMail(clientId: string): Promise<{ opened: boolean }> {
      const url = deps.mailtoUrl(clientId);
      if (url === undefined) throw new IpcFailure('not-found', { clientId });
      const decision = checkMailtoUrl(url);
      if (!decision.allowed) {
        deps.log.warn('links: a ticket mail link was not opened', { reason: decision.reason });
        return { opened: false };
      }
      const { openMail } = deps;
      return { opened: openMail ? await attempt(() => openMail(decision.url)) : false };
    },

    /**
     * "Call IT", "Email IT", the support page or the call-back page: the renderer names which,
     * the URL comes from policy only. A kind the policy does not set is `not-found`.
     */
    async openSupport(via: SupportVia): Promise<{ opened: boolean }> {
      const support = deps.support ?? {};
      if (via === 'web' || via === 'call') {
        const url = via === 'web' ? support.url : support.callUrl;
        if (url === undefined) throw new IpcFailure('not-found', { via });
        const decision = checkExternalUrl(url, deps.allowlist);
        if (!decision.allowed) return { opened: false };
        return { opened: await attempt(() => deps.openUrl(decision.url, deps.allowlist)) };
      }
      const raw = via === 'phone' ? support.phone : support.email;
      if (raw === undefined) throw new IpcFailure('not-found', { via });
      const url = via === 'phone' ? telUrl(raw) : supportMailtoUrl(raw);
      const decision = url === null ? null : checkContactUrl(url);
      if (!decision?.allowed) {
        deps.log.warn('links: a support contact link was not opened', { via });
        return { opened: false };
      }
      const { openContact } = deps;
      return { opened: openContact ? await attempt(() => openContact(decision.url)) : false };
    },
  };
}
