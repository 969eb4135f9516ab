/** `firstline policy check` logic: the app's resolver plus what an admin must hear before a rollout. */
import { describe, expect, it } from 'vitest';
import { loadVisibleCatalog } from '../../../app/catalog.ts';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { createLogger } from '../../../core/log.ts';
import { checkPolicy } from '../../../core/policy/check.ts';
import { parsePlistXml, settingsFromProfile } from '../../../core/policy/files/plist-xml.ts';
import { parseRegFile, policyToReg } from '../../../core/policy/files/reg-file.ts';
import { resolvePolicy } from '../../../core/policy/resolve.ts';
import { policySchema } from '../../../core/policy/schema.ts';
import { examplePolicy } from '../../../core/policy/templates/example.ts';
import { generateMobileconfig } from '../../../core/policy/templates/mobileconfig.ts';
import { defaultCatalogDir } from '../../../cli/registry.ts';

const ids = new Set(['network', 'printer-queue', 'teams-cache', 'password-reset']);
const check = (values: Record<string, unknown>) => checkPolicy(resolvePolicy([{ source: 'file', location: 'p.json', values }]), ids);

describe('policy check', () => {
  it('passes the shipped example with every key from the file', () => {
    const result = check(examplePolicy as Record<string, unknown>);
    expect(result.findings).toEqual([]);
    expect(result.rows.find((r) => r.key === 'tileOrder')).toEqual({ key: 'tileOrder', value: ['network', 'printer-queue', 'password-reset'], source: 'file', location: 'p.json' });
    expect(result.rows.find((r) => r.key === 'enabledTroubleshooters')?.source).toBe('default');
  });

  it('makes an unknown key an error with the key it probably meant', () => {
    const result = check({ tileOrdr: ['network'] });
    expect(result.errors).toBe(1);
    expect(result.findings[0]).toMatchObject({ severity: 'error', key: 'tileOrdr' });
    expect(result.findings[0]?.message).toContain('Did you mean "tileOrder"?');
  });

  it('warns about a disabled id that is in no catalog, naming the near id, and that it is still offered', () => {
    const result = check({ disabledTroubleshooters: ['teams.clear-cache'] });
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(1);
    expect(result.findings[0]?.message).toMatch(/"teams\.clear-cache" is not a troubleshooter.*Did you mean "teams-cache"\?.*still offered/);
  });

  it('names a connector type typo and says the whole helpdesk setting is lost', () => {
    const result = check({ helpdesk: { connector: { type: 'topdsk', baseUrl: 'https://h.example.com', credentialSecret: 't' }, fallbackEmail: 'it@example.com' } });
    expect(result.rows.find((r) => r.key === 'helpdesk')?.value).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: 'error', key: 'helpdesk.connector.type' });
    expect(result.findings[0]?.message).toMatch(/Did you mean "topdesk"\?.*cannot send a ticket/);
  });

  it('warns about a connector field the connector does not have (silently dropped by the app)', () => {
    const result = check({ helpdesk: { connector: { type: 'topdesk', baseUrl: 'https://h.example.com', credentialSecret: 't', callerEmial: 'a@b.c' } } });
    expect(result.errors).toBe(0);
    expect(result.findings).toEqual([expect.objectContaining({ severity: 'warning', key: 'helpdesk.connector.callerEmial' })]);
    expect(result.findings[0]?.message).toContain('"callerEmail"');
  });

  it('keeps the validation message when a known connector misses a field', () => {
    const result = check({ helpdesk: { connector: { type: 'zammad', baseUrl: 'https://h.example.com' } } });
    expect(result.findings).toEqual([expect.objectContaining({ severity: 'error', key: 'helpdesk' })]);
    expect(result.findings[0]?.message).toMatch(/tokenSecret.*cannot send a ticket/);
  });

  it('makes an enabled list without one known id an error (nothing would be offered)', () => {
    expect(check({ enabledTroubleshooters: ['wifi.reconnect'] }).errors).toBe(1);
    expect(check({ enabledTroubleshooters: ['network', 'wifi.reconnect'] }).errors).toBe(0);
  });
});

describe('policy documents', () => {
  it('a .reg export reads back as the same policy', () => {
    const reg = policyToReg(examplePolicy as Record<string, unknown>);
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    const back = resolvePolicy([{ source: 'hklm', location: 'x.reg', values: parseRegFile(reg) }]);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(policySchema.parse(examplePolicy));
  });

  it('a .reg list is deleted before it is written, so removed items do not survive a re-import', () => {
    const reg = policyToReg({ urlAllowlist: ['a.example.com'] });
    expect(reg.indexOf('[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Firstline\\urlAllowlist]')).toBeLessThan(reg.indexOf('"1"="a.example.com"'));
  });

  it('a .reg file with quotes and backslashes in values reads back exactly', () => {
    const values = { catalogSources: ['\\\\server\\share\\cat'], support: { name: 'The "IT" desk' } };
    expect(parseRegFile(policyToReg(values))).toEqual({ catalogSources: { '1': '\\\\server\\share\\cat' }, support: { name: 'The "IT" desk' } });
  });

  it('a .mobileconfig reads back as the same policy, with fresh UUIDs when asked', () => {
    let n = 0;
    const xml = generateMobileconfig(examplePolicy as Record<string, unknown>, { uuid: () => `UUID-${++n}` });
    expect(xml).toContain('<string>UUID-1</string>');
    expect(xml).toContain('<string>UUID-2</string>');
    const settings = settingsFromProfile(parsePlistXml(xml), 'com.firstline.app');
    const back = resolvePolicy([{ source: 'mac-machine', location: 'x', values: settings }]);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(policySchema.parse(examplePolicy));
  });

  it('a profile without a Firstline payload is refused with a plain message', () => {
    const xml = '<?xml version="1.0"?><plist version="1.0"><dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.wifi</string></dict></array></dict></plist>';
    expect(() => settingsFromProfile(parsePlistXml(xml), 'com.firstline.app')).toThrow('no payload for com.firstline.app');
    expect(() => parsePlistXml('<plist><dict><key>a</key><integer>x</integer></dict></plist>')).toThrow('not a number');
  });
});

describe('the app and unknown policy ids', () => {
  it('logs and reports a disabled id that matches no troubleshooter', async () => {
    const lines: string[] = [];
    const log = createLogger({ redact: (s) => s, echo: (l) => lines.push(l) });
    const catalog = await loadVisibleCatalog({
      builtinDir: defaultCatalogDir,
      orgDirs: [],
      registry: fullActionRegistry(),
      platform: 'linux',
      log,
      policy: { disabledTroubleshooters: ['teams.clear-cache', 'network'] },
    });
    expect(catalog.unknownPolicyIds).toEqual([{ key: 'disabledTroubleshooters', id: 'teams.clear-cache' }]);
    expect(catalog.has('network')).toBe(false);
    expect(lines.some((l) => l.includes('troubleshooter id is in no catalog') && l.includes('teams.clear-cache'))).toBe(true);
  });
});
