/**
 * Live password checks: the real `chage -l` for the user running the tests, and the
 * password-reset troubleshooter through the engine with the real actions (URL opener recorded).
 */
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { composeRegistries } from '../../../core/engine/registry.ts';
import { run } from '../../../core/engine/runner.ts';
import { fixesRegistry } from '../../../core/fixes/index.ts';
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

describe('password-reset troubleshooter through the engine with the real actions', () => {
  const runWith = async (policy: Record<string, unknown>, signedIn: boolean) => {
    const registry = composeRegistries(builtinRegistry(), fixesRegistry());
    const file = new URL('../../../troubleshooters/password-reset.yaml', import.meta.url).pathname;
    const loaded = await loadTroubleshooterFile(file, registry);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const opened: string[] = [];
    const events: RunEvent[] = [];
    for await (const event of run(
      loaded.troubleshooter,
      {
        exec: createNodeExec(),
        elevation: { request: async () => false },
        interaction: { ask: async () => signedIn, consent: async () => false },
        urlOpener: { open: async (url) => (opened.push(url), true) },
      },
      { registry, catalogDir: '/nonexistent', platform: 'linux', lang: 'en', policy, env: { USER: userInfo().username, PATH: process.env.PATH } },
    ))
      events.push(event);
    return { opened, events };
  };

  it('opens the policy URL through the URL opener and resolves when the employee can sign in', async () => {
    const { opened, events } = await runWith({ passwordResetUrl: 'https://sspr.contoso.example/reset' }, true);
    expect(opened).toEqual(['https://sspr.contoso.example/reset']);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'resolved' });
  });

  it('never opens a broken policy URL and tells the employee to contact IT', async () => {
    const { opened, events } = await runWith({ passwordResetUrl: 'http://sspr.contoso.example/reset' }, true);
    expect(opened).toEqual([]);
    expect(events.some((e) => e.type === 'info' && e.text.startsWith('You cannot reset your password yourself here.'))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'needs-human' });
  });
});
