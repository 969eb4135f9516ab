import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expiryAction, resetUrlAction } from '../../../core/fixes/password/actions.ts';
import { entraResetUrl } from '../../../core/fixes/password/reset-url.ts';
import { daysUntil, parseChage, parseMacExpiry, parseNetUser, parseWindowsDate } from '../../../core/fixes/password/parse.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-24T10:00:00Z');

describe('password reset URL', () => {
  const url = (policy: Record<string, unknown>, fallback: 'entra' | 'none' = 'entra') => resetUrlAction.run({ fallback }, makeContext({ exec: fakeExec(), platform: 'win32', policy }));

  it("uses the organisation's URL from policy", async () => {
    expect(await url({ passwordResetUrl: 'https://sspr.contoso.com/reset' })).toMatchObject({ ok: true, source: 'policy', url: 'https://sspr.contoso.com/reset' });
  });

  it("falls back to Microsoft Entra's portal when policy is silent, unless the troubleshooter opts out", async () => {
    expect(await url({})).toMatchObject({ ok: true, source: 'default', url: entraResetUrl });
    expect(await url({}, 'none')).toMatchObject({ ok: false, configured: false, source: 'none' });
  });

  it('says "contact IT" instead of opening a broken or unsafe link', async () => {
    for (const bad of ['http://sspr.contoso.com', 'javascript:alert(1)', 'https://user:pw@sspr.contoso.com', '', 42]) {
      const result = await url({ passwordResetUrl: bad });
      expect(result).toMatchObject({ ok: false, source: 'none' });
      expect(result.url).toBeUndefined();
    }
    const nl = await resetUrlAction.run({ fallback: 'none' }, makeContext({ exec: fakeExec(), platform: 'linux', lang: 'nl' }));
    expect(nl.finding).toContain('Neem contact op met IT');
  });
});

describe('password expiry read-outs', () => {
  it('parses Windows dates in US and European layouts', () => {
    expect(parseWindowsDate('12/1/2026 9:14:02 AM')).toEqual(new Date(2026, 11, 1, 9, 14, 2));
    expect(parseWindowsDate('12/1/2026 12:05:00 PM')).toEqual(new Date(2026, 11, 1, 12, 5, 0));
    expect(parseWindowsDate('29.11.2026 09:14:02')).toEqual(new Date(2026, 10, 29, 9, 14, 2));
    expect(parseWindowsDate('29-11-2026 09:14')).toEqual(new Date(2026, 10, 29, 9, 14, 0));
    expect(parseWindowsDate('31/31/2026')).toBeUndefined();
  });

  it('reads "Password expires" from net user in English and German, and "Never"', () => {
    expect(parseNetUser(fixture('net-user-domain.txt'))).toEqual({ kind: 'date', at: new Date(2026, 11, 1, 9, 14, 2) });
    expect(parseNetUser(fixture('net-user-domain.de.txt'))).toEqual({ kind: 'date', at: new Date(2026, 10, 29, 9, 14, 2) });
    expect(parseNetUser(fixture('net-user-domain.never.txt'))).toEqual({ kind: 'never' });
  });

  it('reads chage -l and the macOS policy', () => {
    expect(parseChage(fixture('chage-l.never.txt'), now)).toEqual({ kind: 'never' });
    expect(parseChage(fixture('chage-l.expiring.txt'), now)).toEqual({ kind: 'date', at: new Date('2026-11-30T00:00:00Z') });
    expect(parseChage('Password expires\t: password must be changed\n', now)).toEqual({ kind: 'date', at: now });
    expect(parseMacExpiry(fixture('dscl-accountpolicydata.txt'), fixture('pwpolicy-getaccountpolicies.txt'))).toEqual({ kind: 'date', at: new Date('2026-11-30T01:00:00Z') });
  });

  it('asks the domain first on Windows, with the user name as one argument', async () => {
    const exec = fakeExec({ 'net user jdupont /domain': { stdout: fixture('net-user-domain.txt') } });
    const result = await expiryAction.run({}, makeContext({ exec, platform: 'win32', env: { USERNAME: 'jdupont' }, now: () => now, lang: 'fr' }));
    const days = daysUntil(new Date(2026, 11, 1, 9, 14, 2), now);
    expect(result).toMatchObject({ ok: true, available: true, expires: 'date', daysLeft: days, finding: `Votre mot de passe expire dans ${days} ${days === 1 ? 'jour' : 'jours'}.` });
    expect(exec.lines()).toEqual(['net user jdupont /domain']);
  });

  it('falls back to the local account when the machine is not in a domain', async () => {
    const exec = fakeExec({ 'net user jdupont /domain': { exitCode: 2, stderr: 'System error 1355 has occurred.' }, 'net user jdupont': { stdout: fixture('net-user-domain.never.txt') } });
    expect(await expiryAction.run({}, makeContext({ exec, platform: 'win32', env: { USERNAME: 'jdupont' }, now: () => now }))).toMatchObject({ expires: 'never', daysLeft: null });
  });

  it('reports an expired password on macOS and an unknown expiry where nothing can be read', async () => {
    const exec = fakeExec({ dscl: { stdout: fixture('dscl-accountpolicydata.txt') }, pwpolicy: { stdout: fixture('pwpolicy-getaccountpolicies.txt') } });
    const later = new Date('2026-12-05T00:00:00Z');
    expect(await expiryAction.run({}, makeContext({ exec, platform: 'darwin', env: { USER: 'jdupont' }, now: () => later }))).toMatchObject({
      ok: false,
      daysLeft: -4,
      finding: 'Your password has expired and must be changed.',
    });
    expect(exec.lines()).toEqual(['dscl . -read /Users/jdupont accountPolicyData', 'pwpolicy -u jdupont -getaccountpolicies']);
    const none = await expiryAction.run({}, makeContext({ exec: fakeExec(), platform: 'linux', env: { USER: '-x' } }));
    expect(none).toMatchObject({ ok: true, available: false, expires: 'unknown' });
  });
});
