/**
 * macOS managed preferences: MDM (Jamf, Intune) writes the app's domain plist under
 * /Library/Managed Preferences. plutil converts it (binary or XML) to JSON.
 */
import type { ExecPort } from '../../engine/ports.ts';

export const macDomain = 'com.firstline.app';

/** Per-user managed preferences win over the machine-wide ones. */
export function managedPlistPaths(userName: string | undefined, base = '/Library/Managed Preferences'): { user?: string; machine: string } {
  const machine = `${base}/${macDomain}.plist`;
  return userName ? { user: `${base}/${userName}/${macDomain}.plist`, machine } : { machine };
}

export type PlistRead = { values: Record<string, unknown> } | { error: string };

export async function readPlistPolicy(exec: ExecPort, file: string): Promise<PlistRead> {
  const result = await exec.exec('plutil', ['-convert', 'json', '-o', '-', file], { timeout: 10_000 });
  if (result.notFound) return { error: 'plutil was not found' };
  if (result.exitCode !== 0 || result.timedOut) return { error: (result.stderr || result.stdout).trim() || 'plutil failed' };
  try {
    const parsed = JSON.parse(result.stdout) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'the plist is not a dictionary' };
    return { values: parsed as Record<string, unknown> };
  } catch (error) {
    return { error: `plutil output is not JSON: ${(error as Error).message}` };
  }
}
