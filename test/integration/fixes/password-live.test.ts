/** Live password-expiry read-out on Linux: the real `chage -l` for the user running the tests. */
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createNodeExec } from '../../../core/engine/exec-node.ts';
import { expiryAction } from '../../../core/fixes/password/actions.ts';
import { makeContext } from '../../unit/fixes/context.ts';

const linux = process.platform === 'linux';
if (!linux) console.log('password-live: skipped, chage is Linux-only');

describe.skipIf(!linux)('password expiry with the real chage', () => {
  it('agrees with chage -l for the current user', async () => {
    const user = userInfo().username;
    const result = await expiryAction.run({}, makeContext({ exec: createNodeExec(), platform: 'linux', env: { USER: user, PATH: process.env.PATH }, now: () => new Date() }));
    let expected: string;
    try {
      expected = /^Password expires\s*:\s*(.+)$/m.exec(execFileSync('chage', ['-l', user], { env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8' }))?.[1] ?? 'unknown';
    } catch {
      expected = 'unknown';
    }
    if (expected === 'never') expect(result).toMatchObject({ ok: true, available: true, expires: 'never', daysLeft: null });
    else if (expected === 'unknown') expect(result).toMatchObject({ available: false, expires: 'unknown' });
    else expect(result).toMatchObject({ available: true, expires: 'date' });
  });
});
