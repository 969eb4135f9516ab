// @vitest-environment jsdom
/**
 * The admin templates reach the broker: what the ADMX list box writes to HKLM and what the
 * .mobileconfig puts in the machine's managed preferences are read by the broker's own policy
 * reader (broker/policy.ts) as the operations the admin chose, every operation is named in every
 * language, and the broker keys are computer-only in Group Policy.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opNames } from '../../../broker/op-argv.ts';
import { brokerPolicyFrom, parseRegValues } from '../../../broker/policy.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (rel: string) => readFile(path.join(root, rel), 'utf8');

describe('broker policy in the admin templates', () => {
  it('Group Policy offers the broker keys under Computer Configuration only, the operations as a list', async () => {
    const admx = await read('build/policy/windows/firstline.admx');
    for (const key of ['brokerEnabled', 'brokerOperations']) expect(admx).toMatch(new RegExp(`<policy name="${key}" class="Machine"`));
    expect(admx).toContain('<list id="brokerOperations" key="Software\\Policies\\Firstline\\brokerOperations" valuePrefix="" />');
  });

  it('what that list box writes to HKLM is what the broker reads', () => {
    // `reg query HKLM\SOFTWARE\Policies\Firstline /s` after an admin picked two operations in the GPO editor.
    const output = [
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Firstline',
      '    brokerEnabled    REG_DWORD    0x1',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Firstline\\brokerOperations',
      '    1    REG_SZ    printer.resume',
      '    2    REG_SZ    printer.restart-spooler',
      '',
    ].join('\r\n');
    expect(brokerPolicyFrom(parseRegValues(output), 'HKLM')).toEqual({ enabled: true, operations: ['printer.resume', 'printer.restart-spooler'], source: 'HKLM' });
  });

  it('names every operation, the Windows ones included, in every language', async () => {
    for (const culture of ['en-US', 'nl-NL', 'fr-FR', 'de-DE']) {
      const adml = await read(`build/policy/windows/${culture}/firstline.adml`);
      const explain = /<string id="brokerOperations_Explain">([^<]*)<\/string>/.exec(adml)?.[1] ?? '';
      for (const op of opNames) expect(explain, `${culture} ${op}`).toContain(op);
    }
  });

  it('the example device profile and policy.json carry both keys, and the broker reads them as set', async () => {
    const xml = await read('build/policy/macos/com.firstline.app.mobileconfig');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const payload = [...doc.querySelectorAll('dict')].find((d) => [...d.children].some((c) => c.tagName === 'key' && c.textContent === 'brokerOperations'));
    const children = [...(payload?.children ?? [])];
    const value = (key: string) => children[children.findIndex((c) => c.tagName === 'key' && c.textContent === key) + 1];
    const values = {
      brokerEnabled: value('brokerEnabled')?.tagName === 'true',
      brokerOperations: [...(value('brokerOperations')?.children ?? [])].map((c) => c.textContent),
    };
    expect(brokerPolicyFrom(values, 'profile')).toEqual({ enabled: true, operations: [...opNames], source: 'profile' });
    expect(xml).toContain('<string>System</string>');
    const json = JSON.parse(await read('build/policy/linux/policy.json')) as Record<string, unknown>;
    expect(brokerPolicyFrom(json, 'policy.json')).toMatchObject({ enabled: true, operations: [...opNames] });
  });
});
