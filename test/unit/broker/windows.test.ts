/**
 * The Windows broker's code paths, run here with the OS at the edges replaced by recorded outputs
 * (Get-Acl, whoami, reg query, Get-Printer, icacls): who is asking (the NTFS owner SID of the
 * proof), the drop folder's permissions, machine policy from HKLM, the Windows operations and the
 * environment the commands get. What only a Windows machine can show is listed in docs/admin.md.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brokerDefaultsFor } from '../../../broker/defaults.ts';
import { handleRequest } from '../../../broker/handle.ts';
import { newChallenge, verifyProof } from '../../../broker/identity.ts';
import { createMachine } from '../../../broker/machine.ts';
import { opNames, type OpArgv } from '../../../broker/op-argv.ts';
import { createPolicyReader, parseRegValues } from '../../../broker/policy.ts';
import type { CommandRun } from '../../../broker/protocol.ts';
import { createRateLimiter } from '../../../broker/rate-limit.ts';
import { childEnv } from '../../../broker/run-command.ts';
import { startServer } from '../../../broker/server.ts';
import { checkProofDirSddl, checkSddl, createWindowsOwnerReader, ownerCommand, parseOwner, parseWhoamiSid, windowsIdentityScripts } from '../../../broker/windows-identity.ts';
import { secureFolderCommands } from '../../../broker/windows-service.ts';
import { prepareWindowsState } from '../../../broker/windows-state.ts';
import { callBroker } from '../../../core/platform/broker-client.ts';
import { brokerClientOptions } from '../../../core/platform/broker-port.ts';
import { fakeDeps, runLine } from './fake-machine.ts';

const done = (argv: OpArgv, stdout = '', exitCode = 0, stderr = ''): CommandRun => ({ file: argv.file, args: argv.args, exitCode, stdout, stderr, timedOut: false, notFound: false });

/** A command runner answering from recorded outputs, keyed by a predicate, recording every argv. */
function recorder(answers: [(argv: OpArgv) => boolean, (argv: OpArgv) => CommandRun][]) {
  const ran: OpArgv[] = [];
  const run = async (argv: OpArgv) => {
    ran.push(argv);
    const answer = answers.find(([match]) => match(argv));
    return answer ? answer[1](argv) : done(argv, '', 1, 'unexpected command');
  };
  return { run, ran };
}

const userSid = 'S-1-5-21-3623811015-3361044348-30300820-1013';
// Recorded from `(Get-Acl -LiteralPath …).Sddl` after the installer's icacls commands.
const goodProofSddl = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;DC;;;IU)';
const goodFolderSddl = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';
const inheritedLogSddl = 'O:SYG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)';

describe('Windows caller identity', () => {
  it('reads the owner SID and account of a proof with a fixed PowerShell line, the path only in the environment', async () => {
    const { run, ran } = recorder([[(a) => a.file === 'powershell.exe', () => done(ownerCommand('x'), `\uFEFF${userSid}\tCONTOSO\\jdupont\r\n`)]]);
    const owner = await createWindowsOwnerReader(run)('C:\\ProgramData\\Firstline\\broker\\proof\\ab; rm -rf');
    expect(owner).toEqual({ sid: userSid, account: 'CONTOSO\\jdupont' });
    expect(ran).toEqual([
      {
        file: 'powershell.exe',
        args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', windowsIdentityScripts.owner],
        env: { FIRSTLINE_PATH: 'C:\\ProgramData\\Firstline\\broker\\proof\\ab; rm -rf' },
      },
    ]);
    expect(windowsIdentityScripts.owner).not.toContain('proof');
  });

  it.each([
    ['a SID without a name (offline domain account)', `${userSid}\t\r\n`, { sid: userSid }],
    ['an elevated administrator (Windows makes Administrators the owner)', 'S-1-5-32-544\tBUILTIN\\Administrators', { sid: 'S-1-5-32-544', account: 'BUILTIN\\Administrators' }],
    ['an error', 'Get-Acl : Cannot find path', undefined],
    ['two lines', `${userSid}\tA\r\nS-1-5-18\tB`, undefined],
    ['something that is not a SID', 'jdupont\tCONTOSO\\jdupont', undefined],
    ['nothing', '', undefined],
  ])('parses the owner output: %s', (_name, stdout, expected) => {
    expect(parseOwner(done(ownerCommand('f'), stdout))).toEqual(expected);
  });

  it('trusts no owner when PowerShell failed', () => {
    expect(parseOwner(done(ownerCommand('f'), `${userSid}\tX`, 1))).toBeUndefined();
  });

  it('knows LocalSystem from whoami', () => {
    expect(parseWhoamiSid('"nt authority\\system","S-1-5-18"\r\n')).toBe('S-1-5-18');
    expect(parseWhoamiSid('"autorité nt\\système","S-1-5-18"\r\n')).toBe('S-1-5-18');
    expect(parseWhoamiSid(`"contoso\\jdupont","${userSid}"\r\n`)).toBe(userSid);
    expect(parseWhoamiSid('ERROR')).toBeUndefined();
  });

  describe('a proof in a real folder, owner from the recorded Get-Acl', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'firstline-winproof-'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('names the caller by SID, and removes the proof', async () => {
      const challenge = newChallenge();
      await writeFile(path.join(dir, challenge.name), challenge.token);
      const { run, ran } = recorder([[(a) => a.file === 'powershell.exe', () => done(ownerCommand('x'), `${userSid}\tCONTOSO\\jdupont`)]]);
      const reader = createWindowsOwnerReader(run);
      expect(await verifyProof(dir, challenge, (file) => reader(file))).toEqual({ sid: userSid, account: 'CONTOSO\\jdupont' });
      expect(ran[0]?.env?.FIRSTLINE_PATH).toBe(path.join(dir, challenge.name));
      expect(await readdir(dir)).toEqual([]);
    });

    it('refuses a proof with the wrong token before asking Windows who owns it', async () => {
      const challenge = newChallenge();
      await writeFile(path.join(dir, challenge.name), 'f'.repeat(32));
      const { run, ran } = recorder([[() => true, (a) => done(a, `${userSid}\tX`)]]);
      const reader = createWindowsOwnerReader(run);
      expect(await verifyProof(dir, challenge, (file) => reader(file))).toBeUndefined();
      expect(ran).toEqual([]);
    });

    it('refuses a proof whose owner cannot be read', async () => {
      const challenge = newChallenge();
      await writeFile(path.join(dir, challenge.name), challenge.token);
      const { run } = recorder([[() => true, (a) => done(a, '', 1, 'Access denied')]]);
      const reader = createWindowsOwnerReader(run);
      expect(await verifyProof(dir, challenge, (file) => reader(file))).toBeUndefined();
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('Windows drop folder permissions (SDDL)', () => {
  it('accepts the folders as the installer secures them', () => {
    expect(checkProofDirSddl(goodProofSddl)).toBeUndefined();
    expect(checkProofDirSddl('O:SYG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;0x100002;;;IU)')).toBeUndefined();
    expect(checkSddl('the broker folder', goodFolderSddl)).toBeUndefined();
    expect(checkSddl('the audit log', inheritedLogSddl, { inherits: true })).toBeUndefined();
  });

  it.each([
    ['owned by an employee (a folder created before the installer ran)', `O:${userSid}G:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;DC;;;IU)`, 'is owned by'],
    ['inheriting from ProgramData', 'O:BAG:SYD:AI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;DC;;;IU)', 'inherits'],
    ['letting users list the folder', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;0x100003;;;IU)', 'more than creating files'],
    ['giving callers the right to change permissions (SDDL WD = WRITE_DAC)', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;WD;;;IU)', 'more than creating files'],
    ['passing the create right on to the proofs', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;DC;;;IU)', 'more than creating files'],
    ['full control for Users', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;BU)', 'more than creating files'],
    ['an entry for Everyone', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;;DC;;;WD)', 'grants rights to WD'],
    ['an entry for one employee', `O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;;FA;;;${userSid})`, 'grants rights to'],
    ['an object-type entry', 'O:BAG:SYD:PAI(OA;;DC;;;IU)', 'type OA'],
    ['no access list at all', 'O:BAG:SY', 'no access list'],
  ])('refuses a proof folder %s', (_name, sddl, problem) => {
    expect(checkProofDirSddl(sddl)).toContain(problem);
  });

  it('refuses a broker folder that lets anyone but SYSTEM and Administrators in', () => {
    expect(checkSddl('the broker folder', goodProofSddl)).toContain('grants rights to IU');
    expect(checkSddl('the audit log', `O:${userSid}G:SYD:AI(A;ID;FA;;;SY)`, { inherits: true })).toContain('is owned by');
  });
});

describe('Windows broker folders at start', () => {
  let programData: string;
  beforeEach(async () => {
    programData = await mkdtemp(path.join(tmpdir(), 'firstline-programdata-'));
  });
  afterEach(async () => rm(programData, { recursive: true, force: true }));

  const sddlFor = (argv: OpArgv) => {
    const target = argv.env?.FIRSTLINE_PATH ?? '';
    return target.endsWith('proof') ? goodProofSddl : target.endsWith('.log') ? inheritedLogSddl : goodFolderSddl;
  };

  it('secures the folders with takeown and icacls, then checks each one', async () => {
    const { run, ran } = recorder([
      [(a) => a.file === 'takeown.exe' || a.file === 'icacls.exe', (a) => done(a)],
      [(a) => a.file === 'powershell.exe', (a) => done(a, sddlFor(a))],
    ]);
    await prepareWindowsState(run, programData, path.join(programData, 'Firstline\\broker\\broker.log'));
    const secure = secureFolderCommands(programData);
    expect(ran.slice(0, secure.length)).toEqual(secure);
    expect(ran.slice(secure.length).map((a) => a.env?.FIRSTLINE_PATH)).toEqual([`${programData}\\Firstline`, `${programData}\\Firstline\\broker`, `${programData}\\Firstline\\broker\\proof`]);
  });

  it('refuses to start when a folder is still not safe after securing it', async () => {
    const { run } = recorder([
      [(a) => a.file !== 'powershell.exe', (a) => done(a)],
      [(a) => a.file === 'powershell.exe', (a) => done(a, (a.env?.FIRSTLINE_PATH ?? '').endsWith('proof') ? `O:${userSid}G:SYD:PAI(A;;DC;;;IU)` : goodFolderSddl)],
    ]);
    await expect(prepareWindowsState(run, programData, path.join(programData, 'x.log'))).rejects.toThrow(/proof folder is owned by S-1-5-21/);
  });

  it('refuses to start when icacls fails, and on a folder that is a link', async () => {
    const { run } = recorder([[(a) => a.file === 'takeown.exe', (a) => done(a)]]);
    await expect(prepareWindowsState(run, programData, 'x.log')).rejects.toThrow(/icacls\.exe .* failed/);
    await mkdir(path.join(programData, 'elsewhere'));
    await symlink(path.join(programData, 'elsewhere'), `${programData}\\Firstline`);
    const ok = recorder([[() => true, (a) => done(a, goodFolderSddl)]]);
    await expect(prepareWindowsState(ok.run, programData, 'x.log')).rejects.toThrow(/is a link/);
    expect(ok.ran).toEqual([]);
  });
});

describe('Windows machine policy (HKLM only)', () => {
  const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Firstline';
  it('reads every way an administrator may have written the two keys', () => {
    // The ADMX list element: a subkey with values 1, 2, 3…
    expect(
      parseRegValues(
        `\r\n${key}\r\n    brokerEnabled    REG_DWORD    0x1\r\n\r\n${key}\\brokerOperations\r\n    1    REG_SZ    printer.resume\r\n    2    REG_SZ    network.flush-dns\r\n\r\n${key}\\support\r\n    1    REG_SZ    network.reset-stack\r\n`,
      ),
    ).toEqual({
      brokerEnabled: true,
      brokerOperations: ['printer.resume', 'network.flush-dns'],
    });
    expect(parseRegValues(`${key}\r\n    brokerOperations    REG_MULTI_SZ    printer.resume\\0network.renew-dhcp\r\n`)).toEqual({ brokerOperations: ['printer.resume', 'network.renew-dhcp'] });
    expect(parseRegValues(`${key}\r\n    brokerOperations    REG_SZ    ["printer.resume","network.flush-dns"]\r\n`)).toEqual({ brokerOperations: ['printer.resume', 'network.flush-dns'] });
    expect(parseRegValues(`${key}\r\n    brokerOperations    REG_SZ    printer.resume, network.flush-dns\r\n    brokerEnabled    REG_SZ    false\r\n`)).toEqual({
      brokerOperations: ['printer.resume', 'network.flush-dns'],
      brokerEnabled: false,
    });
    expect(parseRegValues(`${key}\r\n    brokerEnabled    REG_SZ    maybe\r\n`)).toEqual({ brokerEnabled: 'maybe' });
  });

  it('queries HKLM with /s; no key means on with every operation; a value it cannot use turns the broker off', async () => {
    const answers = new Map<string, CommandRun>();
    const run = async (argv: OpArgv, _timeout: number) => answers.get('reg') ?? done(argv);
    const read = createPolicyReader('win32', async (argv, timeout) => {
      expect(argv).toEqual({ file: 'reg', args: ['query', 'HKLM\\SOFTWARE\\Policies\\Firstline', '/s'] });
      return run(argv, timeout);
    });
    answers.set('reg', done({ file: 'reg', args: [] }, '', 1, 'ERROR: The system was unable to find the specified registry key or value.'));
    expect(await read()).toMatchObject({ enabled: true, operations: [...opNames] });
    answers.set('reg', done({ file: 'reg', args: [] }, `${key}\r\n    brokerEnabled    REG_DWORD    0x0\r\n`));
    expect(await read()).toMatchObject({ enabled: false });
    answers.set('reg', done({ file: 'reg', args: [] }, `${key}\r\n\r\n${key}\\brokerOperations\r\n    1    REG_SZ    printer.resume\r\n`));
    expect(await read()).toMatchObject({ enabled: true, operations: ['printer.resume'] });
    answers.set('reg', done({ file: 'reg', args: [] }, `${key}\r\n    brokerOperations    REG_SZ    printer.resume;whoami\r\n`));
    expect(await read()).toMatchObject({ enabled: false, problem: expect.stringContaining('unknown operations') });
    answers.set('reg', done({ file: 'reg', args: [] }, '', 1, 'ERROR: Access is denied.'));
    expect(await read()).toMatchObject({ enabled: false });
  });
});

describe('Windows operations', () => {
  // Recorded `Get-Printer` JSON from the printer fix's own read script (a BOM leads after the UTF-8 switch).
  const printers = '\uFEFF[{"Name":"Drucker Büro","PrinterStatus":"Paused","Default":true},{"Name":"\\\\\\\\print01\\\\Étage 2","PrinterStatus":"Normal","Default":false}]';
  const windowsDeps = () => {
    const { run, ran } = recorder([
      [(a) => a.file === 'powershell.exe' && (a.args.at(-1) ?? '').includes('ConvertTo-Json'), (a) => done(a, printers)],
      [() => true, (a) => done(a)],
    ]);
    const fake = fakeDeps('win32', { machine: createMachine('win32', run), run: (argv) => run(argv) });
    return { ...fake, ran };
  };
  const caller = { sid: userSid, account: 'CONTOSO\\jdupont' };

  it("switches a queue the machine lists back on with the printer fix's argv, and audits the SID", async () => {
    const { deps, ran, audit } = windowsDeps();
    const reply = await handleRequest(runLine('printer.resume', { queue: 'Drucker Büro' }), caller, deps);
    expect(reply).toMatchObject({ type: 'result', ok: true });
    const resume = ran.at(-1);
    expect(resume?.file).toBe('powershell.exe');
    expect(resume?.env).toEqual({ FIRSTLINE_PRINTER: 'Drucker Büro' });
    expect(resume?.args.at(-1)).toContain('Invoke-CimMethod -MethodName Resume');
    expect(resume?.args.at(-1)).not.toContain('Drucker');
    expect(audit).toEqual([expect.objectContaining({ uid: null, sid: userSid, account: 'CONTOSO\\jdupont', op: 'printer.resume', result: 'ok' })]);
  });

  it('refuses a queue Windows does not list, and never runs the resume', async () => {
    const { deps, ran } = windowsDeps();
    for (const queue of ['Drucker', 'drucker büro', '\\\\print01\\Étage 3', 'Drucker Büro" ; Restart-Computer']) {
      expect(await handleRequest(runLine('printer.resume', { queue }), caller, deps)).toMatchObject({ type: 'error', code: 'not-found' });
    }
    expect(ran.every((a) => !(a.args.at(-1) ?? '').includes('Resume'))).toBe(true);
  });

  it.each([
    ['printer.restart-spooler', [['powershell.exe', 'Restart-Service -Name Spooler -Force']]],
    ['network.flush-dns', [['ipconfig', '/flushdns']]],
    [
      'network.renew-dhcp',
      [
        ['ipconfig', '/release'],
        ['ipconfig', '/renew'],
      ],
    ],
    [
      'network.reset-stack',
      [
        ['netsh', 'winsock reset'],
        ['netsh', 'int ip reset'],
      ],
    ],
  ])('%s runs exactly the fix’s argv', async (op, expected) => {
    const { deps, ran } = windowsDeps();
    expect(await handleRequest(runLine(op), caller, deps)).toMatchObject({ type: 'result', ok: true });
    expect(ran.map((a) => [a.file, a.file === 'powershell.exe' ? a.args.at(-1) : a.args.join(' ')])).toEqual(expected);
  });

  it('takes no adapter on Windows (ipconfig renews every adapter), so an adapter argument is refused', async () => {
    const { deps, ran } = windowsDeps();
    expect(await handleRequest(runLine('network.renew-dhcp', { adapter: 'Ethernet' }), caller, deps)).toMatchObject({ type: 'error', code: 'bad-args' });
    expect(ran).toEqual([]);
  });

  it('limits each SID on its own', async () => {
    const { deps } = windowsDeps();
    deps.limiter = createRateLimiter(2, 60_000);
    const other = { sid: 'S-1-5-21-1-2-3-1099' };
    for (let i = 0; i < 2; i++) expect(await handleRequest(runLine('network.flush-dns'), caller, deps)).toMatchObject({ type: 'result' });
    expect(await handleRequest(runLine('network.flush-dns'), caller, deps)).toMatchObject({ code: 'rate-limited' });
    expect(await handleRequest(runLine('network.flush-dns'), other, deps)).toMatchObject({ type: 'result' });
  });

  it('gives commands only the service’s own Windows environment', () => {
    const env = childEnv(
      { path: brokerDefaultsFor('win32', { SystemRoot: 'D:\\Win' }).path, platform: 'win32', systemRoot: 'D:\\Win' },
      { file: 'powershell.exe', args: [], env: { FIRSTLINE_PRINTER: 'x' } },
    );
    expect(env).toEqual({
      PATH: 'D:\\Win\\System32;D:\\Win;D:\\Win\\System32\\Wbem;D:\\Win\\System32\\WindowsPowerShell\\v1.0',
      SystemRoot: 'D:\\Win',
      windir: 'D:\\Win',
      TEMP: 'D:\\Win\\Temp',
      TMP: 'D:\\Win\\Temp',
      PSModulePath: 'D:\\Win\\System32\\WindowsPowerShell\\v1.0\\Modules',
      FIRSTLINE_PRINTER: 'x',
    });
  });
});

describe('Windows locations', () => {
  it('the app and the broker agree on the pipe and the drop folder', () => {
    const env = { ProgramData: 'C:\\ProgramData' };
    const broker = brokerDefaultsFor('win32', env);
    expect(brokerClientOptions('win32', env)).toEqual({ socketPath: broker.socket, proofDir: broker.proofDir });
    expect(broker).toMatchObject({ socket: '\\\\.\\pipe\\firstline-broker', proofDir: 'C:\\ProgramData\\Firstline\\broker\\proof', auditLog: 'C:\\ProgramData\\Firstline\\broker\\broker.log' });
  });
});

describe('the server with the Windows identity (a Unix socket standing in for the pipe)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'firstline-winserver-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('prepares the state its own way, names the caller by the proof owner SID and answers', async () => {
    const proofDir = path.join(dir, 'proof');
    let prepared = 0;
    const { deps, audit } = fakeDeps('win32');
    const { run, ran } = recorder([[(a) => a.file === 'powershell.exe', () => done(ownerCommand('x'), `${userSid}\tCONTOSO\\jdupont`)]]);
    const reader = createWindowsOwnerReader(run);
    const server = await startServer({
      socketPath: path.join(dir, 'broker.sock'),
      proofDir,
      deps,
      windows: { owner: (file) => reader(file), prepareState: async () => void (prepared++, await mkdir(proofDir)) },
    });
    try {
      const reply = await callBroker({ socketPath: path.join(dir, 'broker.sock'), proofDir, timeoutMs: 10_000 }, { type: 'run', op: 'network.flush-dns', args: {} });
      expect(reply).toMatchObject({ type: 'result', op: 'network.flush-dns', ok: true });
      expect(prepared).toBe(1);
      expect(ran).toHaveLength(1);
      expect(audit).toEqual([expect.objectContaining({ sid: userSid, uid: null, result: 'ok' })]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
