import { describe, expect, it } from 'vitest';
import { enoughWords, subjectFromWords } from '../../../renderer/src/ticket-words.ts';

describe("the employee's own words on Contact IT", () => {
  it('needs at least three words, in any language', () => {
    expect(enoughWords('')).toBe(false);
    expect(enoughWords('help ?!')).toBe(false);
    expect(enoughWords('scherm blijft zwart')).toBe(true);
    expect(enoughWords('l’écran reste noir')).toBe(true);
    expect(enoughWords('a b c d')).toBe(false);
  });

  it('builds the subject from the first line or sentence, cut on a word', () => {
    expect(subjectFromWords('My second screen stays black. Since this morning.')).toBe('My second screen stays black.');
    expect(subjectFromWords('  Laptop\nwill not charge')).toBe('Laptop');
    const long = subjectFromWords('word '.repeat(40), 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('…')).toBe(true);
  });
});
