/** Every sentence the fixes show exists in en/nl/fr/de (the type system checks that), is really translated, and keeps its placeholders. */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { networkTexts } from '../../../core/fixes/network/texts.ts';
import { printerTexts } from '../../../core/fixes/printer/texts.ts';
import { teamsTexts } from '../../../core/fixes/teams/texts.ts';
import { passwordTexts } from '../../../core/fixes/password/texts.ts';
import { diskTexts, placeNames } from '../../../core/fixes/disk/texts.ts';
import { clockTexts } from '../../../core/fixes/clock/texts.ts';
import { vpnTexts } from '../../../core/fixes/vpn/texts.ts';
import { slowTexts } from '../../../core/fixes/slow/texts.ts';
import { soundTexts } from '../../../core/fixes/sound/texts.ts';
import { problemSentences, problems } from '../../../core/fixes/network/diagnose.ts';
import type { Texts } from '../../../core/fixes/shared/text.ts';

const all: Array<[string, Record<string, Texts>]> = [
  ['diagnosis', problemSentences],
  ['network', networkTexts],
  ['printer', printerTexts],
  ['teams', teamsTexts],
  ['password', passwordTexts],
  ['disk', diskTexts],
  ['disk places', placeNames],
  ['clock', clockTexts],
  ['vpn', vpnTexts],
  ['slow', slowTexts],
  ['sound', soundTexts],
];
/** The values a message uses, ICU plurals included (`{count, plural, one {# day} …}` uses count). */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number) names.add(element.value);
      if (element.type === TYPE.plural) {
        names.add(element.value);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(text));
  return [...names].sort();
}

describe('fix texts', () => {
  it.each(all)('%s: nl, fr and de are translations, not copies of English, with the same placeholders', (_area, texts) => {
    for (const [key, text] of Object.entries(texts)) {
      for (const lang of ['nl', 'fr', 'de'] as const) {
        expect(text[lang].trim(), `${key}.${lang}`).not.toBe('');
        expect(text[lang], `${key}.${lang} is a copy of English`).not.toBe(text.en);
        expect(placeholders(text[lang]), `${key}.${lang} placeholders`).toEqual(placeholders(text.en));
      }
    }
  });

  it('has a distinct, single-sentence network diagnosis per problem in every language', () => {
    for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
      const sentences = problems.map((problem) => problemSentences[problem][lang]);
      expect(new Set(sentences).size).toBe(problems.length);
      for (const sentence of sentences) expect(sentence.replace(/\([^)]*\)/g, '').match(/[.!?](\s|$)/g), sentence).toHaveLength(1);
    }
  });
});
