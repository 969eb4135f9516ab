/** `firstline policy check|export` end to end, and the template generator's --help. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyCommand } from '../../../cli/commands/policy.ts';
import { captureIo, cli, repoRoot, runTsx } from './helpers.ts';

/** In-process: same code as `firstline policy …` without a tsx start per call. */
async function policy(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const c = captureIo();
  const code = await policyCommand(args, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'firstline-policy-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('firstline policy', { timeout: 120_000 }, () => {
  it('check prints each value with its source and exits 1 on a typo that drops the helpdesk', async () => {
    const file = path.join(work, 'typo.json');
    writeFileSync(
      file,
      JSON.stringify({ helpdesk: { connector: { type: 'topdsk', baseUrl: 'https://h.example.com', credentialSecret: 't' } }, disabledTroubleshooters: ['wifi.reconnect'], autostart: false }),
    );
    const res = await cli(['policy', 'check', file]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(new RegExp(`autostart +false +\\[file ${file.replaceAll('/', '\\/')}\\]`));
    expect(res.stdout).toMatch(/support +\{\} +\[default\]/);
    expect(res.stdout).toContain('error: helpdesk.connector.type (file): "topdsk" is not a connector type. Did you mean "topdesk"?');
    expect(res.stdout).toContain('warning: disabledTroubleshooters (file): "wifi.reconnect" is not a troubleshooter');
    expect(res.stdout).toMatch(/^1 error, 1 warning\./m);
  });

  it('export --reg then check the .reg, export --mobileconfig from it then check that: same values, fresh UUIDs', async () => {
    const reg = path.join(work, 'p.reg');
    expect((await policy(['export', 'build/policy/linux/policy.json', '--reg', '--out', reg])).code).toBe(0);
    const fromReg = await policy(['check', reg, '--json']);
    expect(fromReg.code).toBe(0);
    const regCheck = JSON.parse(fromReg.stdout) as { settings: { key: string; value: unknown; source: string }[]; findings: unknown[] };
    expect(regCheck.findings).toEqual([]);
    expect(regCheck.settings.find((s) => s.key === 'tileOrder')).toMatchObject({ value: ['network', 'printer-queue', 'password-reset'], source: 'hklm' });

    const a = await policy(['export', reg, '--mobileconfig']);
    const b = await policy(['export', reg, '--mobileconfig', '--out', path.join(work, 'p.mobileconfig')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const uuids = (text: string) => [...text.matchAll(/<key>PayloadUUID<\/key>\s*<string>([^<]+)<\/string>/g)].map((m) => m[1]);
    const first = uuids(a.stdout);
    expect(first).toHaveLength(2);
    expect(new Set([...first, ...uuids(readFileSync(path.join(work, 'p.mobileconfig'), 'utf8'))]).size).toBe(4);
    expect(a.stdout).toContain('<string>teams-cache</string>');
    const fromProfile = JSON.parse((await policy(['check', path.join(work, 'p.mobileconfig'), '--json'])).stdout) as typeof regCheck;
    expect(fromProfile.settings.map((s) => [s.key, s.value])).toEqual(regCheck.settings.map((s) => [s.key, s.value]));
  });

  it('export refuses an invalid policy and says how to see why', async () => {
    const file = path.join(work, 'bad.json');
    writeFileSync(file, JSON.stringify({ outageFeedUrl: 'http://status.example.com/feed.json' }));
    const res = await policy(['export', file, '--json']);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('error: outageFeedUrl: must be an https:// URL');
    expect(res.stderr).toContain(`Not exported: fix the 1 error first (firstline policy check ${file})`);
  });

  it('export --admx writes the ADMX and the four ADML files', async () => {
    const dir = path.join(work, 'admx');
    const res = await policy(['export', '--admx', dir]);
    expect(res.code).toBe(0);
    expect(readFileSync(path.join(dir, 'firstline.admx'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'build/policy/windows/firstline.admx'), 'utf8'));
    for (const c of ['en-US', 'nl-NL', 'fr-FR', 'de-DE']) expect(statSync(path.join(dir, c, 'firstline.adml')).size).toBeGreaterThan(1000);
  });

  it('check --machine reads FIRSTLINE_POLICY_FILE like the app', async () => {
    const file = path.join(work, 'machine.json');
    writeFileSync(file, JSON.stringify({ defaultLanguage: 'fr' }));
    const saved = process.env.FIRSTLINE_POLICY_FILE;
    process.env.FIRSTLINE_POLICY_FILE = file;
    const res = await policy(['check', '--machine']).finally(() => {
      if (saved === undefined) delete process.env.FIRSTLINE_POLICY_FILE;
      else process.env.FIRSTLINE_POLICY_FILE = saved;
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Policy on this machine (file ${file})`);
    expect(res.stdout).toMatch(/defaultLanguage +"fr" +\[file /);
  });

  it('gen-admin-templates --help prints usage and writes nothing; --check finds no drift', async () => {
    const files = ['build/policy/linux/policy.json', 'docs/admin.md'].map((f) => path.join(repoRoot, f));
    const before = files.map((f) => statSync(f).mtimeMs);
    const help = await runTsx('scripts/gen-admin-templates.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(files.map((f) => statSync(f).mtimeMs)).toEqual(before);
    const checked = await runTsx('scripts/gen-admin-templates.ts', ['--check']);
    expect(checked.stdout).toContain('all admin templates are up to date');
    expect(checked.code).toBe(0);
    expect(files.map((f) => statSync(f).mtimeMs)).toEqual(before);
  });
});
