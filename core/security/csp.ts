/**
 * The Content-Security-Policy sent as a response header for every renderer document, by the
 * Electron protocol handler and by the browser host. No inline scripts, no eval, no remote
 * content; IPC is the only way out. `connectSrc` is widened only by the browser host (its own
 * loopback origin) because that transport is HTTP.
 */
export function contentSecurityPolicy(options: { connectSrc?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
