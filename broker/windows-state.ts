/**
 * Before the Windows broker serves anyone: its folders under %ProgramData% exist, carry the
 * permissions of windows-service.ts (re-applied at every start, so a drifted or tampered ACL is
 * repaired), are real folders rather than junctions, and — checked afterwards, from their SDDL —
 * are owned by SYSTEM or Administrators with no entry an employee could use beyond leaving a
 * proof. A folder that still fails the check stops the broker: it never runs on a folder an
 * employee could have prepared (%ProgramData% lets users create folders).
 */
import { lstat, mkdir } from 'node:fs/promises';
import { checkSddl, sddlCommand } from './windows-identity.ts';
import { secureFolderCommands, stateFolders } from './windows-service.ts';
import type { CommandRunner } from './run-command.ts';

export async function prepareWindowsState(run: CommandRunner, programData: string, auditLog: string): Promise<void> {
  const { top, state, proof } = stateFolders(programData);
  for (const dir of [top, state, proof]) {
    const info = await lstat(dir).catch(() => undefined);
    if (info && (info.isSymbolicLink() || !info.isDirectory())) throw new Error(`${dir} is a link or not a folder; remove it and reinstall Firstline`);
  }
  await mkdir(proof, { recursive: true });
  for (const command of secureFolderCommands(programData)) {
    const result = await run(command, 30_000);
    if (result.exitCode !== 0) throw new Error(`${command.file} ${command.args.join(' ')} failed (exit ${String(result.exitCode)}): ${result.stderr.trim() || result.stdout.trim()}`.slice(0, 500));
  }
  const checks: [string, string, Parameters<typeof checkSddl>[2]][] = [
    [top, 'the Firstline folder in ProgramData', {}],
    [state, 'the broker folder', {}],
    [proof, 'the proof folder', { dropFolder: true }],
  ];
  const log = await lstat(auditLog).catch(() => undefined);
  if (log?.isSymbolicLink()) throw new Error(`${auditLog} is a link; remove it`);
  // The log inherits the broker folder's entries (SYSTEM, Administrators) when the broker creates it.
  if (log) checks.push([auditLog, 'the audit log', { inherits: true }]);
  for (const [target, what, options] of checks) {
    const result = await run(sddlCommand(target), 20_000);
    const problem = result.exitCode === 0 ? checkSddl(what, result.stdout, options) : `${what} could not be read`;
    if (problem) throw new Error(`${problem} (${target}); reinstall Firstline or run install-broker.ps1 as administrator`);
  }
}
