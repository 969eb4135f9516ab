import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runEventSchema } from '../../../core/engine/events.ts';
import { buildMailtoUrl, MAILTO_URL_BUDGET } from '../../../core/tickets/connectors/mailto.ts';
import { buildDraft, finaliseDraft, ticketBody, truncateTitle } from '../../../core/tickets/draft.ts';
import { createTicketRedactor } from '../../../core/tickets/redaction.ts';
import type { MachineSnapshot } from '../../../core/tickets/snapshot.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/tickets/${name}`, import.meta.url), 'utf8'));
const events = z.array(runEventSchema).parse(fixture('printer-run-events.json'));
const snapshot = fixture('snapshot.json') as MachineSnapshot;
const CANARY = 'CANARY-policy-s3cr3t-77';
const redactor = createTicketRedactor({ secrets: [CANARY] });
const now = new Date('2026-11-24T09:30:00Z');

describe('truncateTitle', () => {
  it('cuts on a word boundary and adds an ellipsis within the limit', () => {
    const t = truncateTitle('The printer on the second floor keeps printing blank pages after the weekend update of the driver', 80);
    expect(t.length).toBeLessThanOrEqual(80);
    expect(t.endsWith('…')).toBe(true);
    expect(t).toBe('The printer on the second floor keeps printing blank pages after the weekend…');
  });

  it('leaves short titles alone and never exceeds any helpdesk limit', () => {
    expect(truncateTitle('  VPN   down ', 80)).toBe('VPN down');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(80, 150, 254), (title, limit) => {
        expect(truncateTitle(title, limit).length).toBeLessThanOrEqual(limit);
      }),
    );
  });
});

describe('buildDraft', () => {
  const withCanary = [
    ...events.slice(0, -1),
    { type: 'info' as const, runId: 'run-7f3a', seq: 90, at: '2026-11-24T09:11:00.000Z', stepId: 'x', text: `Mapped share with key ${CANARY}` },
    ...events.slice(-1),
  ];
  const draft = buildDraft(
    {
      clientId: '0d6c1f9e-5b7a-4c1e-9c7e-2f1f6a9b1234',
      now,
      lang: 'en',
      events: withCanary,
      troubleshooter: { id: 'printer-queue', title: 'Printer does not print', category: 'printing', urgency: 'high' },
      userText: 'I need to print the contracts before 11:00.',
      snapshot,
      titleLimit: 80,
    },
    redactor,
  );

  it('says what was tried: each check and finding, each fix, and whether verification passed', () => {
    expect(draft.title).toBe('Printer does not print (not resolved)');
    expect(draft.details).toContain('What was tried:');
    expect(draft.details).toContain('1. Check the print queue');
    expect(draft.details).toContain('Finding: 3 jobs are stuck in the queue');
    expect(draft.details).toContain('Troubleshooter: Printer does not print\n1. Check the print queue');
    expect(draft.details).toContain('   Fix: applied\n');
    expect(draft.details).toContain('Verification failed');
    expect(draft.details).toContain('Answer: Yes');
    expect(draft.details).toContain('Result: not resolved — The print queue stays blocked after clearing it.');
    expect(draft.category).toBe('printing');
    expect(draft.urgency).toBe('high');
  });

  it('includes the machine snapshot and the reference, and keeps the employee words first', () => {
    expect(draft.details).toContain('Operating system: Ubuntu 24.04');
    expect(draft.details).toContain('Computer name: LT-0042');
    expect(draft.details).toContain('Free disk space /: 12 GB of 256 GB');
    expect(draft.details).toContain('Network: wlp2s0 (Wi-Fi) 10.0.0.12, default route');
    expect(draft.details).toContain('Default printer: Office-2F');
    expect(draft.details).toContain('Firstline reference: 0d6c1f9e-5b7a-4c1e-9c7e-2f1f6a9b1234');
    expect(ticketBody(draft).startsWith('I need to print the contracts before 11:00.\n\n')).toBe(true);
  });

  it('attaches the transcript as text and redacts policy secrets everywhere', () => {
    expect(draft.attachments).toHaveLength(1);
    expect(draft.attachments[0]?.filename).toBe('firstline-transcript.txt');
    expect(draft.attachments[0]?.content).toContain('printer.clear-queue');
    expect(JSON.stringify(draft)).not.toContain(CANARY);
    expect(draft.attachments[0]?.content).toContain('[REDACTED]');
  });

  it('re-redacts and re-limits text the employee edited', () => {
    const edited = { ...draft, title: 'x '.repeat(100), userText: `my password is ${CANARY}` };
    const final = finaliseDraft(edited, redactor, 80);
    expect(final.title.length).toBeLessThanOrEqual(80);
    expect(final.userText).not.toContain(CANARY);
  });

  it('drafts a "Contact IT" ticket without a run, in the employee language', () => {
    const contact = buildDraft({ clientId: 'c0ffee00-0000-4000-8000-000000000001', now, lang: 'nl', snapshot, titleLimit: 80 }, redactor);
    expect(contact.title).toBe('Hulpvraag vanaf LT-0042');
    expect(contact.details).toContain('Er is niets automatisch geprobeerd.');
    expect(contact.attachments).toEqual([]);
    const own = buildDraft({ clientId: 'c0ffee00-0000-4000-8000-000000000002', now, lang: 'fr', snapshot, titleLimit: 80, userText: '\nMon écran reste noir\nDepuis ce matin' }, redactor);
    expect(own.title).toBe('Mon écran reste noir');
  });
});

describe('mailto fallback', () => {
  it('keeps the body short and the reference in it', () => {
    const long = buildDraft({ clientId: 'c0ffee00-0000-4000-8000-000000000003', now, lang: 'en', events, snapshot, titleLimit: 80, userText: 'word '.repeat(600) }, redactor);
    const url = buildMailtoUrl('helpdesk@example.test', long);
    expect(url.startsWith('mailto:helpdesk@example.test?subject=')).toBe(true);
    const body = decodeURIComponent(url.split('&body=')[1] ?? '');
    // The whole encoded URL stays under Windows' ShellExecute limit (~2,080), reference included.
    expect(url.length).toBeLessThanOrEqual(MAILTO_URL_BUDGET);
    expect(url.length).toBeGreaterThan(MAILTO_URL_BUDGET - 200);
    expect(body).toContain('c0ffee00-0000-4000-8000-000000000003');
    expect(url).not.toContain('+');
  });

  it('fits text that percent-encoding inflates (accents, emoji) into the same budget', () => {
    const long = buildDraft(
      { clientId: 'c0ffee00-0000-4000-8000-000000000004', now, lang: 'fr', events, snapshot, titleLimit: 80, userText: 'Écran noir après la mise à jour 😡 '.repeat(200) },
      redactor,
    );
    const url = buildMailtoUrl('helpdesk@example.test', long);
    expect(url.length).toBeLessThanOrEqual(MAILTO_URL_BUDGET);
    expect(decodeURIComponent(url)).toContain('c0ffee00-0000-4000-8000-000000000004');
  });

  it('leaves a short ticket whole', () => {
    const short = buildDraft({ clientId: 'c0ffee00-0000-4000-8000-000000000005', now, lang: 'en', events: [], snapshot, titleLimit: 80, userText: 'Printer jammed.' }, redactor);
    expect(decodeURIComponent(buildMailtoUrl('helpdesk@example.test', short).split('&body=')[1] ?? '')).toBe(`Printer jammed.\n\n${short.details}`);
  });
});

describe('titles and mail links with emoji', () => {
  it('never cut an emoji in half, so the mailto link can always be built', async () => {
    const { truncateTitle } = await import('../../../core/tickets/draft.ts');
    const { buildMailtoUrl } = await import('../../../core/tickets/connectors/mailto.ts');
    const title = truncateTitle('🖨️'.repeat(60), 80);
    expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const draft = {
      title: `broken ${'😡'.repeat(60)}\uD83D`,
      clientId: 'client-0001',
      userText: '',
      details: `ref client-0001\n${'📄'.repeat(2000)}`,
      urgency: 'normal' as const,
      attachments: [],
      createdAt: '2026-11-24T10:00:00Z',
    };
    const url = buildMailtoUrl('it@example.com', draft);
    expect(url.startsWith('mailto:it@example.com?subject=')).toBe(true);
    expect(decodeURIComponent(url).includes('\uFFFD')).toBe(true);
  });
});
