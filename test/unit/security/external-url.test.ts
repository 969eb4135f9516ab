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

  // Pinned by mutation testing (npm run test:mutation -- url-allowlist): each case below fails if
  // one operator or literal of checkExternalUrl is changed.
  it.each([
    ['search:query=invoice', 'search:'],
    ['ms-officecmd:{"id":3}', 'ms-officecmd:'],
    ['ms-word:ofe|u|https://evil.test/x.docx', 'ms-word:'],
    ['ms-excel:ofv|u|https://evil.test/x.xlsx', 'ms-excel:'],
    ['smb://evil.test/share', 'smb:'],
    ['ftp://evil.test/payload', 'ftp:'],
    ['blob:https://passwordreset.microsoftonline.com/0b6e', 'blob:'],
  ])('refuses %s as a blocked scheme, not merely as not https', (url, scheme) => {
    expect(blockedSchemes).toContain(scheme);
    expect(checkExternalUrl(url, allow)).toEqual({ allowed: false, reason: 'blocked-scheme' });
  });

  it('refuses a user name alone and a password alone, not only both', () => {
    expect(checkExternalUrl('https://user@passwordreset.microsoftonline.com/', allow)).toEqual({ allowed: false, reason: 'credentials' });
    expect(checkExternalUrl('https://:secret@passwordreset.microsoftonline.com/', allow)).toEqual({ allowed: false, reason: 'credentials' });
  });

  it('an exact entry allows only that host: no look-alike suffix, no subdomain', () => {
    const exact = ['contoso.com'];
    expect(checkExternalUrl('https://contoso.com/help', exact).allowed).toBe(true);
    expect(checkExternalUrl('https://evilcontoso.com/help', exact).allowed).toBe(false);
    expect(checkExternalUrl('https://sub.contoso.com/help', exact).allowed).toBe(false);
  });

  it('a wildcard entry needs a real label before its suffix, and one letter is enough', () => {
    expect(checkExternalUrl('https://.example.org/', allow)).toEqual({ allowed: false, reason: 'host-not-allowed' });
    expect(checkExternalUrl('https://a.example.org/', allow).allowed).toBe(true);
  });

  it('tolerates spaces and capitals in what people paste and in allowlist entries', () => {
    expect(checkExternalUrl('\u00a0 https://passwordreset.microsoftonline.com/ \u00a0', allow).allowed).toBe(true);
    expect(checkExternalUrl('https://help.contoso.com/', ['  Help.Contoso.COM  ']).allowed).toBe(true);
    expect(checkExternalUrl('https://kb.contoso.com/', ['  *.Contoso.COM ']).allowed).toBe(true);
  });
});
