/**
 * How employees phrase a problem, per language (issue 14): filler words that say nothing about
 * which fix is meant ("je ne peux pas", "ik kan niet", "does not") and colloquial words mapped
 * to the words the catalog uses ("marche pas", "plante", "traag", "hängt"). Used by search.ts at
 * query time only; the phrasing corpus in test/fixtures/search/phrasings.json measures it.
 * Everything here is already normalized (lower case, accents removed), as search.ts compares.
 */

/** Words that never decide between fixes, in en, nl, fr and de (one set: people mix languages). */
export const stopWords: ReadonlySet<string> = new Set([
  // en
  'i', 'im', 'ive', 'me', 'my', 'the', 'a', 'an', 'is', 'are', 'am', 'was', 'be', 'it', 'its', 'to', 'on', 'in', 'at', 'of', 'for', 'and', 'or', 'not', 'no',
  'dont', 'doesnt', 'doesn', 'don', 'won', 'wont', 'isn', 'can', 'cant', 'cannot', 't', 's', 'm', 'will', 'does', 'do', 'did', 'keeps', 'keep', 'all', 'time',
  'very', 'just', 'anymore', 'again', 'this', 'that', 'with', 'from', 'out', 'up', 'comes', 'nothing', 'get', 'help', 'please', 'problem', 'issue',
  'working', 'work', 'works', 'down', 'broken', 'wrong', 'of', 'any',
  // nl
  'ik', 'mijn', 'de', 'het', 'een', 'is', 'ben', 'niet', 'geen', 'kan', 'kun', 'werkt', 'doet', 'lukt', 'meer', 'er', 'uit', 'van', 'met', 'op', 'in', 'naar',
  'steeds', 'altijd', 'niks', 'niets', 'raar', 'heel', 'erg', 'wel', 'nog', 'ligt', 'plat', 'kapot', 'maken', 'mislukt', 'probleem',
  // fr
  'je', 'j', 'ne', 'n', 'pas', 'peux', 'peut', 'plus', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'mon', 'ma', 'mes', 'est', 'suis',
  'se', 's', 'me', 'm', 'a', 'au', 'en', 'marche', 'fonctionne', 'rien', 'sort', 'impossible', 'arrive', 'panne', 'tres', 'toujours', 'sans', 'cesse', 'probleme',
  // de
  'ich', 'mein', 'meine', 'der', 'die', 'das', 'ein', 'eine', 'ist', 'bin', 'nicht', 'kein', 'keine', 'kann', 'geht', 'funktioniert', 'klappt', 'mehr', 'es',
  'kommt', 'nichts', 'aus', 'dem', 'den', 'zum', 'zur', 'mit', 'mich', 'mir', 'sehr', 'immer', 'kaputt', 'spinnt', 'problem',
]);

/**
 * Colloquial or symptom words → words the built-in catalog uses. A query term keeps its own
 * spelling and gains these, so an organisation's catalog with other words still matches.
 */
export const synonyms: Readonly<Record<string, readonly string[]>> = {
  // printing
  printen: ['printer'], print: ['printer'], prints: ['printer'], printing: ['printer'], afdrukken: ['printer'], afgedrukt: ['printer'], printopdracht: ['printer'],
  imprimer: ['imprimante'], imprime: ['imprimante'], impression: ['imprimante'], bourrage: ['imprimante'], papier: ['printer'], paper: ['printer'], jam: ['printer'],
  drucken: ['drucker'], gedruckt: ['drucker'], druckauftrag: ['drucker'], papierstau: ['drucker'], angehalten: ['drucker'],
  // network
  wifi: ['internet'], wlan: ['internet'], offline: ['internet'], ligne: ['internet'], websites: ['internet'], website: ['internet'], sites: ['internet'],
  webseiten: ['internet'], connect: ['internet'], connection: ['internet'], connexion: ['internet'], verbinding: ['internet'], verbindung: ['internet'],
  netwerk: ['internet'], network: ['internet'], reseau: ['internet'], netzwerk: ['internet'], coupe: ['internet'], coupee: ['internet'], weg: ['internet'],
  // password and signing in
  login: ['password'], log: ['password'], sign: ['password'], inloggen: ['password'], aanmelden: ['password'], anmelden: ['kennwort'], anmeldung: ['kennwort'],
  locked: ['password'], account: ['password'], compte: ['mot'], verrouille: ['mot'], identifiant: ['mot'], connecter: ['mot'], buitengesloten: ['wachtwoord'],
  geblokkeerd: ['wachtwoord'], paswoord: ['wachtwoord'], ausgesperrt: ['kennwort'], gesperrt: ['kennwort'], konto: ['kennwort'],
  // Teams misbehaving
  crash: ['teams'], crashing: ['teams'], crasht: ['teams'], freezes: ['teams'], plante: ['teams'], rame: ['teams'], friert: ['teams'], sturzt: ['teams'],
  vergadering: ['teams'], reunion: ['teams'], meeting: ['teams'], besprechung: ['teams'],
};

/** A query term as search.ts should look it up: null for filler, else the term and its synonyms. */
export function expandQueryTerm(term: string): string[] | null {
  if (stopWords.has(term)) return null;
  const extra = synonyms[term];
  return extra ? [term, ...extra] : [term];
}
