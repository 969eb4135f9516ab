/**
 * The employee's own words on the Contact IT form: a ticket written from scratch needs a few of
 * them (an empty ticket helps nobody), and its subject is built from them.
 */

/** Letters or digits in any script: "kan niet printen" is three words, "???" none. */
const wordPattern = /[\p{L}\p{N}]{2,}/gu;

export const minimumWords = 3;

export function enoughWords(text: string): boolean {
  return (text.match(wordPattern) ?? []).length >= minimumWords;
}

/** The first line (or sentence), cut on a word boundary to fit a helpdesk subject. */
export function subjectFromWords(text: string, limit = 80): string {
  const first =
    text
      .trim()
      .split(/\r?\n|(?<=[.!?])\s/u)[0]
      ?.trim() ?? '';
  const clean = first.replace(/\s+/g, ' ');
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
