// @vitest-environment jsdom
/**
 * The elevation broker's per-OS installation, checked as far as this Linux machine allows: the
 * systemd unit (systemd-analyze), the launchd plist (parsed as XML), the deb/rpm and pkg scripts
 * run against a temp root, and electron-builder.yml declaring all of it. Windows: see docs/admin.md.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brokerDefaults } from '../../../broker/defaults.ts';
import { brokerLocations } from '../../../core/platform/broker-port.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const linuxDir = path.join(root, 'build/broker/linux');
const macDir = path.join(root, 'build/broker/macos');
const mode = async (file: string) => (await stat(file)).mode & 0o7777;

describe('broker service definitions', () => {
  it('the systemd unit starts the broker with the paths the app talks to, hardened', async () => {
    const unit = await readFile(path.join(linuxDir, 'firstline-broker.service'), 'utf8');
    const exec = /^ExecStart=(.*)$/m.exec(unit)?.[1]?.split(' ') ?? [];
    expect(exec[0]).toBe('/opt/Firstline/resources/broker/firstline-broker');
    const flag = (name: string) => exec[exec.indexOf(name) + 1];
    expect(flag('--socket')).toBe(brokerLocations.linux.socketPath);
    expect(flag('--proof-dir')).toBe(brokerLocations.linux.proofDir);
    expect([flag('--socket'), flag('--proof-dir'), flag('--audit-log'), flag('--policy-file')]).toEqual([brokerDefaults.socket, brokerDefaults.proofDir, brokerDefaults.auditLog, brokerDefaults.policyFile]);
    for (const line of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'ProtectHome=yes', 'UMask=0077', 'RuntimeDirectory=firstline', 'LogsDirectory=firstline', 'LogsDirectoryMode=0750']) expect(unit).toContain(line);
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('systemd-analyze accepts the unit (binary path swapped for one that exists here)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'firstline-unit-'));
    try {
      const unit = (await readFile(path.join(linuxDir, 'firstline-broker.service'), 'utf8')).replace('/opt/Firstline/resources/broker/firstline-broker', '/bin/true').replace(/^After=.*$/m, '');
      await writeFile(path.join(dir, 'firstline-broker.service'), unit);
      const result = await run('systemd-analyze', ['verify', '--man=no', path.join(dir, 'firstline-broker.service')]).then(() => ({ stderr: '' }), (e: { stderr: string }) => e);
      expect(result.stderr.split('\n').filter((l) => /firstline-broker\.service/.test(l) && !/Failed to|not found|No such/.test(l))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the launchd plist parses and runs the broker as root with the macOS paths', async () => {
    const xml = await readFile(path.join(macDir, 'com.firstline.broker.plist'), 'utf8');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const dict = doc.querySelector('plist > dict');
    const entries = new Map<string, Element>();
    const children = [...(dict?.children ?? [])];
    for (let i = 0; i < children.length; i += 2) entries.set(children[i]!.textContent ?? '', children[i + 1]!);
    expect(entries.get('Label')?.textContent).toBe('com.firstline.broker');
    expect(entries.get('UserName')?.textContent).toBe('root');
    expect(entries.get('RunAtLoad')?.tagName).toBe('true');
    const args = [...(entries.get('ProgramArguments')?.children ?? [])].map((e) => e.textContent);
    expect(args[0]).toBe('/Applications/Firstline.app/Contents/Resources/broker/firstline-broker');
    expect(args[args.indexOf('--socket') + 1]).toBe(brokerLocations.darwin.socketPath);
    expect(args[args.indexOf('--proof-dir') + 1]).toBe(brokerLocations.darwin.proofDir);
  });
});

describe('broker install and removal scripts (temp root)', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'firstline-root-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  const sh = (script: string, ...args: string[]) => run('/bin/sh', [script, ...args], { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', FIRSTLINE_ROOT: tmp } });

  it('deb/rpm: installs the unit and a private log folder, removes the unit on remove, keeps it on upgrade, drops the log on purge', async () => {
    const res = path.join(tmp, 'opt/Firstline/resources/broker');
    await mkdir(res, { recursive: true });
    await copyFile(path.join(linuxDir, 'firstline-broker.service'), path.join(res, 'firstline-broker.service'));
    await writeFile(path.join(res, 'firstline-broker'), '');
    await sh(path.join(linuxDir, 'install-service.sh'));
    const unit = path.join(tmp, 'etc/systemd/system/firstline-broker.service');
    expect(await readFile(unit, 'utf8')).toBe(await readFile(path.join(linuxDir, 'firstline-broker.service'), 'utf8'));
    expect(await mode(unit)).toBe(0o644);
    expect(await mode(path.join(tmp, 'var/log/firstline'))).toBe(0o750);
    expect(await mode(path.join(res, 'firstline-broker'))).toBe(0o755);

    await sh(path.join(linuxDir, 'uninstall-service.sh'), 'upgrade');
    expect(existsSync(unit)).toBe(true);
    await sh(path.join(linuxDir, 'uninstall-service.sh'), 'remove');
    expect(existsSync(unit)).toBe(false);
    expect(existsSync(path.join(tmp, 'var/log/firstline'))).toBe(true);
    await sh(path.join(linuxDir, 'uninstall-service.sh'), 'purge');
    expect(existsSync(path.join(tmp, 'var/log/firstline'))).toBe(false);
  });

  it('the package scripts call the broker steps and keep electron-builder\'s own', async () => {
    const after = await readFile(path.join(linuxDir, 'after-install.tpl'), 'utf8');
    const removal = await readFile(path.join(linuxDir, 'after-remove.tpl'), 'utf8');
    expect(after).toContain("'/opt/${sanitizedProductName}/resources/broker/install-service.sh'");
    expect(after).toContain('update-alternatives --install');
    expect(removal).toContain('systemctl disable --now firstline-broker.service');
    expect(removal).toContain('rm -f /etc/systemd/system/firstline-broker.service');
    expect(removal).toContain('update-alternatives --remove');
    // electron-builder substitutes ${…}: only its own placeholders may appear.
    for (const text of [after, removal]) expect([...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n !== 'executable' && n !== 'sanitizedProductName')).toEqual([]);
    await run('bash', ['-n', path.join(linuxDir, 'after-install.tpl')]);
    await run('bash', ['-n', path.join(linuxDir, 'after-remove.tpl')]);
  });

  it('pkg: postinstall puts the launch daemon in place; the uninstall script removes it', async () => {
    const res = path.join(tmp, 'Applications/Firstline.app/Contents/Resources/broker');
    await mkdir(res, { recursive: true });
    await copyFile(path.join(macDir, 'com.firstline.broker.plist'), path.join(res, 'com.firstline.broker.plist'));
    // pkgbuild keeps the file mode from the checkout: git must record the scripts as executable.
    const { stdout: modes } = await run('git', ['ls-files', '-s', 'build/broker/macos/pkg-scripts/postinstall', 'build/broker/macos/uninstall-daemon.sh'], { cwd: root });
    expect(modes.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['100755', '100755']);
    await sh(path.join(macDir, 'pkg-scripts/postinstall'));
    const plist = path.join(tmp, 'Library/LaunchDaemons/com.firstline.broker.plist');
    expect(await mode(plist)).toBe(0o644);
    expect(await mode(path.join(tmp, 'Library/Logs/Firstline'))).toBe(0o750);
    await sh(path.join(macDir, 'uninstall-daemon.sh'));
    expect(existsSync(plist)).toBe(false);
  });

  it('pkg: installs onto the target volume the installer names ($3) and never starts a daemon there', async () => {
    const res = path.join(tmp, 'Applications/Firstline.app/Contents/Resources/broker');
    await mkdir(res, { recursive: true });
    await copyFile(path.join(macDir, 'com.firstline.broker.plist'), path.join(res, 'com.firstline.broker.plist'));
    // A launchctl on PATH that records calls: it must not be called for another volume.
    const bin = path.join(tmp, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'launchctl'), `#!/bin/sh\necho "$@" >> ${path.join(tmp, 'launchctl.log')}\n`);
    await chmod(path.join(bin, 'launchctl'), 0o755);
    await run('/bin/sh', [path.join(macDir, 'pkg-scripts/postinstall'), '/path/to/pkg', '/Applications', tmp, '/'], { env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(await mode(path.join(tmp, 'Library/LaunchDaemons/com.firstline.broker.plist'))).toBe(0o644);
    expect(existsSync(path.join(tmp, 'launchctl.log'))).toBe(false);
  });

  it('pkg: a daemon that does not start never fails the installation', async () => {
    const script = await readFile(path.join(macDir, 'pkg-scripts/postinstall'), 'utf8');
    const bootstrap = script.split('\n').find((l) => l.includes('launchctl bootstrap'));
    expect(bootstrap).toMatch(/\|\| launchctl kickstart -k system\/com\.firstline\.broker \|\| echo /);
    expect(script.trimEnd().endsWith('exit 0')).toBe(true);
  });
});

describe('electron-builder.yml ships the broker', () => {
  it('declares the bundle, the service files and the maintainer scripts for every package', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
    const extra = (section: unknown) => (section as { extraResources?: { from: string; to: string }[] }).extraResources ?? [];
    expect(extra(config)).toContainEqual({ from: 'out/broker', to: 'broker', filter: ['firstline-broker', 'firstline-broker.exe', 'firstline-broker-service.exe', 'firstline-broker.cjs'] });
    expect(extra(config.linux)).toContainEqual(expect.objectContaining({ from: 'build/broker/linux', to: 'broker' }));
    expect(extra(config.mac)).toContainEqual(expect.objectContaining({ from: 'build/broker/macos', to: 'broker' }));
    for (const target of ['deb', 'rpm']) {
      expect(config[target]).toMatchObject({ afterInstall: 'build/broker/linux/after-install.tpl', afterRemove: 'build/broker/linux/after-remove.tpl' });
    }
    expect(config.pkg?.scripts).toBe('broker/macos/pkg-scripts');
    expect(existsSync(path.join(root, 'build', 'broker/macos/pkg-scripts/postinstall'))).toBe(true);
  });
});
