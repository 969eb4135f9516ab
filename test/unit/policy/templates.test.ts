// @vitest-environment jsdom
// (jsdom only for its XML parser: the templates must be well-formed XML.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { langs } from '../../../core/kernel/lang.ts';
import { loadPolicy } from '../../../core/policy/load.ts';
import { resolvePolicy } from '../../../core/policy/resolve.ts';
import { policyFields, policyKeys, policySchema } from '../../../core/policy/schema.ts';
import { withPolicyTable } from '../../../core/policy/templates/docs-table.ts';
import { examplePolicy } from '../../../core/policy/templates/example.ts';
import { generateAdminTemplates, templatesDir } from '../../../core/policy/templates/index.ts';
import { keyTexts } from '../../../core/policy/templates/texts.ts';
import { recordedExec } from './recorded-exec.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const generated = generateAdminTemplates();
const parseXml = (text: string) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

function filesOnDisk(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesOnDisk(dir, child) : [child];
  });
}

describe('admin templates', () => {
  it('are up to date with the policy schema (run `npx tsx scripts/gen-admin-templates.ts` after changing it)', () => {
    const dir = path.join(root, templatesDir);
    expect(filesOnDisk(dir).sort()).toEqual(Object.keys(generated).sort());
    for (const [rel, content] of Object.entries(generated)) {
      expect(readFileSync(path.join(dir, rel), 'utf8'), rel).toBe(content);
    }
  });

  it('the settings table in docs/admin.md is up to date with the schema', () => {
    const docs = readFileSync(path.join(root, 'docs/admin.md'), 'utf8');
    expect(docs).toBe(withPolicyTable(docs));
    for (const key of policyKeys) expect(docs).toContain(`| \`${key}\` |`);
  });

  it('describe every policy key, with real translations in every language', () => {
    for (const key of policyKeys) {
      expect(policyFields[key].description, key).toMatch(/\w{3,}/);
      const texts = keyTexts[key];
      for (const lang of langs) expect(texts.title[lang], `${key} ${lang}`).toMatch(/\S/);
      for (const lang of ['nl', 'fr', 'de'] as const) expect(texts.explain[lang], `${key} ${lang}`).not.toBe(policyFields[key].description);
      expect(new Set([texts.title.en, texts.title.nl, texts.title.fr]).size, key).toBeGreaterThan(1);
    }
  });

  it('ADMX and every ADML are well-formed and every string and presentation the ADMX uses exists', () => {
    const admxText = generated['windows/firstline.admx'] ?? '';
    parseXml(admxText);
    const strings = [...admxText.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]);
    const presentations = [...admxText.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]);
    for (const culture of ['en-US', 'nl-NL', 'fr-FR', 'de-DE']) {
      const adml = parseXml(generated[`windows/${culture}/firstline.adml`] ?? '');
      const ids = new Set([...adml.getElementsByTagName('string')].map((s) => s.getAttribute('id')));
      const presIds = new Set([...adml.getElementsByTagName('presentation')].map((s) => s.getAttribute('id')));
      for (const id of strings) expect(ids.has(id ?? ''), `${culture} string ${id}`).toBe(true);
      for (const id of presentations) expect(presIds.has(id ?? ''), `${culture} presentation ${id}`).toBe(true);
    }
  });

  it('the example policy.json is valid policy', () => {
    const json = JSON.parse(generated['linux/policy.json'] ?? '') as Record<string, unknown>;
    const policy = resolvePolicy([{ source: 'file', location: 'example', values: json }]);
    expect(policy.issues).toEqual([]);
    expect(policy.values).toEqual(policySchema.parse(examplePolicy));
  });

  it('what GPO writes from the ADMX is read back by the registry reader as the same policy', async () => {
    const admx = parseXml(generated['windows/firstline.admx'] ?? '');
    const example = examplePolicy as Record<string, unknown>;
    // Registry the way Group Policy writes it for each ADMX element: key → value name → [type, data].
    const registry = new Map<string, Map<string, [string, string]>>();
    const put = (key: string, name: string, type: string, data: string) => {
      const values = registry.get(key) ?? new Map<string, [string, string]>();
      values.set(name, [type, data]);
      registry.set(key, values);
    };
    for (const policy of admx.getElementsByTagName('policy')) {
      const name = policy.getAttribute('name') ?? '';
      const key = `HKEY_LOCAL_MACHINE\\${policy.getAttribute('key') ?? ''}`;
      const value = example[name];
      if (value === undefined) continue;
      if (policy.getAttribute('valueName')) put(key, name, 'REG_DWORD', value ? '0x1' : '0x0');
      for (const el of policy.getElementsByTagName('elements')[0]?.children ?? []) {
        const elKey = el.getAttribute('key') ? `HKEY_LOCAL_MACHINE\\${el.getAttribute('key') ?? ''}` : key;
        const valueName = el.getAttribute('valueName') ?? '';
        const field = el.getAttribute('id')?.split('_')[1];
        const v = field ? (value as Record<string, unknown>)[field] : value;
        if (v === undefined) continue;
        if (el.tagName === 'list') (v as string[]).forEach((item, i) => put(elKey, String(i + 1), 'REG_SZ', item));
        else if (el.tagName === 'boolean') put(elKey, valueName, 'REG_DWORD', v ? '0x1' : '0x0');
        else put(elKey, valueName, 'REG_SZ', typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
    const stdout = ['', ...[...registry].flatMap(([key, values]) => [key, ...[...values].map(([n, [t, d]]) => `    ${n}    ${t}    ${d}`), ''])].join('\r\n');
    const exec = recordedExec({
      'reg query HKLM\\SOFTWARE\\Policies\\Firstline /s': { stdout },
      'reg query HKCU\\SOFTWARE\\Policies\\Firstline /s': { exitCode: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' },
    });
    const policy = await loadPolicy({ platform: 'win32', exec, env: {} });
    expect(policy.issues).toEqual([]);
    expect(policy.values).toEqual(policySchema.parse(examplePolicy));
  });

  it('the example .mobileconfig carries the example policy in the app domain payload', () => {
    const doc = parseXml(generated['macos/com.firstline.app.mobileconfig'] ?? '');
    const toJson = (el: Element): unknown => {
      switch (el.tagName) {
        case 'dict': {
          const out: Record<string, unknown> = {};
          const kids = [...el.children];
          for (let i = 0; i < kids.length; i += 2) out[kids[i]?.textContent ?? ''] = toJson(kids[i + 1] as Element);
          return out;
        }
        case 'array':
          return [...el.children].map(toJson);
        case 'true':
          return true;
        case 'false':
          return false;
        case 'integer':
          return Number(el.textContent);
        default:
          return el.textContent;
      }
    };
    const profile = toJson(doc.documentElement.children[0] as Element) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent[0] ?? {};
    expect(payload.PayloadType).toBe('com.firstline.app');
    const policy = resolvePolicy([{ source: 'mac-machine', location: 'example', values: payload }]);
    expect(policy.issues).toEqual([]);
    expect(policy.values).toEqual(policySchema.parse(examplePolicy));
  });
});
