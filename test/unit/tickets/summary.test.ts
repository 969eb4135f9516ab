/**
 * Issue 14: the "added for IT" box the employee sees before sending is a readable summary in
 * their language — no ids or versions, each finding once, Yes/No instead of true/false, the
 * choice's label instead of its value, skipped steps left out, sizes and durations through Intl.
 */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../core/engine/events.ts';
import type { Lang } from '../../../core/kernel/lang.ts';
import { ticketLabels } from '../../../core/tickets/labels.ts';
import type { MachineSnapshot } from '../../../core/tickets/snapshot.ts';
import { describeRun, describeSnapshot, formatDuration, formatSize } from '../../../core/tickets/summary.ts';

let seq = 0;
const at = '2026-12-01T09:00:00.000Z';
const ev = <T extends RunEvent['type']>(type: T, rest: Omit<Extract<RunEvent, { type: T }>, 'type' | 'runId' | 'seq' | 'at'>): RunEvent =>
  ({ type, runId: 'run-123456', seq: seq++, at, ...rest }) as unknown as RunEvent;

const run: RunEvent[] = [
  ev('run-started', { troubleshooterId: 'print-queue', version: '1.0.0', title: 'Printer does not print', lang: 'nl', platform: 'linux', dryRun: false }),
  ev('step-started', { stepId: 'which', kind: 'ask', title: 'Welke printer?' }),
  ev('question', { stepId: 'which', question: { type: 'choice', prompt: 'Welke printer?', choices: [{ value: 'office-2f', label: 'Printer 2de verdieping' }] } }),
  ev('answer', { stepId: 'which', value: 'office-2f' }),
  ev('step-finished', { stepId: 'which', status: 'passed' }),
  ev('step-started', { stepId: 'on', kind: 'ask', title: 'Staat de printer aan?' }),
  ev('answer', { stepId: 'on', value: true }),
  ev('step-finished', { stepId: 'on', status: 'passed' }),
  ev('step-started', { stepId: 'queue', kind: 'check', title: 'De wachtrij controleren' }),
  ev('action-result', { stepId: 'queue', phase: 'check', action: 'printer.queue', ok: false, skipped: false, result: {}, finding: '3 taken zitten vast', durationMs: 5 }),
  ev('consent-requested', { stepId: 'queue', changes: ['De wachtrij leegmaken'], elevation: false }),
  ev('consent-refused', { stepId: 'queue' }),
  ev('step-finished', { stepId: 'queue', status: 'refused', finding: '3 taken zitten vast' }),
  ev('step-started', { stepId: 'windows-only', kind: 'check', title: 'Windows-afdrukservice' }),
  ev('step-finished', { stepId: 'windows-only', status: 'skipped' }),
  ev('run-finished', { outcome: 'not-resolved', reasonCode: 'declined', durationMs: 900 }),
];

const snapshot: MachineSnapshot = {
  os: 'Windows',
  osVersion: '11',
  hostname: 'LT-0042',
  user: 'an',
  uptimeSeconds: 10 * 60,
  disks: [{ mount: 'C:', freeBytes: 76.8 * 1024 ** 3, sizeBytes: 476 * 1024 ** 3 }],
  network: [{ iface: 'Ethernet', ip4: '10.0.0.5', type: 'wired', isDefault: true, up: true }],
};

describe('the readable "added for IT" summary', () => {
  const text = describeRun(run, ticketLabels.nl);

  it('lists the steps that ran, each finding once, answers as words, and leaves skipped steps out', () => {
    expect(text).toBe(
      [
        'Probleemoplosser: Printer does not print',
        '1. Welke printer?',
        '   Antwoord: Printer 2de verdieping',
        '2. Staat de printer aan?',
        '   Antwoord: Ja',
        '3. De wachtrij controleren',
        '   Bevinding: 3 taken zitten vast',
        '   De medewerker heeft deze wijziging geweigerd',
        'Resultaat: niet opgelost',
      ].join('\n'),
    );
    for (const raw of ['true', 'office-2f', '1.0.0', 'print-queue', 'Windows-afdrukservice', '{', '"']) expect(text).not.toContain(raw);
  });

  it('words the computer facts in each language, numbers through Intl', () => {
    const facts = (lang: Lang) => describeSnapshot(snapshot, ticketLabels[lang], lang);
    expect(facts('en')).toContain('Running for: 10 minutes');
    expect(facts('en')).toContain('Free disk space C:: 76.8 GB of 476 GB');
    expect(facts('en')).toContain('Network: Ethernet (cable) 10.0.0.5, default route');
    expect(facts('nl')).toContain('Aan sinds: 10 minuten');
    expect(facts('nl')).toContain('Vrije schijfruimte C:: 76,8 GB van 476 GB');
    expect(facts('nl')).toContain('Netwerk: Ethernet (kabel)');
    expect(facts('fr')).toMatch(/Espace disque libre C:: 76,8\s?Go sur 476\s?Go/);
    expect(facts('de')).toMatch(/Freier Speicherplatz C:: 76,8\sGB von 476\sGB/u);
    for (const lang of ['nl', 'fr', 'de'] as const) expect(facts(lang)).not.toMatch(/\(wired\)|\d+h \d+m|GiB/);
  });

  it('durations read as words with real plurals', () => {
    expect(formatDuration(0, 'en')).toBe('0 minutes');
    expect(formatDuration(60, 'en')).toBe('1 minute');
    expect(formatDuration(86400 + 2 * 3600 + 300, 'en')).toBe('1 day, 2 hours');
    expect(formatDuration(2 * 86400 + 3600, 'nl')).toBe('2 dagen en 1 uur');
    expect(formatDuration(86400, 'fr')).toMatch(/^1\s?jour$/u);
    expect(formatDuration(3 * 3600 + 60, 'de')).toBe('3 Stunden, 1 Minute');
    expect(formatSize(512 * 1024 ** 2, 'en')).toBe('512 MB');
  });
});
