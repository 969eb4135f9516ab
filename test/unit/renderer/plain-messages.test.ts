/**
 * The window returns a message without ICU syntax as it is (renderer/src/i18n.ts) instead of
 * formatting it with IntlMessageFormat. Proved here on every message of every language: the
 * texts are the same as through i18next-icu alone, and the shortcut is really taken.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { langs } from '../../../contract/langs.ts';
import { isPlainMessage, plainFirstIcu } from '../../../renderer/src/i18n.ts';
import { loadMessages } from '../../../renderer/src/locale-messages.ts';

async function instance(lang: (typeof langs)[number], format: object) {
  const i18n = i18next.createInstance();
  await i18n
    .use(format as typeof ICU)
    .init({ resources: { [lang]: { translation: await loadMessages(lang) } }, lng: lang, fallbackLng: false, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false } });
  return i18n;
}

describe('plain messages skip IntlMessageFormat', () => {
  it('tells ICU syntax from plain text', () => {
    expect(isPlainMessage("What's wrong?")).toBe(true);
    expect(isPlainMessage('{count, plural, one {# fix} other {# fixes}}')).toBe(false);
    expect(isPlainMessage('Hello {name}')).toBe(false);
    expect(isPlainMessage("It''s quoted")).toBe(false);
  });

  for (const lang of langs) {
    it(`gives every ${lang} message the same text as i18next-icu alone`, async () => {
      const fast = await instance(lang, plainFirstIcu());
      const icu = await instance(lang, new ICU());
      const messages = await loadMessages(lang);
      const plain = Object.keys(messages).filter((key) => isPlainMessage(messages[key]!));
      expect(plain.length).toBeGreaterThan(Object.keys(messages).length / 2);
      // Arguments for the messages that have them, so both paths really format.
      const values = { count: 2, name: 'Ada', n: 3, number: '123', title: 'Printer', phone: '+31 20 000 0000', hours: '9-17', date: 'today', query: 'printer' };
      for (const key of Object.keys(messages)) expect(fast.t(key, values), key).toBe(icu.t(key, values));
      for (const key of plain) expect(new IntlMessageFormat(messages[key]!, lang, undefined, { ignoreTag: true }).format(), key).toBe(messages[key]);
    });
  }

  it('does not build an IntlMessageFormat for a plain message', async () => {
    // i18next-icu keeps every IntlMessageFormat it builds in `mem` (language → namespace → key).
    const icu = plainFirstIcu() as ReturnType<typeof plainFirstIcu> & { mem: Record<string, unknown> };
    const fast = await instance('en', icu);
    expect(fast.t('home.heading')).toBe("What's wrong?");
    expect(icu.mem).toEqual({});
    expect(fast.t('home.resultCount', { count: 2 })).toMatch(/2/);
    expect(Object.keys(icu.mem)).toEqual(['en']);
  });
});
