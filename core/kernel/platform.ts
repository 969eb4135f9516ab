/** The operating systems Firstline runs on (Node's names); everything else is treated as Linux. */
export const platforms = ['win32', 'darwin', 'linux'] as const;
export type Platform = (typeof platforms)[number];

/** Node's `process.platform` → ours: Windows and macOS by name, any other Unix as Linux. */
export function toPlatform(p: string): Platform {
  return p === 'win32' || p === 'darwin' ? p : 'linux';
}
