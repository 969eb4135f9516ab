import { describe, expect, it } from 'vitest';
import { policyAbout, policyAboutSchema } from '../../../core/policy/about.ts';
import { resolvePolicy } from '../../../core/policy/resolve.ts';

describe('About screen policy view', () => {
  it('lists every setting with its effective value and source, and every ignored value', () => {
    const effective = resolvePolicy([
      { source: 'hklm', location: 'HKLM\\SOFTWARE\\Policies\\Firstline', values: { autostart: 0, defaultLanguage: 'xx' } },
      { source: 'file', location: '/etc/firstline/policy.json', values: { defaultLanguage: 'fr', helpdesk: { connector: { type: 'mailto', to: 'it@example.com' } } } },
    ]);
    const about = policyAboutSchema.parse(policyAbout(effective));
    const row = (key: string) => about.settings.find((s) => s.key === key);

    expect(row('autostart')).toEqual({ key: 'autostart', value: 'false', source: 'hklm', location: 'HKLM\\SOFTWARE\\Policies\\Firstline' });
    expect(row('defaultLanguage')).toEqual({ key: 'defaultLanguage', value: '"fr"', source: 'file', location: '/etc/firstline/policy.json' });
    expect(row('outageFeedUrl')).toEqual({ key: 'outageFeedUrl', value: '', source: 'default' });
    expect(row('helpdesk')?.value).toMatch(/^\{"connector":\{"type":"mailto","to":"it@example.com"\}/);
    expect(row('helpdesk')?.source).toBe('file');
    expect(about.issues).toEqual([{ key: 'defaultLanguage', source: 'hklm', message: expect.stringContaining('Invalid option') }]);
  });

  it('cuts very long values so the screen stays readable', () => {
    const effective = resolvePolicy([{ source: 'file', location: 'p', values: { urlAllowlist: Array.from({ length: 100 }, (_, i) => `host${i}.example.com`) } }]);
    const value = policyAbout(effective).settings.find((s) => s.key === 'urlAllowlist')?.value ?? '';
    expect(value).toHaveLength(300);
    expect(value.endsWith('…')).toBe(true);
  });
});
