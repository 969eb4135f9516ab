/**
 * Builds the Firstline services from core for one host (Electron main or the browser host):
 * catalog, runs, and the contract handlers over them. Everything host-specific comes in as
 * options, so both hosts get identical behaviour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { TroubleshooterSummary } from '../contract/index.ts';
import type { Lang } from '../core/engine/action.ts';
import type { RunEvent } from '../core/engine/events.ts';
import { chooseLang, langs } from '../core/i18n/lang.ts';
import type { Logger } from '../core/log.ts';
import type { EventSink } from './dispatcher.ts';
import type { Handlers } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';
import { createRunManager, type StartRun } from './runs.ts';

export type FirstlineOptions = {
  host: 'electron' | 'browser-host';
  version: string;
  dataDir: string;
  catalogDir: string;
  locale?: string;
  emit: EventSink;
  openUrl(url: string, allowlist: readonly string[]): Promise<boolean>;
  log: Logger;
  platform?: NodeJS.Platform;
};

export type Firstline = { handlers: Handlers; lang: Lang; dispose(): void };

type Localized = Partial<Record<Lang, string | string[]>>;

function localized(value: unknown, lang: Lang): string {
  const v = (value ?? {}) as Localized;
  const picked = v[lang] ?? v.en ?? '';
  return Array.isArray(picked) ? picked.join(', ') : picked;
}

function readCatalog(dir: string): Array<Record<string, unknown>> {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));
  } catch {
    return [];
  }
  return files.map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>).filter((t) => typeof t?.id === 'string');
}

export async function createFirstline(options: FirstlineOptions): Promise<Firstline> {
  const lang = chooseLang({ osLocale: options.locale });
  const catalog = readCatalog(options.catalogDir);
  const byId = new Map(catalog.map((t) => [t.id as string, t]));

  const summaries = (l: Lang): TroubleshooterSummary[] =>
    catalog.map((t) => {
      const keywords = (t.keywords as Localized | undefined)?.[l] ?? (t.keywords as Localized | undefined)?.en ?? [];
      return {
        id: t.id as string,
        title: localized(t.title, l),
        summary: localized(t.summary, l),
        keywords: Array.isArray(keywords) ? keywords : [keywords],
        category: typeof t.category === 'string' ? t.category : 'general',
        searchText: Object.fromEntries(langs.map((x) => [x, [localized(t.title, x), localized(t.summary, x), localized(t.keywords, x)].join(' ')])),
      };
    });

  const startRun: StartRun = async function* (id, { runId }) {
    // Replaced by the engine runner when it lands (issue 3).
    const at = new Date().toISOString();
    const started: RunEvent = { type: 'run-started', runId, seq: 0, at, troubleshooterId: id, version: '0', title: id, lang, platform: process.platform, dryRun: false };
    yield started;
    yield { type: 'run-finished', runId, seq: 1, at, outcome: 'error', reason: 'engine not available', durationMs: 0 };
  };

  const runs = createRunManager({ startRun, exists: (id) => byId.has(id), emit: options.emit });
  const handlers = createHandlers({
    info: () => ({ name: 'Firstline', version: options.version, platform: options.platform ?? process.platform, host: options.host, lang, supportContact: {} }),
    catalog: { list: summaries, has: (id) => byId.has(id) },
    runs,
  });
  return { handlers, lang, dispose: () => runs.cancelAll() };
}
