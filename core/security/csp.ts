/**
 * The Content-Security-Policy of every renderer document, from this one module: sent as a response
 * header by the Electron protocol handler and by the browser host, and written as a `<meta>` into
 * renderer/index.html (auditors such as electronegativity look for it there; the Vite build and a
 * unit test refuse an index.html whose meta differs). No inline scripts, no eval, no remote
 * content; IPC is the only way out. `connectSrc` is widened only by the browser host (its own
 * loopback origin) because that transport is HTTP.
 */
const directives = (connectSrc: readonly string[]) => [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src ${["'self'", ...connectSrc].join(' ')}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

export function contentSecurityPolicy(options: { connectSrc?: readonly string[] } = {}): string {
  return directives(options.connectSrc ?? []).join('; ');
}

/**
 * The same policy for the `<meta http-equiv>` in index.html. Browsers ignore `frame-ancestors` in a
 * meta element (and log an error for it), so only that directive is left out; the header keeps it.
 */
export function contentSecurityPolicyMeta(): string {
  return directives([])
    .filter((d) => !d.startsWith('frame-ancestors '))
    .join('; ');
}

/** The `content` of every CSP `<meta http-equiv>` in an HTML document (index.html must have exactly one, equal to the above). */
export function cspMetaContents(html: string): string[] {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)].map((m) => m[1] ?? '');
}

/** Why `html` does not carry exactly the policy's meta, or undefined when it does. */
export function cspMetaProblem(html: string): string | undefined {
  const found = cspMetaContents(html);
  if (found.length === 1 && found[0] === contentSecurityPolicyMeta()) return undefined;
  return `expected one <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyMeta()}"> (core/security/csp.ts), found ${found.length === 0 ? 'none' : found.map((f) => JSON.stringify(f)).join(', ')}`;
}
