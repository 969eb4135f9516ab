/** A corrupt outage file found by the app is moved aside and the move is in the app log (DESIGN "Data kept on the machine"). */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline } from '../../../app/compose.ts';
import { createDispatcher } from '../../../app/dispatcher.ts';
import { createLogger } from '../../../core/log.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('logs the move of an unreadable outage feed cache and still lists no outages', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-outage-corrupt-'));
  dirs.push(dir);
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir);
  writeFileSync(path.join(dataDir, 'outage-feed.json'), '{"url": "http://127.0.0.1:1/feed.json", "feed": ');
  const lines: string[] = [];
  const log = createLogger({ redact: (s) => s, echo: (line) => lines.push(line) });
  const app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir,
    catalogDir,
    locale: 'en-GB',
    platform: 'linux',
    log,
    env: { PATH: process.env.PATH, FIRSTLINE_POLICY_FILE: path.join(dir, 'no-policy.json') },
    machineSecrets: { linuxFile: path.join(dir, 'no-secrets.json') },
  });
  try {
    await expect(createDispatcher(app.handlers, log)('outage:list', { lang: 'en' }, { trusted: true })).resolves.toEqual({ ok: true, value: [] });
    const moved = readdirSync(dataDir).filter((f) => f.startsWith('outage-feed.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(lines.some((l) => l.includes('outage: unreadable state file moved aside') && l.includes('invalid-json') && l.includes(moved[0] ?? '?'))).toBe(true);
  } finally {
    await app.dispose();
  }
});
