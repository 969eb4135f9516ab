/**
 * The contract's handlers, built from core services. Both the Electron main process and the
 * browser host register exactly this object, so they cannot drift apart.
 */
import type { AppInfo, TroubleshooterSummary } from '../contract/index.ts';
import type { Lang } from '../core/engine/action.ts';
import type { Handlers } from './dispatcher.ts';
import type { RunManager } from './runs.ts';

export type CatalogView = {
  list(lang: Lang): TroubleshooterSummary[];
  has(id: string): boolean;
};

export type AppServices = {
  info(): AppInfo;
  catalog: CatalogView;
  runs: RunManager;
};

export function createHandlers(services: AppServices): Handlers {
  return {
    'app:info': () => services.info(),
    'catalog:list': ({ lang }) => services.catalog.list(lang),
    'run:start': ({ troubleshooterId, lang, dryRun }) => services.runs.start(troubleshooterId, lang, dryRun ?? false),
    'run:answer': ({ runId, stepId, value }) => services.runs.answer(runId, stepId, value),
    'run:consent': ({ runId, stepId, granted }) => services.runs.consent(runId, stepId, granted),
    'run:cancel': ({ runId }) => services.runs.cancel(runId),
  };
}
