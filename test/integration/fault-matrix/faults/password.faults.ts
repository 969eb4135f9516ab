/**
 * Password reset under different company policies. Ground truth: which page the employee was
 * sent to (read from the CLI's own "Open this link" line, compared with the policy file), and
 * whether the employee — scripted — could sign in afterwards.
 */
import { chown, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Fault, FaultEnv, FaultRun } from '../types.ts';

const microsoft = 'https://passwordreset.microsoftonline.com';

async function withPolicy(env: FaultEnv, policy: Record<string, unknown>, signedIn: 'yes' | 'no'): Promise<FaultRun> {
  const file = path.join(env.dir, 'policy.json');
  await writeFile(file, JSON.stringify(policy));
  await chown(file, env.uid, env.gid);
  return { args: ['--policy', file, '--answer', `signed-in=${signedIn}`], env: { HOME: env.dir } };
}

const offered = (stderr: string) => [...stderr.matchAll(/Open this link: (\S+)/g)].map((m) => m[1] ?? '');

/** The employee reached a safe reset page and signed in; an insecure page offered is harm. */
function judgeLinks(stderr: string, allowed: readonly string[], signedIn: boolean) {
  const links = offered(stderr);
  const bad = links.filter((l) => !l.startsWith('https://'));
  if (bad.length > 0) return { fixed: false, harm: `offered a non-https page: ${bad.join(', ')}` };
  const ok = links.some((l) => allowed.some((a) => l.replace(/\/$/, '') === a.replace(/\/$/, '')));
  return { fixed: ok && signedIn, detail: `offered ${JSON.stringify(links)}` };
}

export const faults: Fault[] = [
  {
    id: 'password/company-page-works',
    fix: 'password-reset',
    causes: [],
    setup: (env) => withPolicy(env, { passwordResetUrl: 'https://reset.firstline.test/start' }, 'yes'),
    truth: async (_env, out) => judgeLinks(out.stderr, ['https://reset.firstline.test/start'], true),
  },
  {
    id: 'password/no-policy-microsoft-page-works',
    fix: 'password-reset',
    causes: [],
    setup: (env) => withPolicy(env, {}, 'yes'),
    truth: async (_env, out) => judgeLinks(out.stderr, [microsoft], true),
  },
];
