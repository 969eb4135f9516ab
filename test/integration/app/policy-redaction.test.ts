/**
 * The policy key `redactionPatterns` is removed "from tickets and logs" (#11): a value matching it
 * never reaches the draft, the helpdesk request, outbox.json or the log.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline } from '../../../app/compose.ts';
import { createDispatcher } from '../../../app/dispatcher.ts';
import { createLogger } from '../../../core/log.ts';
import { sendJson, startHelpdesk } from '../tickets/helpdesk-server.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('removes a policy pattern match from the draft, the webhook body, outbox.json and the log', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-policy-redaction-'));
  dirs.push(dir);
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir);
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ redactionPatterns: ['EMP-\\d{6}'] }));
  const server = await startHelpdesk((_req, res) => sendJson(res, 200, { id: 't-1', number: 'T-1' }));
  const lines: string[] = [];
  const log = createLogger({ redact: (s) => s, level: 'debug', echo: (line) => lines.push(line) });
  const app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir,
    catalogDir,
    platform: 'linux',
    log,
    ticketConfig: { connector: { type: 'webhook', url: `${server.url}/hook` } },
    env: { PATH: process.env.PATH, FIRSTLINE_POLICY_FILE: policyFile },
  });
  try {
    const call = createDispatcher(app.handlers, log);
    const drafted = (await call('ticket:draft', { lang: 'en', userText: 'My badge EMP-123456 does not open the door' }, { trusted: true })) as { ok: true; value: { draft: { clientId: string } } };
    expect(drafted.ok).toBe(true);
    expect(JSON.stringify(drafted.value)).not.toContain('EMP-123456');
    const sent = await call('ticket:send', { clientId: drafted.value.draft.clientId, title: 'Badge EMP-654321 refused', userText: 'again EMP-123456' }, { trusted: true });
    expect(sent, JSON.stringify(sent) + lines.join('\n')).toMatchObject({ ok: true });
    const bodies = server.requests.map((r) => r.raw.toString('utf8')).join('\n');
    expect(bodies).toContain('[REDACTED]');
    expect(bodies).not.toMatch(/EMP-\d{6}/);
    expect(readFileSync(path.join(dataDir, 'outbox.json'), 'utf8')).not.toMatch(/EMP-\d{6}/);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/EMP-\d{6}/);
  } finally {
    await app.dispose();
    await server.close();
  }
});
