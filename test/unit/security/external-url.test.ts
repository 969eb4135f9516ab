import { describe, expect, it } from 'vitest';
import { blockedSchemes, checkExternalUrl } from '../../../core/security/external-url.ts';

const allow = ['passwordreset.microsoftonline.com', '*.example.org'];

describe('external URL allowlist', () => {
  it('opens an https URL whose host is allowlisted', () => {
    expect(checkExternalUrl('https://passwordreset.microsoftonline.com/?ru=x', allow)).toEqual({
      allowed: true,
      url: 'https://passwordreset.microsoftonline.com/?ru=x',
    });
  });

  it('allows subdomains only for wildcard entries, never the bare suffix trick', () => {
    expect(checkExternalUrl('https://help.example.org/a', allow).allowed).toBe(true);
    expect(checkExternalUrl('https://example.org/a', allow).allowed).toBe(false);
    expect(checkExternalUrl('https://evilexample.org/a', allow).allowed).toBe(false);
    expect(checkExternalUrl('https://passwordreset.microsoftonline.com.evil.test/', allow).allowed).toBe(false);
  });

  it.each([
    ['file:///C:/Windows/System32/calc.exe', 'blocked-scheme'],
    ['javascript:alert(1)', 'blocked-scheme'],
    ['data:text/html,<script>alert(1)</script>', 'blocked-scheme'],
    ['vbscript:msgbox', 'blocked-scheme'],
    ['ms-msdt:/id PCWDiagnostic', 'blocked-scheme'],
    ['search-ms:query=x&crumb=location:\\\\evil\\share', 'blocked-scheme'],
    ['ms-appinstaller:?source=https://evil.test/x.appx', 'blocked-scheme'],
    ['http://passwordreset.microsoftonline.com/', 'not-https'],
    ['https://user:pw@passwordreset.microsoftonline.com/', 'credentials'],
    ['https://other.test/', 'host-not-allowed'],
    ['not a url', 'malformed'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(checkExternalUrl(url, allow)).toEqual({ allowed: false, reason });
  });

  it('blocks the dangerous schemes even if an allowlist entry matched their host', () => {
    for (const scheme of ['file:', 'javascript:', 'data:', 'vbscript:', 'ms-msdt:', 'search-ms:', 'ms-appinstaller:']) {
      expect(blockedSchemes).toContain(scheme);
    }
    expect(checkExternalUrl('FILE://passwordreset.microsoftonline.com/x', allow).allowed).toBe(false);
  });
});
