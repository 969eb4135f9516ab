/**
 * Which URLs may leave the app for the system browser. Decided here (pure, tested) and applied
 * by the shell's `shell.openExternal` wrapper and the browser host alike.
 */

/** Schemes that must never be handed to the OS, whatever the allowlist says (Mattermost's list, extended). */
export const blockedSchemes: readonly string[] = [
  'file:',
  'javascript:',
  'data:',
  'vbscript:',
  'ms-msdt:',
  'search-ms:',
  'search:',
  'ms-appinstaller:',
  'ms-officecmd:',
  'ms-word:',
  'ms-excel:',
  'smb:',
  'ftp:',
  'blob:',
];

export type UrlDecision = { allowed: true; url: string } | { allowed: false; reason: 'malformed' | 'blocked-scheme' | 'not-https' | 'credentials' | 'host-not-allowed' };

/**
 * Allows only `https:` URLs without embedded credentials whose host equals an allowlisted host
 * or is a subdomain of an entry written as `*.example.com`.
 */
export function checkExternalUrl(raw: string, allowlist: readonly string[]): UrlDecision {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { allowed: false, reason: 'malformed' };
  }
  const scheme = url.protocol.toLowerCase();
  if (blockedSchemes.includes(scheme)) return { allowed: false, reason: 'blocked-scheme' };
  if (scheme !== 'https:') return { allowed: false, reason: 'not-https' };
  if (url.username || url.password) return { allowed: false, reason: 'credentials' };
  const host = url.hostname.toLowerCase();
  const ok = allowlist.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e.startsWith('*.')) return host.endsWith(e.slice(1)) && host.length > e.length - 1;
    return host === e;
  });
  return ok ? { allowed: true, url: url.toString() } : { allowed: false, reason: 'host-not-allowed' };
}
