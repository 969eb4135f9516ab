/**
 * Builds the Firstline services from core for one host (Electron main or the browser host):
 * catalog, runs, and the contract handlers over them. Everything host-specific comes in as
 * options, so both hosts get identical behaviour.
 */
import path from 'node:path';
import { appActionRegistry } from '../core/app-action-registry.ts';
import type { Lang } from '../core/kernel/lang.ts';
import { toPlatform } from '../core/kernel/platform.ts';
import type { ExecPort } from '../core/engine/ports.ts';
import { run } from '../core/engine/runner.ts';
import type { Logger } from '../core/log.ts';
import { redactDeep } from '../core/redact.ts';
import { timerDelay } from '../core/util/timer-delay.ts';
import { compilePatterns } from '../core/tickets/redaction.ts';
import { lastGoodCatalogDir, syncCatalogs, type SyncResult } from '../core/catalog/index.ts';
import { catalogLinter } from './catalog-lint.ts';
import { brokerClientOptions, createBrokerPort } from '../core/platform/broker-port.ts';
import { createProcessElevation } from '../core/platform/elevation.ts';
import { createNodeExecPort } from '../core/platform/node-exec.ts';
import { fixLinks } from '../core/fixes/modules.ts';
import { loadPolicy } from '../core/policy/load.ts';
import type { EffectivePolicy } from '../core/policy/resolve.ts';
import type { Policy } from '../core/policy/schema.ts';
import { checkExternalUrl } from '../core/security/external-url.ts';
import { loadVisibleCatalog, type CatalogView } from './catalog.ts';
import { createTroubleshooterCache } from '../core/engine/catalog-cache.ts';
import { createOutageService } from '../core/outage/service.ts';
import type { CatalogState } from '../contract/ui-schemas.ts';
import { policyAbout } from '../core/policy/about.ts';
import { eventFromActivity, eventFromRecord, exporterFromPolicy } from '../core/telemetry/otlp.ts';
import { ticketDiagnosis } from '../core/report/learn.ts';
import type { EventSink } from './dispatcher.ts';
import type { Handlers } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';
import { createLinkOpeners } from './links.ts';
import { createRunManager, type StartRun } from './runs.ts';
import { createRunHistory, historyRecord } from './history.ts';
import { createOpeningClock, type WindowState } from './opening.ts';
import { createSettingsService } from './settings.ts';
import { createTicketDesk, ticketTroubleshooter } from './tickets.ts';
import { createTicketService } from '../core/tickets/service.ts';
import { ticketConfigSchema, type TicketConfig } from '../core/tickets/config.ts';
import { createSystemSnapshot, type SnapshotPort } from '../core/tickets/snapshot.ts';
import { createFileSecretStore, type SecretStore } from '../core/secrets/secret-store.ts';
import type { StoreReport } from '../core/store/store.ts';
import { provisionSecrets, type MachineSecretsOptions } from '../core/secrets/provision.ts';
import { normalizeSearch } from '../core/report/search-terms.ts';
import { createArticleDesk } from './articles.ts';

export type FirstlineOptions = {
  host: 'electron' | 'browser-host';
  version: string;
  dataDir: string;
  catalogDir: string;
  locale?: string;
  emit: EventSink;
  openUrl(url: string, allowlist: readonly string[]): Promise<boolean>;
  /**
   * Hands a `mailto:` link that core built (the ticket fallback) to the mail program. Electron
   * passes `shell.openExternal` behind core/security/mailto-url.ts; the browser host and tests
   * record it. Without it, "Open my e-mail" reports that nothing was opened.
   */
  openMail?(url: string): Promise<boolean>;
  /**
   * Hands the support contact's `tel:` or bare `mailto:` link (built from policy, checked by
   * core/security/contact-url.ts) to the phone or mail app. Without it, "Call" reports nothing opened.
   */
  openContact?(url: string): Promise<boolean>;
  /**
   * A desktop notification that a ticket's status changed (Electron: main/notify.ts, a
   * Notification whose click opens My tickets). The window gets `ticket:changed` as well.
   */
  notifyTicket?(change: { clientId: string; title: string; number: string | null; state: string; raw: string }): Promise<void>;
  /**
   * The way out of a refused ticket: copy its redacted text to the clipboard, or save it to a file
   * whose path the OS save dialog picks (Electron: main/files.ts); the browser host and tests
   * record. Without them, "Copy" and "Save as file…" report that nothing happened.
   */
  copyText?(text: string): Promise<boolean>;
  saveText?(suggestedName: string, text: string): Promise<boolean>;
  /**
   * Screenshot for a ticket (#14): Electron hides the window, captures the primary screen and
   * shows it again (main/screenshot.ts). Absent in the browser host: the form offers a file picker.
   */
  captureScreen?(): Promise<Uint8Array | null>;
  /** Saves a screenshot where the employee picks (OS save dialog); the browser host and tests record. */
  saveFile?(suggestedName: string, bytes: Uint8Array): Promise<boolean>;
  log: Logger;
  platform?: NodeJS.Platform;
  /** Helpdesk settings (core/tickets/config.ts); without a connector tickets fall back to mailto. */
  ticketConfig?: unknown;
  /** Where helpdesk credentials are read; Electron passes a safeStorage-backed store. */
  secrets?: SecretStore;
  /** Where machine-delivered credentials are read (core/secrets/provision.ts); tests point at a temp file. */
  machineSecrets?: Pick<MachineSecretsOptions, 'linuxFile' | 'trustedUid' | 'managedPreferencesDir'>;
  /** Machine facts for tickets; tests pass a fixed snapshot. */
  snapshot?: SnapshotPort;
  /** Environment seen by policy and actions (tests point FIRSTLINE_POLICY_FILE, HOME… here). */
  env?: Record<string, string | undefined>;
  /** Command runner; tests of Windows/macOS paths pass a recording fake. */
  exec?: ExecPort;
  /** Opening the window syncs organisation catalogs when the last sync is older than this (default 15 minutes). */
  catalogResyncOnOpenMs?: number;
  /** The clock for when the window was opened (tests); the runs' own events use the real clock. */
  now?: () => Date;
};

export type Firstline = {
  handlers: Handlers;
  lang: Lang;
  policy: EffectivePolicy;
  /** Resolves when the first background sync of organisation catalogs has finished. */
  catalogsSynced: Promise<void>;
  /** Syncs organisation catalogs now (what the 6-hourly timer and a window opening after 15 minutes do); About shows the new state at once. */
  syncCatalogs(): Promise<void>;
  /**
   * The host shows or hides the window (Electron: the popover's show/hide; the browser host: the
   * page's live connection). A run started while it is shown is measured from that opening in
   * `firstline report` ("time from opening Firstline to a fix").
   */
  window(state: WindowState): void;
  /** Cancels runs and stops background work; resolves once runs have recorded their end. */
  dispose(): Promise<void>;
};

/**
 * No helpdesk connector and no fallback address: the support e-mail from policy becomes the
 * address the employee's mail program writes to, so "Contact IT" is never a dead end when IT
 * has an address at all (issue 14).
 */
function withSupportEmail(config: TicketConfig, supportEmail: string | undefined): TicketConfig {
  if (config.connector || config.fallbackEmail || !supportEmail) return config;
  return { ...config, fallbackEmail: supportEmail };
}

/** Hosts a troubleshooter may open: the allowlist plus the support, call-back and password-reset pages, and the articles' portals. */
function allowedHosts(policy: Pick<Policy, 'urlAllowlist' | 'passwordResetUrl' | 'support' | 'authenticatorSetupUrl' | 'accessRequestUrl' | 'companyPortalUrl'>): string[] {
  const hosts = [...policy.urlAllowlist];
  // Without a policy URL the password fix opens Microsoft Entra's self-service page. The
  // articles' portals were set by the admin, so they are allowed like the support page.
  for (const url of [fixLinks.passwordResetPage(policy.passwordResetUrl), policy.support.url, policy.support.callUrl, policy.authenticatorSetupUrl, policy.accessRequestUrl, policy.companyPortalUrl]) {
    if (url) hosts.push(new URL(url).hostname);
  }
  return hosts;
}

/** The logger with the admin's patterns applied to message and details before its own built-in redaction. */
function withPatterns(base: Logger, patterns: readonly RegExp[]): Logger {
  if (patterns.length === 0) return base;
  const r = <T>(value: T): T => redactDeep(value, { patterns });
  return {
    debug: (m, d) => base.debug(r(m), r(d)),
    info: (m, d) => base.info(r(m), r(d)),
    warn: (m, d) => base.warn(r(m), r(d)),
    error: (m, d) => base.error(r(m), r(d)),
    scope: (name) => withPatterns(base.scope(name), patterns),
  };
}

function withPolicyPatterns(config: TicketConfig, patterns: readonly string[]): TicketConfig {
  return patterns.length === 0 ? config : { ...config, redaction: { ...config.redaction, extraPatterns: [...config.redaction.extraPatterns, ...patterns] } };
}

/** A store that was repaired or replaced is worth a log line for IT (#11): which file, why, where the bad part went. */
function storeReportLogger(log: FirstlineOptions['log'], name: string) {
  const message = (reason: StoreReport['reason']) =>
    reason === 'invalid-entries'
      ? `${name}: invalid entries moved aside, the rest kept`
      : reason === 'torn-journal'
        ? `${name}: the last change was cut off by a crash and never confirmed; kept aside, the rest kept`
        : `${name}: unreadable file moved aside`;
  return (report: StoreReport) => log.warn(message(report.reason), { ...report });
}

/** The About state of a synced source; "refused"/"offline" without a cached copy say that nothing is in use. */
function catalogState(r: SyncResult): CatalogState {
  if (r.status === 'refused' && r.dir === undefined) return 'refusedNoCopy';
  if (r.status === 'offline' && r.dir === undefined) return 'offlineNoCopy';
  return r.status;
}

/** About lists at most this many catalog errors; the log has them all. */
const maxShownCatalogProblems = 50;

export async function createFirstline(options: FirstlineOptions): Promise<Firstline> {
  const platform = toPlatform(options.platform ?? process.platform);
  const env = options.env ?? process.env;
  const exec = options.exec ?? createNodeExecPort();
  const effective = await loadPolicy({ platform, exec, env });
  const policy = effective.values;
  // One redaction pipeline (#11): the admin's redactionPatterns apply to every log line written
  // from here on, to run events, and (through the ticket redactor) to drafts, outbox and requests.
  const log = withPatterns(options.log, compilePatterns(policy.redactionPatterns).patterns);
  for (const issue of effective.issues) log.warn('policy: invalid value ignored', issue);
  const registry = appActionRegistry();
  // Start with the built-in catalog and the last verified copy of each organisation catalog;
  // fetching them (a share or https, slow exactly when the network is broken) happens in the
  // background and swaps the catalog in when something changed.
  const catalogCacheDir = path.join(options.dataDir, 'catalogs');
  const syncOptions = { cacheDir: catalogCacheDir, trustedKeys: policy.catalogSigningKeys, lint: catalogLinter(registry) };
  const cache = createTroubleshooterCache(path.join(options.dataDir, 'catalog-cache.json'), { appVersion: options.version, registry });
  const loadFrom = (orgDirs: readonly string[]) => loadVisibleCatalog({ builtinDir: options.catalogDir, orgDirs, registry, platform, policy, log, cache });
  let catalog = await loadFrom(policy.catalogSources.flatMap((source) => lastGoodCatalogDir(catalogCacheDir, source, policy.catalogSigningKeys) ?? []));
  const catalogView: CatalogView = {
    get: (id) => catalog.get(id),
    has: (id) => catalog.has(id),
    list: (lang) => catalog.list(lang),
    article: (id) => catalog.article(id),
    get entries() {
      return catalog.entries;
    },
    get unknownPolicyIds() {
      return catalog.unknownPolicyIds;
    },
    get leftOut() {
      return catalog.leftOut;
    },
    get articles() {
      return catalog.articles;
    },
  };
  // Shown on the About screen; filled in as sources are synced (the array is read on each view).
  const catalogStatus: { source: string; state: CatalogState }[] = [
    { source: options.catalogDir, state: 'builtIn' },
    ...policy.catalogSources.map((source) => ({ source, state: 'waiting' as const })),
  ];
  const syncOrganisationCatalogs = async () => {
    const set = await syncCatalogs(options.catalogDir, policy.catalogSources, syncOptions);
    for (const result of set.results.filter((r) => r.status === 'refused' || r.status === 'offline')) {
      log.warn('catalog: organisation catalog not updated', { source: result.source, status: result.status, reason: result.reason });
    }
    // The reason (English, for IT) is in the log; About shows the state in the employee's language,
    // and says so when there is no earlier copy to fall back on.
    catalogStatus.splice(1, Infinity, ...set.results.map((r) => ({ source: r.source, state: catalogState(r) })));
    if (set.results.some((r) => r.status === 'updated')) catalog = await loadFrom(set.dirs.slice(1));
  };
  // One sync at a time (they share the cache folder): a timer tick or a window opening during a sync joins it.
  let syncing: Promise<void> | undefined;
  let lastSync = Date.now();
  const syncNow = (): Promise<void> => {
    lastSync = Date.now();
    syncing ??= syncOrganisationCatalogs().finally(() => (syncing = undefined));
    return syncing;
  };
  const catalogSynced = policy.catalogSources.length > 0 ? syncNow().catch((error: unknown) => log.error('catalog: sync failed', { error: String(error) })) : Promise.resolve();
  const catalogTimer = policy.catalogSources.length > 0 ? setInterval(() => void syncNow().catch(() => undefined), 6 * 3600_000) : undefined;
  catalogTimer?.unref();
  // Opening the window also syncs when the last sync is older than this: a change IT published (or
  // one that was refused) shows the next time the employee looks, not up to 6 hours later.
  const resyncOnOpenMs = options.catalogResyncOnOpenMs ?? 15 * 60_000;
  const syncOnOpen = () => {
    if (policy.catalogSources.length === 0 || Date.now() - lastSync < resyncOnOpenMs) return;
    log.info('catalog: window opened, syncing organisation catalogs', { sinceLastSyncMs: Date.now() - lastSync });
    void syncNow().catch((error: unknown) => log.error('catalog: sync failed', { error: String(error) }));
  };
  const settings = await createSettingsService({
    dataDir: options.dataDir,
    osLocale: options.locale,
    policy: { defaultLanguage: policy.defaultLanguage, tileOrder: policy.tileOrder, sources: Object.values(effective.locations) },
    // What the admin configured and how each source fared, not the cache folders behind them.
    catalogSources: catalogStatus,
    onStoreReport: storeReportLogger(log, 'settings'),
  });
  const history = await createRunHistory({
    dataDir: options.dataDir,
    onStoreReport: storeReportLogger(log, 'history'),
    onHelpful: (r) => telemetry?.record({ kind: 'run-feedback', troubleshooterId: r.troubleshooterId, category: r.category, helpful: r.helpful === true, at: new Date().toISOString() }),
  });
  const secrets = options.secrets ?? createFileSecretStore(path.join(options.dataDir, 'secrets.json'));
  // Credentials delivered by machine policy; the result names secrets, never their values.
  const provisioned = await provisionSecrets(secrets, { platform, exec, ...options.machineSecrets });
  if (provisioned.imported.length > 0) log.info('secrets: helpdesk credentials imported from machine policy', { source: provisioned.source, names: provisioned.imported });
  for (const issue of provisioned.issues) log.warn('secrets: machine credential not imported', { issue });
  const ticketService = await createTicketService({
    config: withPolicyPatterns(withSupportEmail(ticketConfigSchema.parse(options.ticketConfig ?? policy.helpdesk ?? {}), policy.support.email), policy.redactionPatterns),
    dataDir: options.dataDir,
    secrets,
    snapshot: options.snapshot ?? createSystemSnapshot(),
    log,
    onStatusChange: ({ clientId, title, number, state, raw }) => {
      const change = { clientId, title, number, state, raw };
      options.emit('ticket:changed', change);
      void options.notifyTicket?.(change)?.catch(() => undefined);
    },
  });
  const lang = settings.lang();
  const hosts = allowedHosts(policy);
  const elevation = createProcessElevation({ platform, exec });
  const brokerClient = brokerClientOptions(platform, env);
  const broker = brokerClient ? createBrokerPort({ client: brokerClient }) : undefined;

  const opening = createOpeningClock(options.now);
  // The opening each run started in, until it is recorded.
  const openedAtOf = new Map<string, Date>();
  const startRun: StartRun = (id, { runId, lang: runLang, dryRun, signal, interaction }) => {
    const entry = catalog.get(id);
    if (!entry) throw new Error(`unknown troubleshooter ${id}`);
    const openedAt = opening.current();
    if (openedAt && !dryRun) openedAtOf.set(runId, openedAt);
    // Kept until the run finishes: a run that never does (app killed, machine off) is counted as abandoned by `firstline report`.
    if (!dryRun)
      void history
        .recordStarted({ runId, troubleshooterId: id, category: entry.troubleshooter.category, startedAt: new Date().toISOString() })
        .catch((error: unknown) => log.error('history: could not record a started run', { error: String(error) }));
    return run(
      entry.troubleshooter,
      {
        exec,
        elevation,
        ...(broker ? { broker } : {}),
        interaction,
        urlOpener: {
          open: (url) => (checkExternalUrl(url, hosts).allowed ? options.openUrl(url, hosts) : Promise.resolve(false)),
        },
      },
      { registry, catalogDir: entry.catalogDir, lang: runLang, platform, policy, env, dryRun, signal, runId, redact: { patterns: policy.redactionPatterns.map((p) => new RegExp(p, 'g')) } },
    );
  };

  const categoryOf = (id: string) => catalog.get(id)?.troubleshooter.category ?? 'general';
  const outages = createOutageService({
    url: policy.outageFeedUrl,
    dataDir: options.dataDir,
    onReport: (report) => log.warn('outage: unreadable state file moved aside', { ...report }),
  });
  const refreshOutages = () => outages.refresh().catch((error: unknown) => log.warn('outage: feed refresh failed', { error: String(error) }));
  void refreshOutages();
  // A modest interval: the feed is small and conditional (ETag), and outages change in minutes.
  const outageTimer = policy.outageFeedUrl ? setInterval(() => void refreshOutages(), 5 * 60_000) : undefined;
  outageTimer?.unref();
  // Background delivery resumes what an earlier session left in the outbox; timers never keep
  // the process alive on their own.
  ticketService.start({
    set: (fn, ms) => setTimeout(() => void fn(), timerDelay(ms)).unref(),
    clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  if (ticketService.storeReport) log.warn('tickets: outbox file was unreadable and moved aside', ticketService.storeReport);
  const telemetry = exporterFromPolicy(policy.telemetry, { appVersion: options.version, platform, redact: { patterns: compilePatterns(policy.redactionPatterns).patterns } });
  telemetry?.start();
  const tickets = createTicketDesk({
    service: ticketService,
    troubleshooter: (id) => {
      const t = catalog.get(id)?.troubleshooter;
      return t ? ticketTroubleshooter(t, settings.lang()) : undefined;
    },
    onTicketCreated: (runId) => history.markTicketCreated(runId),
    onTicketSent: (draft) =>
      telemetry?.record({
        kind: 'ticket-sent',
        category: draft.category?.trim() || 'uncategorised',
        diagnosis: ticketDiagnosis({ state: 'queued', queuedAt: draft.createdAt, draft }, new Map(history.list().map((r) => [r.runId, r]))),
        ...(draft.troubleshooterId ? { troubleshooterId: draft.troubleshooterId } : {}),
        at: new Date().toISOString(),
      }),
    ...(options.copyText ? { copyText: options.copyText.bind(options) } : {}),
    ...(options.saveText ? { saveText: options.saveText.bind(options) } : {}),
    screenshots: { allowed: policy.allowScreenshots, captureScreen: options.captureScreen?.bind(options), saveFile: options.saveFile?.bind(options) },
  });
  const runs = createRunManager({
    startRun,
    exists: (id) => catalog.has(id),
    emit: options.emit,
    log,
    onFinished: async (events) => {
      tickets.keepTranscript(events);
      const runId = events.find((e) => e.type === 'run-started')?.runId;
      const openedAt = runId === undefined ? undefined : openedAtOf.get(runId);
      if (runId !== undefined) openedAtOf.delete(runId);
      const record = historyRecord(events, categoryOf, openedAt);
      if (!record) return;
      await history.record(record).catch((error: unknown) => log.error('history: could not record a run', { error: String(error) }));
      telemetry?.record(eventFromRecord(record));
    },
  });
  const links = createLinkOpeners({
    transcript: (runId) => runs.transcript(runId) ?? tickets.transcript(runId),
    mailtoUrl: (clientId) => tickets.mailtoUrl(clientId),
    allowlist: hosts,
    openUrl: options.openUrl,
    openMail: options.openMail?.bind(options),
    openContact: options.openContact?.bind(options),
    support: policy.support,
    log,
  });
  const articles = await createArticleDesk({
    article: (id) => catalog.article(id),
    platform,
    policy,
    allowlist: hosts,
    openUrl: options.openUrl,
    dataDir: options.dataDir,
    log,
    onRecord: (record) => telemetry?.record(eventFromActivity(record)),
  });
  const redactionPatterns = policy.redactionPatterns.map((p) => new RegExp(p, 'g'));
  const searchMissed = async (query: string): Promise<{ ok: true }> => {
    // Catalog words survive the name filter ("Outlook"); anything else capitalised is dropped.
    const vocabulary = new Set(
      catalog.list('en').flatMap((s) =>
        Object.values(s.searchText)
          .join(' ')
          .toLowerCase()
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .split(/[^\p{L}]+/u),
      ),
    );
    const terms = normalizeSearch(query, { redactionPatterns, vocabulary });
    if (terms) await articles.recordMissedSearch(terms);
    return { ok: true };
  };
  const handlers = createHandlers({
    info: () => ({ name: policy.branding.name, version: options.version, platform, host: options.host, lang: settings.lang(), supportContact: policy.support }),
    catalog: catalogView,
    runs,
    settings,
    history,
    tickets,
    outages,
    links,
    policyAbout: () => ({
      ...policyAbout({
        ...effective,
        issues: [
          ...effective.issues,
          ...catalog.unknownPolicyIds.map(({ key, id }) => ({ key, source: effective.sources[key], message: `"${id}" is not a troubleshooter in any catalog (check the id with "firstline list")` })),
        ],
      }),
      catalogProblems: catalog.leftOut.slice(0, maxShownCatalogProblems).map(({ file, line, column, message }) => ({ file, line, column, message })),
    }),
    articles,
    searchMissed,
  });
  return {
    handlers,
    lang,
    policy: effective,
    catalogsSynced: catalogSynced,
    syncCatalogs: () => (policy.catalogSources.length > 0 ? syncNow() : Promise.resolve()),
    window: (state) => {
      opening.window(state);
      if (state === 'shown') syncOnOpen();
    },
    dispose: async () => {
      if (outageTimer) clearInterval(outageTimer);
      if (catalogTimer) clearInterval(catalogTimer);
      await runs.cancelAll();
      ticketService.stop();
      // One last delivery try, but quitting never waits on a slow collector for long: these
      // anonymous counts are not worth a hanging app.
      if (telemetry) await Promise.race([telemetry.stop(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
