/**
 * Turns what an employee typed into the search box into something IT may count: lower-case words
 * without accents, with everything that could identify a person or a machine dropped — digits
 * (phone, asset and ticket numbers), e-mail addresses, URLs and paths, capitalised words (names:
 * "printer of Jan Peeters" → "printer"), unless the catalog itself uses the word ("Outlook"),
 * overlong words — and the organisation's own redaction patterns applied first. The raw text is
 * never stored. Most people type into a search box in lower case; a capitalised first word that
 * is not a catalog word is lost, which is the price of never counting a name.
 */
const maxWords = 6;
const maxWordLength = 24;

/** Words that carry no meaning for "what was searched" (en, nl, fr, de). */
const stopWords = new Set(
  (
    'a an the my me i is it to of in on at for and or not no with does doesnt dont cant won wont ' +
    'de het een mijn ik is niet en of op in van met te werkt ' +
    'le la les un une mon ma mes je ne pas et ou de du des en sur avec est marche ' +
    'der die das ein eine mein meine ich ist nicht und oder mit auf im in geht'
  ).split(' '),
);

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Normalized search terms, or null when nothing countable is left. */
export function normalizeSearch(raw: string, options: { redactionPatterns?: readonly RegExp[]; vocabulary?: ReadonlySet<string> } = {}): string | null {
  const redactionPatterns = options.redactionPatterns ?? [];
  const vocabulary = options.vocabulary ?? new Set<string>();
  let text = raw.slice(0, 500);
  for (const pattern of redactionPatterns) text = text.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`), ' ');
  // Whole tokens that identify someone or something: e-mail addresses, URLs, paths, anything with a digit.
  const tokens = text.split(/\s+/).filter((t) => t !== '' && !/[@\\/:]|\d|^www\./i.test(t));
  const words: string[] = [];
  for (const token of tokens) {
    for (const part of token.split(/[^\p{L}'-]+/u)) {
      const word = part.replace(/^['-]+|['-]+$/g, '');
      if (word === '') continue;
      const folded = fold(word).replace(/'/g, '');
      // A capitalised word may be a name; acronyms (VPN, PDF) and catalog words are kept.
      if (/^\p{Lu}\p{Ll}/u.test(word) && !vocabulary.has(folded)) continue;
      if (folded.length < 2 || folded.length > maxWordLength || stopWords.has(folded)) continue;
      words.push(folded);
    }
  }
  const unique = [...new Set(words)].slice(0, maxWords);
  return unique.length > 0 ? unique.join(' ') : null;
}
