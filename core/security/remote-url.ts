/**
 * Which remote endpoints Firstline may talk to (helpdesks, catalogs, feeds, collectors):
 * https anywhere; plain http only to loopback, so tests and local development need no TLS and
 * credentials or tickets never cross a network unencrypted.
 */
export const loopbackHosts: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host.toLowerCase());
}

export function isAllowedRemoteUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
