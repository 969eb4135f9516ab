/**
 * The employee's own settings (today: the language override), kept in the data dir, plus the
 * read-only facts the Settings screen shows (policy and catalog sources). Language precedence is
 * core's `chooseLang`: the employee's choice, then the policy default, then the OS locale.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/kernel/lang.ts';
import { chooseLang } from '../core/kernel/lang.ts';
import { languageChoiceSchema, type CatalogState, type Settings } from '../contract/ui-schemas.ts';
import { openStore, type StoreReport } from '../core/store/store.ts';

export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

const settingsFileSchema = z.object({ version: z.literal(1), language: languageChoiceSchema });
type SettingsFile = z.infer<typeof settingsFileSchema>;

export type SettingsView = Settings;

/** The employee's own settings (settings.json) and the view of them the window shows. */
export type SettingsService = {
  /** The language in use now (the employee's choice, else the policy's, else the OS's). */
  lang(): Lang;
  get(): SettingsView;
  setLanguage(language: LanguageChoice): Promise<SettingsView>;
};

export async function createSettingsService(options: {
  dataDir: string;
  osLocale?: string | undefined;
  policy?: { defaultLanguage?: string | undefined; tileOrder?: readonly string[] | undefined; sources?: readonly string[] | undefined };
  catalogSources: readonly { source: string; state: CatalogState }[];
  onStoreReport?: (report: StoreReport) => void;
}): Promise<SettingsService> {
  const { store } = await openStore<SettingsFile>({
    file: path.join(options.dataDir, 'settings.json'),
    schema: settingsFileSchema,
    defaults: () => ({ version: 1, language: 'auto' }),
    ...(options.onStoreReport ? { onReport: options.onStoreReport } : {}),
  });
  const automaticLang = (): Lang => chooseLang({ policy: options.policy?.defaultLanguage, osLocale: options.osLocale });
  const lang = (): Lang => chooseLang({ user: store.data.language, policy: options.policy?.defaultLanguage, osLocale: options.osLocale });
  const view = (): SettingsView => ({
    language: store.data.language,
    automaticLang: automaticLang(),
    lang: lang(),
    tileOrder: [...(options.policy?.tileOrder ?? [])],
    about: { policySources: [...(options.policy?.sources ?? [])], catalogSources: options.catalogSources.map((c) => ({ ...c })) },
  });
  return {
    lang,
    get: view,
    async setLanguage(language: LanguageChoice): Promise<SettingsView> {
      await store.update((data) => {
        data.language = language;
      });
      return view();
    },
  };
}
