/**
 * History and settings follow the outbox rule (#11): one invalid item or field is moved aside
 * alone, the rest is kept; an unreadable file is moved aside whole — and either way the app log
 * says so (README: "a corrupt file is moved aside … and reported").
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

async function start(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-store-reports-'));
  dirs.push(dir);
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dataDir, name), text);
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
  const call = (channel: string, args: unknown) => createDispatcher(app.handlers, log)(channel as never, args as never, { trusted: true });
  return { app, dataDir, lines, call };
}

const run = (runId: string) => ({
  runId,
  troubleshooterId: 'printer-queue',
  category: 'printing',
  outcome: 'resolved',
  startedAt: '2026-11-20T09:00:00Z',
  finishedAt: '2026-11-20T09:01:00Z',
  ticketCreated: false,
});

it('keeps the valid runs and the valid settings when one item is invalid, moves the rest aside and logs it', async () => {
  const history = JSON.stringify({ runs: [run('r-1'), { ...run('r-2'), outcome: 'exploded' }, run('r-3')] });
  const settings = JSON.stringify({ version: 1, language: 'klingon' });
  const { app, dataDir, lines, call } = await start({ 'history.json': history, 'settings.json': settings });
  try {
    const listed = (await call('history:list', {})) as { ok: true; value: { runId: string }[] };
    expect(listed.value.map((r) => r.runId)).toEqual(['r-3', 'r-1']);
    const got = (await call('settings:get', {})) as { ok: true; value: { language: string } };
    expect(got.value.language).toBe('auto');
    const files = readdirSync(dataDir);
    const historyAside = files.find((f) => f.startsWith('history.invalid-')) as string;
    const settingsAside = files.find((f) => f.startsWith('settings.invalid-')) as string;
    expect(readFileSync(path.join(dataDir, historyAside), 'utf8')).toContain('exploded');
    expect(readFileSync(path.join(dataDir, settingsAside), 'utf8')).toContain('klingon');
    expect(lines.some((l) => l.includes('history') && l.includes('invalid-entries') && l.includes(historyAside))).toBe(true);
    expect(lines.some((l) => l.includes('settings') && l.includes('invalid-entries') && l.includes(settingsAside))).toBe(true);
  } finally {
    await app.dispose();
  }
});

it('logs an unreadable history.json and settings.json moved aside', async () => {
  const { app, dataDir, lines } = await start({ 'history.json': '{"runs": [}', 'settings.json': '' });
  try {
    const files = readdirSync(dataDir);
    const historyAside = files.find((f) => f.startsWith('history.corrupt-')) as string;
    const settingsAside = files.find((f) => f.startsWith('settings.corrupt-')) as string;
    expect(historyAside).toBeDefined();
    expect(settingsAside).toBeDefined();
    expect(lines.some((l) => l.includes('history') && l.includes('invalid-json') && l.includes(historyAside))).toBe(true);
    expect(lines.some((l) => l.includes('settings') && l.includes('empty') && l.includes(settingsAside))).toBe(true);
  } finally {
    await app.dispose();
  }
});
