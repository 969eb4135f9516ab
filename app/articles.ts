/**
 * Knowledge articles for the employee window: an article by id in one language with policy
 * values filled in and images as data URLs, its links opened through the allowlist by step
 * index (the renderer never sends a URL or a path), and "Did this help?" stored on the machine.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleView } from '../contract/index.ts';
import type { Lang } from '../core/kernel/lang.ts';
import type { Platform } from '../core/kernel/platform.ts';
import { resolveArticleImage } from '../core/engine/article-lint.ts';
import type { ArticleStep } from '../core/engine/article-schema.ts';
import type { ArticleEntry } from '../core/engine/catalog-dir.ts';
import { text } from '../core/engine/messages.ts';
import type { ArticleContext } from '../core/tickets/draft.ts';
import { activityFileSchema, activityLimit, type ActivityFile, type ActivityRecord } from '../core/report/activity.ts';
import { checkExternalUrl } from '../core/security/external-url.ts';
import { keepNewest, openStore } from '../core/store/store.ts';
import { IpcFailure, type DispatchLog } from './dispatcher.ts';

const policyRef = /\$\{\{\s*policy\.([A-Za-z][A-Za-z0-9_.-]*)\s*\}\}/g;
const mime: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/** A policy value usable in an article: a non-empty string (URLs, addresses, names). */
function policyString(policy: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = policy[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Policy keys a step needs: those in its text and its link. */
function usedKeys(step: ArticleStep): string[] {
  const keys = [...step.text.en.matchAll(policyRef)].map((m) => m[1] as string);
  for (const l of ['nl', 'fr', 'de'] as const) for (const m of (step.text[l] ?? '').matchAll(policyRef)) keys.push(m[1] as string);
  if (step.link?.['url-from-policy']) keys.push(step.link['url-from-policy']);
  return keys;
}

export type ShownStep = { index: number; text: string; step: ArticleStep; url?: string };

/**
 * The steps shown on this platform, in order, with policy values filled in. A step whose policy
 * value is missing shows its `if-policy-missing` text (without the link) or is left out.
 * `index` is the step's position in the file: `article:open-link` names it.
 */
export function shownSteps(entry: ArticleEntry, lang: Lang, platform: Platform, policy: Readonly<Record<string, unknown>>): ShownStep[] {
  const out: ShownStep[] = [];
  entry.article.steps.forEach((step, index) => {
    if (step.platforms && !step.platforms.includes(platform)) return;
    const missing = usedKeys(step).some((k) => policyString(policy, k) === undefined);
    if (missing) {
      if (step['if-policy-missing']) out.push({ index, text: text(step['if-policy-missing'], lang), step: { ...step, link: undefined } as ArticleStep });
      return;
    }
    const filled = text(step.text, lang).replace(policyRef, (_m, key: string) => policyString(policy, key) ?? '');
    const url = step.link ? (step.link.url ?? policyString(policy, step.link['url-from-policy'] ?? '')) : undefined;
    out.push({ index, text: filled, step, ...(url ? { url } : {}) });
  });
  return out;
}

/** Knowledge articles for the window: shown in the employee's language, their links opened, their "Did this help?" and missed searches recorded. */
export type ArticleDesk = {
  get(id: string, lang: Lang): Promise<ArticleView>;
  openLink(id: string, step: number): Promise<{ opened: boolean }>;
  feedback(id: string, helpful: boolean): Promise<{ ok: true }>;
  recordMissedSearch(terms: string): Promise<void>;
  /** What a ticket written from this article carries about it. */
  context(id: string, lang: Lang): ArticleContext;
};

export async function createArticleDesk(deps: {
  article(id: string): ArticleEntry | undefined;
  platform: Platform;
  policy: Readonly<Record<string, unknown>>;
  allowlist: readonly string[];
  openUrl(url: string, allowlist: readonly string[]): Promise<boolean>;
  dataDir: string;
  log: DispatchLog;
  now?: () => Date;
  /** Each activity record as it is stored (the OTLP export counts them, issue 15). */
  onRecord?(record: ActivityRecord): void;
}): Promise<ArticleDesk> {
  const now = deps.now ?? (() => new Date());
  const { store } = await openStore<ActivityFile>({
    file: path.join(deps.dataDir, 'activity.json'),
    schema: activityFileSchema,
    defaults: () => ({ records: [] }),
  });
  const append = (record: ActivityRecord) => {
    deps.onRecord?.(record);
    return store
      .update((data) => {
        data.records = keepNewest([...data.records, record], activityLimit);
      })
      .catch((error: unknown) => deps.log.error('articles: activity not recorded', { error: String(error) }));
  };
  const find = (id: string) => {
    const entry = deps.article(id);
    if (!entry) throw new IpcFailure('not-found', { id });
    return entry;
  };
  const lastAnswer = (id: string) => store.data.records.findLast((r) => r.type === 'article-feedback' && r.articleId === id);

  const image = async (entry: ArticleEntry, step: ArticleStep, lang: Lang) => {
    if (!step.image) return undefined;
    const resolved = resolveArticleImage(entry.catalogDir, step.image.path);
    if (!resolved.ok) {
      deps.log.warn('articles: image left out', { id: entry.article.id, reason: resolved.reason });
      return undefined;
    }
    const type = mime[path.extname(resolved.file).toLowerCase()] ?? 'image/png';
    return { src: `data:${type};base64,${(await readFile(resolved.file)).toString('base64')}`, alt: text(step.image.alt, lang) };
  };

  return {
    async get(id: string, lang: Lang): Promise<ArticleView> {
      const entry = find(id);
      const steps = await Promise.all(
        shownSteps(entry, lang, deps.platform, deps.policy).map(async (s) => {
          const img = await image(entry, s.step, lang);
          const label = s.url ? (s.step.link?.label ? text(s.step.link.label, lang) : new URL(s.url).hostname) : undefined;
          return { text: s.text, ...(img ? { image: img } : {}), ...(label ? { link: { label } } : {}) };
        }),
      );
      await append({ type: 'article-viewed', articleId: id, at: now().toISOString() });
      const answer = lastAnswer(id);
      return { id, title: text(entry.article.title, lang), summary: text(entry.article.summary, lang), steps, helpful: answer?.type === 'article-feedback' ? answer.helpful : null };
    },

    /** `step` is the position among the steps shown (the same list `get` returned). */
    async openLink(id: string, step: number): Promise<{ opened: boolean }> {
      const entry = find(id);
      const shown = shownSteps(entry, 'en', deps.platform, deps.policy)[step];
      if (!shown?.url) throw new IpcFailure('not-found', { id, step });
      const decision = checkExternalUrl(shown.url, deps.allowlist);
      if (!decision.allowed) {
        deps.log.warn('articles: a link outside the allowlist was not opened', { id, step, reason: decision.reason });
        return { opened: false };
      }
      return { opened: await deps.openUrl(decision.url, deps.allowlist).catch(() => false) };
    },

    async feedback(id: string, helpful: boolean): Promise<{ ok: true }> {
      find(id);
      await append({ type: 'article-feedback', articleId: id, helpful, at: now().toISOString() });
      return { ok: true };
    },

    /** Stores normalized words of a search that found nothing (never the raw text). */
    async recordMissedSearch(terms: string): Promise<void> {
      await append({ type: 'search-missed', terms, at: now().toISOString() });
    },

    /** For a ticket from "Contact IT" on an article: its title, category and the last answer. */
    context(id: string, lang: Lang) {
      const entry = find(id);
      const answer = lastAnswer(id);
      return {
        id,
        title: text(entry.article.title, lang),
        category: entry.article.category,
        ...(answer?.type === 'article-feedback' ? { helpful: answer.helpful } : {}),
      };
    },
  };
}
