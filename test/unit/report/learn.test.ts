/**
 * "What IT learns" (issue 15): each figure of `firstline report` and the OTLP export, from run
 * history, activity.json and outbox.json — and nothing personal in any of them.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../../core/report/activity.ts';
import { learningToText } from '../../../core/report/format.ts';
import { buildLearning, parseActivity, parseOutbox, ticketDiagnosis, type OutboxTicket } from '../../../core/report/learn.ts';
import type { RunHistoryRecord } from '../../../core/report/types.ts';
import { eventFromActivity, eventFromRecord, toOtlpLogs } from '../../../core/telemetry/otlp.ts';
import { reportCommand } from '../../../cli/commands/report.ts';

const run = (runId: string, over: Partial<RunHistoryRecord> = {}): RunHistoryRecord => ({
  runId,
  troubleshooterId: 'sound-mic',
  category: 'audio-video',
  outcome: 'resolved',
  startedAt: '2026-11-30T10:00:00.000Z',
  finishedAt: '2026-11-30T10:01:00.000Z',
  ticketCreated: false,
  ...over,
});
const at = '2026-11-30T10:00:00.000Z';
const ticket = (category: string | undefined, over: Partial<OutboxTicket['draft']> = {}): OutboxTicket => ({
  state: 'delivered',
  queuedAt: at,
  draft: { ...(category === undefined ? {} : { category }), attachments: [], ...over },
});

describe('searches that led nowhere', () => {
  it('are counted by normalized words, most frequent first, and lose digits, addresses and capitalised names even from a hand-edited file', () => {
    const activity: ActivityRecord[] = [
      { type: 'search-missed', terms: 'beamer flikkert', at },
      { type: 'search-missed', terms: 'beamer flikkert', at },
      { type: 'search-missed', terms: 'scanner', at },
      // Written by an older version or by hand: the report normalizes again.
      { type: 'search-missed', terms: 'scanner of Jan 0471123456 jan@example.com', at },
      { type: 'search-missed', terms: '0471 123 456', at },
    ];
    const learning = buildLearning({ runs: [], activity, tickets: [] });
    expect(learning.missedSearches).toEqual([
      { terms: 'beamer flikkert', count: 2 },
      { terms: 'scanner', count: 2 },
    ]);
    expect(JSON.stringify(learning)).not.toMatch(/Jan|047|example/);
  });

  it('keeps only the top entries', () => {
    const activity: ActivityRecord[] = ['aa', 'bb', 'cc'].map((terms) => ({ type: 'search-missed', terms, at }));
    expect(buildLearning({ runs: [], activity, tickets: [], topSearches: 2 }).missedSearches).toHaveLength(2);
  });
});

describe('articles and "Did this help?"', () => {
  it('counts views and answers per article, and answers after fixes per troubleshooter', () => {
    const activity: ActivityRecord[] = [
      { type: 'article-viewed', articleId: 'projector-second-screen', at },
      { type: 'article-viewed', articleId: 'projector-second-screen', at },
      { type: 'article-feedback', articleId: 'projector-second-screen', helpful: false, at },
      { type: 'article-viewed', articleId: 'phishing-email', at },
      { type: 'article-feedback', articleId: 'phishing-email', helpful: true, at },
    ];
    const runs = [run('a', { helpful: true }), run('b', { helpful: false }), run('c', { helpful: false, troubleshooterId: 'camera', category: 'audio-video' }), run('d')];
    const learning = buildLearning({ runs, activity, tickets: [] });
    expect(learning.articles).toEqual([
      { articleId: 'projector-second-screen', views: 2, helpful: 0, notHelpful: 1 },
      { articleId: 'phishing-email', views: 1, helpful: 1, notHelpful: 0 },
    ]);
    expect(learning.feedback).toEqual({
      runs: {
        helpful: 1,
        notHelpful: 2,
        byTroubleshooter: [
          { troubleshooterId: 'camera', helpful: 0, notHelpful: 1 },
          { troubleshooterId: 'sound-mic', helpful: 1, notHelpful: 1 },
        ],
      },
      articles: { helpful: 1, notHelpful: 1 },
    });
  });
});

describe('question types and diagnosis of the tickets sent', () => {
  it('counts the category of every ticket in the outbox, an empty one as uncategorised', () => {
    const learning = buildLearning({ runs: [], activity: [], tickets: [ticket('printing'), ticket('network'), ticket('printing'), ticket(undefined), ticket('  ')] });
    expect(learning.questionTypes).toEqual([
      { category: 'printing', tickets: 2 },
      { category: 'uncategorised', tickets: 2 },
      { category: 'network', tickets: 1 },
    ]);
  });

  it('calls a diagnosis full only with a run that reached its verdict and its transcript attached', () => {
    const runs = new Map([
      ['r-verdict', run('r-verdict', { outcome: 'needs-human', ticketCreated: true })],
      ['r-broke', run('r-broke', { outcome: 'error', ticketCreated: true })],
      ['r-cancel', run('r-cancel', { outcome: 'cancelled', ticketCreated: true })],
    ]);
    const transcript = [{ filename: 'transcript.txt' }];
    expect(ticketDiagnosis(ticket('audio-video', { runId: 'r-verdict', attachments: transcript }), runs)).toBe('full');
    expect(ticketDiagnosis(ticket('audio-video', { runId: 'r-verdict' }), runs)).toBe('partial');
    expect(ticketDiagnosis(ticket('audio-video', { runId: 'r-broke', attachments: transcript }), runs)).toBe('partial');
    expect(ticketDiagnosis(ticket('audio-video', { runId: 'r-cancel', attachments: transcript }), runs)).toBe('partial');
    // The history is bounded: an old run is no longer there, its transcript still is.
    expect(ticketDiagnosis(ticket('audio-video', { runId: 'r-gone', attachments: transcript }), runs)).toBe('full');
    expect(ticketDiagnosis(ticket('audio-video'), runs)).toBe('none');

    const learning = buildLearning({
      runs: [...runs.values()],
      activity: [],
      tickets: [ticket('x', { runId: 'r-verdict', attachments: transcript }), ticket('x', { runId: 'r-broke', attachments: transcript }), ticket('x'), ticket('x')],
    });
    expect(learning.diagnosis).toEqual({ tickets: 4, full: 1, partial: 1, none: 2, fullShare: 0.25 });
    expect(buildLearning({ runs: [], activity: [], tickets: [] }).diagnosis.fullShare).toBeNull();
  });
});

describe('time from opening Firstline to a fix', () => {
  it('is the median over fixes without a ticket, from the opening when known, else from the start of the run', () => {
    const runs = [
      run('a', { openedAt: '2026-11-30T09:58:00.000Z' }), // 180 s from opening
      run('b'), // 60 s from the start, opening unknown
      run('c', { openedAt: '2026-11-30T09:55:00.000Z', finishedAt: '2026-11-30T10:00:00.000Z' }), // 300 s
      run('d', { outcome: 'resolved', ticketCreated: true, openedAt: '2026-11-30T09:00:00.000Z' }), // a ticket: not a fix
      run('e', { outcome: 'not-resolved' }),
    ];
    expect(buildLearning({ runs, activity: [], tickets: [] }).timeToFix).toEqual({ fixes: 3, medianSeconds: 180, measuredFromOpening: 2 });
    expect(buildLearning({ runs: [], activity: [], tickets: [] }).timeToFix).toEqual({ fixes: 0, medianSeconds: null, measuredFromOpening: 0 });
  });
});

describe('reading the files', () => {
  it('skips and counts records that do not have the expected shape', () => {
    expect(parseActivity({ records: [{ type: 'search-missed', terms: 'x y', at }, { type: 'nope' }] })).toMatchObject({ skipped: 1 });
    expect(parseOutbox({ version: 1, entries: [ticket('a'), { draft: 3 }] })).toMatchObject({ skipped: 1 });
    expect(parseActivity('garbage')).toEqual({ records: [], skipped: 0 });
  });

  it('firstline report prints every figure from the files next to the history', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'firstline-learn-'));
    await writeFile(
      path.join(dir, 'history.json'),
      JSON.stringify({ runs: [run('a', { openedAt: '2026-11-30T09:59:00.000Z', helpful: true }), run('b', { outcome: 'needs-human', ticketCreated: true })] }),
    );
    await writeFile(
      path.join(dir, 'activity.json'),
      JSON.stringify({
        records: [
          { type: 'search-missed', terms: 'beamer', at },
          { type: 'article-viewed', articleId: 'phishing-email', at },
        ],
      }),
    );
    await writeFile(path.join(dir, 'outbox.json'), JSON.stringify({ version: 1, entries: [ticket('audio-video', { runId: 'b', attachments: [{}] }), ticket('printing')] }));
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: () => undefined };
    expect(await reportCommand(['--history', path.join(dir, 'history.json')], io, { now: () => new Date(at) })).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Searches that found nothing');
    expect(text).toMatch(/1 {2}beamer/);
    expect(text).toMatch(/phishing-email\s+1\s+0\s+0/);
    expect(text).toContain('"Was this helpful?" after a fix: 1 yes, 0 no');
    expect(text).toMatch(/audio-video\s+1/);
    expect(text).toContain('Time from opening Firstline to a fix (median of 1 fixes without a ticket): 120 s');
    expect(text).toContain('Tickets with a full diagnosis: 1 of 2 (50.0%)');

    out.length = 0;
    expect(await reportCommand(['--json', '--history', path.join(dir, 'history.json')], io, { now: () => new Date(at) })).toBe(0);
    const json = JSON.parse(out.join('')) as { learning: { diagnosis: { fullShare: number }; questionTypes: unknown[] } };
    expect(json.learning.diagnosis.fullShare).toBe(0.5);
    expect(json.learning.questionTypes).toHaveLength(2);
  });

  it('says when nothing was recorded yet', () => {
    const text = learningToText(buildLearning({ runs: [], activity: [], tickets: [] }));
    expect(text).toContain('none recorded');
    expect(text).toContain('no tickets sent');
    expect(text).toContain('Tickets with a full diagnosis: 0 of 0 (—)');
  });
});

describe('OTLP export of what IT learns', () => {
  const attributes = (events: Parameters<typeof toOtlpLogs>[0]) =>
    toOtlpLogs(events, { appVersion: '1.0.0', platform: 'linux' }).resourceLogs[0]!.scopeLogs[0]!.logRecords.map((r) => ({
      name: r.eventName,
      attributes: Object.fromEntries(r.attributes.map((a) => [a.key, Object.values(a.value)[0]])),
    }));

  it('sends missed searches (normalized at the border), articles, answers, tickets and time from opening', () => {
    const records = attributes([
      eventFromActivity({ type: 'search-missed', terms: 'beamer Peeters 0471123456', at }),
      eventFromActivity({ type: 'search-missed', terms: '0471 123', at }),
      eventFromActivity({ type: 'article-viewed', articleId: 'phishing-email', at }),
      eventFromActivity({ type: 'article-feedback', articleId: 'phishing-email', helpful: false, at }),
      { kind: 'run-feedback', troubleshooterId: 'camera', category: 'audio-video', helpful: true, at },
      { kind: 'ticket-sent', category: 'printing', diagnosis: 'full', troubleshooterId: 'printer-queue', at },
      eventFromRecord(run('a', { openedAt: '2026-11-30T09:59:30.000Z' })),
    ]);
    expect(records).toEqual([
      { name: 'firstline.search.missed', attributes: { 'firstline.search.terms': 'beamer' } },
      { name: 'firstline.article.viewed', attributes: { 'firstline.article.id': 'phishing-email' } },
      { name: 'firstline.article.feedback', attributes: { 'firstline.article.id': 'phishing-email', 'firstline.feedback.helpful': false } },
      { name: 'firstline.run.feedback', attributes: { 'firstline.troubleshooter.id': 'camera', 'firstline.troubleshooter.category': 'audio-video', 'firstline.feedback.helpful': true } },
      { name: 'firstline.ticket.sent', attributes: { 'firstline.ticket.category': 'printing', 'firstline.ticket.diagnosis': 'full', 'firstline.troubleshooter.id': 'printer-queue' } },
      {
        name: 'firstline.run.finished',
        attributes: {
          'firstline.troubleshooter.id': 'sound-mic',
          'firstline.troubleshooter.category': 'audio-video',
          'firstline.run.outcome': 'resolved',
          'firstline.run.duration_ms': '60000',
          'firstline.run.ticket_created': false,
          'firstline.run.from_opening_ms': '90000',
        },
      },
    ]);
  });
});
