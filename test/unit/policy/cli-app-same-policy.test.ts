/** The CLI's --policy and the app's policy file resolve a document identically (issue #12 item 10). */
import { describe, expect, it } from 'vitest';
import { loadPolicy, policyFileEnv } from '../../../core/policy/load.ts';
import { policyFromDocument } from '../../../core/policy/document.ts';

const exec = { exec: () => Promise.reject(new Error('no commands on Linux policy reads')) };

async function appPolicy(doc: Record<string, unknown>) {
  const text = JSON.stringify(doc);
  return loadPolicy({ platform: 'linux', exec, env: { [policyFileEnv]: '/policy.json' }, fileExists: () => true, readTextFile: () => text });
}

describe('one policy loader for the CLI and the app', () => {
  it('refuses an http:// passwordResetUrl in both, so both offer the same page', async () => {
    const doc = { passwordResetUrl: 'http://reset.contoso.test/' };
    const app = await appPolicy(doc);
    const cli = policyFromDocument(doc, '/policy.json');
    expect(cli.values).toEqual(app.values);
    expect(cli.values.passwordResetUrl).toBeUndefined();
    expect(cli.issues.map((i) => i.key)).toContain('passwordResetUrl');
    expect(app.issues.map((i) => i.key)).toContain('passwordResetUrl');
  });

  it('keeps a valid https passwordResetUrl and networkProbes the same way in both', async () => {
    const doc = { passwordResetUrl: 'https://reset.contoso.test/', networkProbes: { externalUrl: { url: 'http://127.0.0.1:9/' } } };
    const app = await appPolicy(doc);
    const cli = policyFromDocument(doc, '/policy.json');
    expect(cli.values).toEqual(app.values);
    expect(cli.values.passwordResetUrl).toBe('https://reset.contoso.test/');
  });
});
