/**
 * The password fix through the app: without a policy URL the link goes to Microsoft Entra's
 * self-service page, which the app's allowlist admits; a policy URL replaces it, and a host that
 * is not allowed is never handed to the OS. The opener is recorded: nothing is opened for real.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline, type Firstline } from '../../../app/compose.ts';
import { createDispatcher } from '../../../app/dispatcher.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { createLogger } from '../../../core/log.ts';
import { repoRoot } from '../../support/host-fixture.ts';

let dir: string | undefined;
let app: Firstline | undefined;
afterEach(async () => {
  await app?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function runPasswordFix(policy: Record<string, unknown>) {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-pw-'));
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(policy));
  const opened: string[] = [];
  const events: RunEvent[] = [];
  let finish: (e: RunEvent) => void = () => undefined;
  const finished = new Promise<RunEvent>((resolve) => (finish = resolve));
  const log = createLogger({ redact: (s) => s });
  app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir: path.join(dir, 'data'),
    catalogDir: path.join(repoRoot, 'troubleshooters'),
    emit: (name, payload) => {
      if (name !== 'run:event') return;
      const event = payload as RunEvent;
      events.push(event);
      if (event.type === 'question') void dispatch('run:answer', { runId: event.runId, stepId: event.stepId, value: true }, { trusted: true });
      if (event.type === 'run-finished') finish(event);
    },
    openUrl: async (url) => {
      opened.push(url);
      return true;
    },
    log,
    env: { PATH: process.env.PATH, HOME: dir, FIRSTLINE_POLICY_FILE: policyFile },
  });
  const dispatch = createDispatcher(app.handlers, log);
  await dispatch('run:start', { troubleshooterId: 'password-reset', lang: 'en' }, { trusted: true });
  return { outcome: await finished, opened, events };
}

describe('password reset link through the app', () => {
  it('opens Microsoft Entra self-service password reset when policy names no page', async () => {
    const { outcome, opened } = await runPasswordFix({});
    expect(opened).toEqual([expect.stringMatching(/^https:\/\/passwordreset\.microsoftonline\.com\/?$/)]);
    expect(outcome).toMatchObject({ outcome: 'resolved' });
  });

  it('opens the organisation page from policy instead', async () => {
    const { opened } = await runPasswordFix({ passwordResetUrl: 'https://sspr.example.org/reset' });
    expect(opened).toEqual(['https://sspr.example.org/reset']);
  });
});
