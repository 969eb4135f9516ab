/** Which proxy a probe goes through, per OS read-out, and the diagnosis naming a broken proxy. */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../core/fixes/network/diagnose.ts';
import { parseInternetSettings, parseWinhttpProxy } from '../../../core/fixes/network/parse-windows.ts';
import { proxyFromEnv } from '../../../core/fixes/network/parse-linux.ts';
import { bypassed, proxyFor } from '../../../core/fixes/network/proxy.ts';
import type { ProbeResult } from '../../../core/fixes/network/probes.ts';

const u = (s: string) => new URL(s);

describe('proxy routes', () => {
  it('uses http_proxy for http and https_proxy for https, honouring no_proxy', () => {
    const env = proxyFromEnv({ http_proxy: 'http://127.0.0.1:3128', https_proxy: 'http://127.0.0.1:3129', no_proxy: 'intranet.corp.test,.local,127.0.0.2' });
    expect(proxyFor(u('http://www.example.test/x'), env)?.host).toBe('127.0.0.1:3128');
    expect(proxyFor(u('https://www.example.test/x'), env)?.host).toBe('127.0.0.1:3129');
    expect(proxyFor(u('http://intranet.corp.test/'), env)).toBeUndefined();
    expect(proxyFor(u('http://printer.local/'), env)).toBeUndefined();
    expect(proxyFor(u('http://127.0.0.2:8080/'), env)).toBeUndefined();
    // Loopback never goes through a proxy (as in browsers and Teams), even without no_proxy.
    expect(proxyFor(u('http://127.0.0.1:8080/'), proxyFromEnv({ http_proxy: 'http://127.0.0.1:3128' }))).toBeUndefined();
    expect(proxyFor(u('http://localhost/'), proxyFromEnv({ http_proxy: 'http://127.0.0.1:3128' }))).toBeUndefined();
    expect(proxyFor(u('http://x.test/'), proxyFromEnv({}))).toBeUndefined();
  });

  it('reads WinINET per-scheme entries, one entry for all, <local> and PAC (recorded reg query output)', () => {
    const reg = (server: string, extra = '') =>
      `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    ${server}\r\n    ProxyOverride    REG_SZ    *.corp.contoso.com;<local>\r\n${extra}`;
    const perScheme = parseInternetSettings(reg('http=proxy.contoso.com:8080;https=secure.contoso.com:8443'));
    expect(proxyFor(u('http://www.example.test/'), perScheme)?.host).toBe('proxy.contoso.com:8080');
    expect(proxyFor(u('https://www.example.test/'), perScheme)?.host).toBe('secure.contoso.com:8443');
    const single = parseInternetSettings(reg('proxy.contoso.com:8080'));
    expect(proxyFor(u('https://www.example.test/'), single)?.host).toBe('proxy.contoso.com:8080');
    expect(proxyFor(u('https://portal.corp.contoso.com/'), single)).toBeUndefined();
    expect(proxyFor(u('http://intranet/'), single)).toBeUndefined();
    // A PAC script alone is not evaluated: the probe goes direct (and the read-out lists it).
    const pac = parseInternetSettings('\r\n    AutoConfigURL    REG_SZ    http://wpad.contoso.com/wpad.dat\r\n');
    expect(pac.servers).toEqual(['pac:http://wpad.contoso.com/wpad.dat']);
    expect(proxyFor(u('https://www.example.test/'), pac)).toBeUndefined();
  });

  it('reads the WinHTTP bypass list (recorded netsh winhttp show proxy output)', () => {
    const text = '\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Proxy Server(s) :  proxy.contoso.com:8080\r\n    Bypass List     :  *.contoso.com;<local>\r\n';
    const state = parseWinhttpProxy(text);
    expect(state).toMatchObject({ configured: true, servers: ['proxy.contoso.com:8080'], bypass: ['*.contoso.com', '<local>'] });
    expect(proxyFor(u('http://files.contoso.com/'), state)).toBeUndefined();
    expect(parseWinhttpProxy('\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Direct access (no proxy server).\r\n').configured).toBe(false);
  });

  it('matches bypass entries by suffix, wildcard and port', () => {
    expect(bypassed(u('http://a.b.corp.test/'), ['corp.test'])).toBe(true);
    expect(bypassed(u('http://notcorp.test/'), ['corp.test'])).toBe(false);
    expect(bypassed(u('http://a.corp.test:8080/'), ['*.corp.test:8080'])).toBe(true);
    expect(bypassed(u('http://a.corp.test/'), ['*.corp.test:8080'])).toBe(false);
    expect(bypassed(u('http://anything.test/'), ['*'])).toBe(true);
  });
});

describe('diagnosis with a proxy', () => {
  const probe = (id: ProbeResult['id'], status: ProbeResult['status'], extra: Partial<ProbeResult> = {}): ProbeResult => ({ id, status, durationMs: 1, ...extra });
  const base = [probe('adapter', 'pass'), probe('wifi', 'not-available'), probe('ip', 'pass'), probe('gateway', 'pass'), probe('proxy', 'pass')];

  it('names proxy-blocking when the failure is at the proxy hop, with the proxy in the sentence', () => {
    const d = diagnose([...base, probe('dns', 'pass'), probe('internal', 'pass'), probe('external', 'fail', { via: '127.0.0.1:3128', proxyFault: true })], 'en', ['127.0.0.1:3128']);
    expect(d.problem).toBe('proxy-blocking');
    expect(d.finding).toContain('127.0.0.1:3128');
  });

  it('names proxy-blocking even when direct name lookups fail too (through a proxy, the proxy looks names up)', () => {
    const d = diagnose([...base, probe('dns', 'fail'), probe('internal', 'not-configured'), probe('external', 'fail', { via: 'p:1', proxyFault: true })], 'en', ['p:1']);
    expect(d.problem).toBe('proxy-blocking');
  });

  it('does not blame a working proxy for an internet that is down behind it', () => {
    const d = diagnose([...base, probe('dns', 'pass'), probe('internal', 'pass'), probe('external', 'fail', { via: 'p:1', detail: 'HTTP 502 via proxy p:1' })], 'en', []);
    expect(d.problem).toBe('internet-unreachable');
  });
});
