/**
 * A troubleshooter declares what its ticket needs (`ticket: { attach: [printer-snapshot] }`); the
 * ticket service collects exactly that and never guesses from the category (issue 17).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTicketDesk, ticketTroubleshooter } from '../../../app/tickets.ts';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { loadTroubleshooterFile, loadTroubleshooterText } from '../../../core/engine/loader.ts';
import type { SecretStore } from '../../../core/secrets/secret-store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { createTicketService, type TicketTroubleshooter } from '../../../core/tickets/service.ts';
import type { MachineSnapshot } from '../../../core/tickets/snapshot.ts';

const registry = fullActionRegistry();
const catalog = path.resolve(import.meta.dirname, '../../../troubleshooters');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const head = ['id: t', 'version: "1.0.0"', 'title: { en: T, nl: T, fr: T, de: T }', 'summary: { en: S, nl: S, fr: S, de: S }', 'platforms: [linux]', 'category: printing'];
const body = ['steps:', '  - id: i', '    type: info', '    title: { en: I, nl: I, fr: I, de: I }', '    text: { en: I, nl: I, fr: I, de: I }'];
const loadText = (ticket: string[]) => loadTroubleshooterText([...head, ...ticket, ...body].join('\n'), 'inline.yaml', registry);

describe('a troubleshooter declares what its ticket needs', () => {
  it('accepts ticket.attach with a known attachment', () => {
    const result = loadText(['ticket:', '  attach: [printer-snapshot]']);
    expect(result.ok && result.troubleshooter.ticket).toEqual({ attach: ['printer-snapshot'] });
  });

  it('refuses an unknown attachment, an unknown key and a repeated entry, each at its line', () => {
    for (const [ticket, line] of [
      [['ticket:', '  attach: [printer-logs]'], 8],
      [['ticket:', '  attach: [printer-snapshot]', '  screenshot: true'], 9],
      [['ticket:', '  attach: [printer-snapshot, printer-snapshot]'], 8],
    ] as const) {
      const result = loadText([...ticket]);
      expect(result.ok, ticket.join(' ')).toBe(false);
      if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error' && d.line === line)).toBe(true);
    }
  });

  it('the built-in printer troubleshooter declares the printer snapshot; the others ask for nothing extra', async () => {
    const printer = await loadTroubleshooterFile(path.join(catalog, 'printer-queue.yaml'), registry);
    expect(printer.ok && printer.troubleshooter.ticket?.attach).toEqual(['printer-snapshot']);
    const network = await loadTroubleshooterFile(path.join(catalog, 'network.yaml'), registry);
    expect(network.ok && network.troubleshooter.ticket).toBeUndefined();
  });
});

describe('the ticket service collects what was declared', () => {
  const secrets: SecretStore = { get: async () => undefined, set: async () => undefined, delete: async () => undefined, names: async () => [] };
  const facts: MachineSnapshot = { os: 'Linux', osVersion: '6', hostname: 'pc-01', user: 'u', uptimeSeconds: 60, disks: [], network: [] };

  async function desk(troubleshooter: TicketTroubleshooter) {
    const captures: Array<{ printer: boolean }> = [];
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fl-ticket-needs-'));
    dirs.push(dataDir);
    const service = await createTicketService({
      config: ticketConfigSchema.parse({ connector: { type: 'mailto', to: 'it@example.com' } }),
      dataDir,
      secrets,
      snapshot: { capture: async (options) => (captures.push(options), { ...facts, ...(options.printer ? { defaultPrinter: 'Office-2F' } : {}) }) },
    });
    const tickets = createTicketDesk({ service, troubleshooter: (id) => (id === troubleshooter.id ? troubleshooter : undefined) });
    const events: RunEvent[] = [
      { runId: 'run-1', seq: 0, at: '2026-12-01T00:00:00.000Z', type: 'run-started', troubleshooterId: troubleshooter.id, version: '1.0.0', title: 'T', lang: 'en', platform: 'linux', dryRun: false },
      { runId: 'run-1', seq: 1, at: '2026-12-01T00:00:01.000Z', type: 'run-finished', outcome: 'not-resolved', durationMs: 1000 },
    ];
    tickets.keepTranscript(events);
    return { tickets, captures };
  }

  it('adds the printers when the troubleshooter declares printer-snapshot (the real printer-queue, as the app maps it)', async () => {
    const loaded = await loadTroubleshooterFile(path.join(catalog, 'printer-queue.yaml'), registry);
    if (!loaded.ok) throw new Error('printer-queue.yaml does not load');
    const { tickets, captures } = await desk(ticketTroubleshooter(loaded.troubleshooter, 'en'));
    const { draft } = await tickets.draft({ lang: 'en', runId: 'run-1' });
    expect(captures).toEqual([{ printer: true }]);
    expect(draft.details).toContain('Office-2F');
  });

  it('does not collect printers for a printing category that declared nothing (no guess from the category)', async () => {
    const { tickets, captures } = await desk({ id: 'org-printing', title: 'Printing', category: 'printing' });
    const { draft } = await tickets.draft({ lang: 'en', runId: 'run-1' });
    expect(captures).toEqual([{ printer: false }]);
    expect(draft.details).not.toContain('Office-2F');
  });
});
