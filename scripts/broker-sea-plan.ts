/**
 * The steps that make the elevation broker a single executable (Node SEA) on the OS the build
 * runs on, as data so test/unit/build/broker-sea-plan.test.ts can check every OS's steps here.
 * Windows gets `firstline-broker.exe` plus the service host `firstline-broker-service.exe`
 * (build/broker/windows/service-host.cs, compiled with the .NET Framework's csc that every
 * Windows 10/11 has): Node cannot answer the service control manager itself.
 */
import path from 'node:path';

export type SeaStep = { file: string; args: string[] } | { copy: [string, string] } | { write: [string, string] };

export type SeaPlan = { exe: string; steps: SeaStep[]; outputs: string[] };

/** The fuse postject flips so the runtime loads the injected blob (Node's documented sentinel). */
export const seaFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export function seaPlan(platform: NodeJS.Platform, root: string, execPath: string, env: Readonly<Record<string, string | undefined>> = {}): SeaPlan {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const dir = p.join(root, 'out', 'broker');
  const main = p.join(dir, 'firstline-broker.cjs');
  const blob = p.join(dir, 'sea-prep.blob');
  const config = p.join(dir, 'sea-config.json');
  const exe = p.join(dir, platform === 'win32' ? 'firstline-broker.exe' : 'firstline-broker');
  const postject = p.join(root, 'node_modules', 'postject', 'dist', 'cli.js');
  const steps: SeaStep[] = [
    { write: [config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false })] },
    { file: execPath, args: ['--experimental-sea-config', config] },
    { copy: [execPath, exe] },
  ];
  if (platform === 'darwin') steps.push({ file: 'codesign', args: ['--remove-signature', exe] });
  steps.push({ file: execPath, args: [postject, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', seaFuse, ...(platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [])] });
  if (platform === 'darwin') steps.push({ file: 'codesign', args: ['--sign', '-', exe] });
  const outputs = [exe];
  if (platform === 'win32') {
    // The injected node.exe keeps a now-invalid Authenticode signature; electron-builder signs
    // both executables again with the app's certificate when one is configured.
    const systemRoot = (env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows').replace(/[\\/]+$/, '');
    const csc = `${systemRoot}\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe`;
    const host = p.join(dir, 'firstline-broker-service.exe');
    steps.push({ file: csc, args: ['/nologo', '/target:exe', '/optimize+', '/reference:System.ServiceProcess.dll', `/out:${host}`, p.join(root, 'build', 'broker', 'windows', 'service-host.cs')] });
    outputs.push(host);
  }
  return { exe, steps, outputs };
}
