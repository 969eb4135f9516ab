/**
 * Applies the security decisions made in core/security to Electron: the app:// protocol with
 * its path check and CSP header, navigation and new-window denial, permission denial, and the
 * only `shell.openExternal` call in the app.
 */
import { readFile } from 'node:fs/promises';
import { app, net, protocol, session, shell, type WebContents } from 'electron';
import { checkExternalUrl } from '../core/security/external-url.ts';
import { checkContactUrl } from '../core/security/contact-url.ts';
import { checkMailtoUrl } from '../core/security/mailto-url.ts';
import { contentSecurityPolicy } from '../core/security/csp.ts';
import { contentTypeFor, resolveRendererFile } from '../core/security/renderer-path.ts';
import { appHost, appScheme, isAppUrl } from '../core/security/window-options.ts';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
}

export function serveRenderer(rendererRoot: string): void {
  void net; // the protocol answers from disk only; no network fetches are proxied.
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveRendererFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': contentSecurityPolicy(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The only way an https URL leaves the app. */
export function openExternalChecked(url: string, allowlist: readonly string[]): Promise<boolean> {
  const decision = checkExternalUrl(url, allowlist);
  if (!decision.allowed) return Promise.resolve(false);
  return openExternal(decision.url);
}

/** The only way a mail link leaves the app: the ticket fallback core built, checked again here. */
export function openMailChecked(url: string): Promise<boolean> {
  const decision = checkMailtoUrl(url);
  if (!decision.allowed) return Promise.resolve(false);
  return openExternal(decision.url);
}

/** The only way a support phone or mail link leaves the app: built from policy, checked again here. */
export function openContactChecked(url: string): Promise<boolean> {
  const decision = checkContactUrl(url);
  if (!decision.allowed) return Promise.resolve(false);
  return openExternal(decision.url);
}

function openExternal(url: string): Promise<boolean> {
  return shell.openExternal(url).then(
    () => true,
    () => false,
  );
}
