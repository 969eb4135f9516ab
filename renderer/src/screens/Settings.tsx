import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ChannelResult, Settings as SettingsData } from '../../../contract/index.ts';
import { call } from '../api.ts';
import { applyLanguage, type UiLang } from '../i18n.ts';
import { ScreenHeading } from '../components/ScreenHeading.tsx';

type Choice = SettingsData['language'];

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
const languageNames: Record<UiLang, string> = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' };

type PolicyAbout = ChannelResult<'policy:about'>;

/**
 * For the admin at the employee's desk: where the company settings and fixes come from (file
 * paths), every company setting, its effective value and where it came from, and the ones that
 * were refused (with the reason), so a GPO typo is found in seconds. Closed by default: an
 * employee sees no paths (issue 14).
 */
function CompanySettings({ sources }: { sources: ReactNode }) {
  const { t } = useTranslation();
  const [about, setAbout] = useState<PolicyAbout | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    if (!about) call('policy:about', {}).then(setAbout, () => setFailed(true));
  };
  return (
    <details className="company-settings" onToggle={(event) => (event.currentTarget.open ? load() : undefined)}>
      <summary>{t('settings.companySettings')}</summary>
      {failed && <p role="alert">{t('settings.failed')}</p>}
      {about && about.issues.length > 0 && (
        <div role="alert" className="policy-issues">
          <p>{t('settings.policyIssues', { count: about.issues.length })}</p>
          <ul>
            {about.issues.map((issue) => (
              <li key={`${issue.source}:${issue.key}`}>
                <code>{issue.key}</code> ({t(`settings.source.${issue.source}`)}): {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {about?.catalogProblems && about.catalogProblems.length > 0 && (
        <div role="alert" className="policy-issues catalog-problems">
          <p>{t('settings.catalogProblems', { count: about.catalogProblems.length })}</p>
          <ul>
            {about.catalogProblems.map((problem) => (
              <li key={`${problem.file}:${problem.line}:${problem.column}`}>
                <code className="about-path">{`${problem.file}:${problem.line}:${problem.column}`}</code> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sources}
      {about && (
        // One block per setting (name and source on a line, the value under it): three table
        // columns broke names one letter per line in a 400 px window.
        <dl className="policy-list" aria-label={t('settings.companySettings')}>
          {about.settings.map((setting) => (
            <div key={setting.key} className="policy-setting">
              <dt>
                <code className="setting-key">{setting.key}</code>{' '}
                <span className="setting-from" title={setting.location}>
                  <span className="visually-hidden">{t('settings.policyFrom')}: </span>
                  {t(`settings.source.${setting.source}`)}
                </span>
              </dt>
              <dd className="about-path">{setting.value === '' ? t('settings.notSet') : setting.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

export function Settings({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<SettingsData | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    call('settings:get', {}).then(setSettings, () => setFailed(true));
  }, []);

  const choose = (language: Choice) => {
    // Shown at once; the saved settings replace it when the core answers.
    setSettings((current) => (current ? { ...current, language } : current));
    call('settings:set', { language }).then(
      (next) => {
        setSettings(next);
        // The new language's messages are fetched now (only the first one is loaded at start).
        applyLanguage(next.lang).catch(() => setFailed(true));
      },
      () => {
        setFailed(true);
        // Show what is really saved, not the choice that could not be kept.
        call('settings:get', {}).then(setSettings, () => undefined);
      },
    );
  };

  return (
    <section aria-labelledby="settings-heading" className="screen">
      <ScreenHeading id="settings-heading">{t('settings.heading')}</ScreenHeading>
      {failed && <p role="alert">{t('settings.failed')}</p>}
      {settings && (
        <fieldset className="languages">
          <legend>{t('settings.language')}</legend>
          <label className="choice">
            <input type="radio" name="language" value="auto" checked={settings.language === 'auto'} onChange={() => choose('auto')} />
            {t('settings.languageAuto', { language: languageNames[settings.automaticLang] })}
          </label>
          {(Object.keys(languageNames) as UiLang[]).map((lang) => (
            <label key={lang} className="choice">
              <input type="radio" name="language" value={lang} checked={settings.language === lang} onChange={() => choose(lang)} />
              <span lang={lang}>{languageNames[lang]}</span>
            </label>
          ))}
        </fieldset>
      )}
      <h3 className="section-heading">{t('settings.about')}</h3>
      <dl className="about">
        <dt>{t('settings.version')}</dt>
        <dd>{info ? `${info.name} ${info.version}` : '—'}</dd>
      </dl>
      <CompanySettings
        sources={
          <dl className="about">
            <dt>{t('settings.policySource')}</dt>
            <dd className="about-path">{settings && settings.about.policySources.length > 0 ? settings.about.policySources.join(', ') : t('settings.noPolicy')}</dd>
            <dt>{t('settings.catalogSource')}</dt>
            <dd className="about-path about-catalog">
              {settings
                ? settings.about.catalogSources.map((c) => (c.state === 'builtIn' ? t('settings.builtInCatalog') : `${c.source} (${t(`settings.catalogState.${c.state}`)})`)).join(', ') ||
                  t('settings.builtInCatalog')
                : '—'}
            </dd>
          </dl>
        }
      />
    </section>
  );
}
