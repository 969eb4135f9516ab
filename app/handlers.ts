/**
 * The contract's handlers, built from core services. Both the Electron main process and the
 * browser host register exactly this object, so they cannot drift apart.
 */
import type { AppInfo } from '../contract/index.ts';
import { IpcFailure, type Handlers } from './dispatcher.ts';
import type { RunManager } from './runs.ts';
import type { RunHistory } from './history.ts';
import type { SettingsService } from './settings.ts';
import type { TicketDesk } from './tickets.ts';
import type { LinkOpeners } from './links.ts';
import type { OutageService } from '../core/outage/service.ts';
import type { PolicyAbout } from '../core/policy/about.ts';
import type { ArticleDesk } from './articles.ts';
import type { CatalogView } from './catalog.ts';

export type AppServices = {
  info(): AppInfo;
  /** What handlers need of the catalog view (app/catalog.ts). */
  catalog: Pick<CatalogView, 'list' | 'has'>;
  runs: RunManager;
  settings: SettingsService;
  history: RunHistory;
  tickets: TicketDesk;
  outages: OutageService;
  links: LinkOpeners;
  policyAbout(): PolicyAbout;
  articles: ArticleDesk;
  /** Records a search that found nothing (normalized before it is stored). */
  searchMissed(query: string): Promise<{ ok: true }>;
};

export function createHandlers(services: AppServices): Handlers {
  return {
    'app:info': () => services.info(),
    'catalog:list': ({ lang }) => services.catalog.list(lang),
    'run:start': ({ troubleshooterId, lang, dryRun }) => services.runs.start(troubleshooterId, lang, dryRun ?? false),
    'run:answer': ({ runId, stepId, value }) => services.runs.answer(runId, stepId, value),
    'run:consent': ({ runId, stepId, granted }) => services.runs.consent(runId, stepId, granted),
    'run:cancel': ({ runId }) => services.runs.cancel(runId),
    'run:open-link': ({ runId, stepId }) => services.links.openRunLink(runId, stepId),
    'settings:get': () => services.settings.get(),
    'settings:set': ({ language }) => services.settings.setLanguage(language),
    'history:list': () => services.history.list(),
    'run:feedback': async ({ runId, helpful }) => ({ stored: await services.history.markHelpful(runId, helpful) }),
    'ticket:draft': ({ lang, runId, articleId, userText }) => services.tickets.draft({ lang, runId, userText, ...(articleId ? { article: services.articles.context(articleId, lang) } : {}) }),
    'ticket:send': (edit) => services.tickets.send(edit),
    'ticket:list': () => services.tickets.list(),
    'ticket:refresh': () => services.tickets.refresh(),
    'ticket:open-mail': ({ clientId }) => services.links.openMail(clientId),
    'ticket:export': ({ clientId }) => services.tickets.exportFor(clientId),
    'ticket:copy': ({ clientId }) => services.tickets.copy(clientId),
    'ticket:save': ({ clientId }) => services.tickets.save(clientId),
    'ticket:hold': (edit) => services.tickets.hold(edit),
    'ticket:screenshot-capture': ({ clientId }) => services.tickets.captureScreenshot(clientId),
    'ticket:screenshot-attach': ({ clientId, data }) => services.tickets.attachScreenshot(clientId, data),
    'ticket:screenshot-remove': ({ clientId }) => services.tickets.removeScreenshot(clientId),
    'ticket:screenshot-save': ({ clientId }) => services.tickets.saveScreenshot(clientId),
    'support:open': ({ via }) => services.links.openSupport(via),
    'outage:list': ({ lang }) => services.outages.active(lang),
    'outage:for': ({ troubleshooterId, lang }) => {
      const summary = services.catalog.list(lang).find((t) => t.id === troubleshooterId);
      if (!summary) throw new IpcFailure('not-found', { troubleshooterId });
      return services.outages.forTroubleshooter({ id: summary.id, category: summary.category }, lang);
    },
    'outage:affected': ({ outageId }) => services.outages.markAffected(outageId),
    'policy:about': () => services.policyAbout(),
    'article:get': ({ id, lang }) => services.articles.get(id, lang),
    'article:open-link': ({ id, step }) => services.articles.openLink(id, step),
    'article:feedback': ({ id, helpful }) => services.articles.feedback(id, helpful),
    'search:missed': ({ query }) => services.searchMissed(query),
  };
}
