/** Sentences of the clock fix. */
import type { Texts } from '../shared/text.ts';

export const clockTexts = {
  describeCheck: {
    en: 'Compare this computer’s clock with the company’s server (changes nothing).',
    nl: 'De klok van deze computer vergelijken met de server van het bedrijf (er verandert niets).',
    fr: 'Comparer l’horloge de cet ordinateur avec le serveur de l’entreprise (rien n’est modifié).',
    de: 'Die Uhr dieses Computers mit dem Server des Unternehmens vergleichen (nichts wird geändert).',
  },
  describeResync: {
    en: 'Set this computer’s clock to the exact time from the time server. This needs administrator rights.',
    nl: 'De klok van deze computer gelijkzetten met de exacte tijd van de tijdserver. Hiervoor zijn beheerdersrechten nodig.',
    fr: 'Régler l’horloge de cet ordinateur sur l’heure exacte du serveur de temps. Cela nécessite des droits d’administrateur.',
    de: 'Die Uhr dieses Computers auf die genaue Zeit des Zeitservers stellen. Dafür sind Administratorrechte nötig.',
  },
  inSync: {
    en: 'Your clock is right (within {seconds} seconds of the company’s server).',
    nl: 'Je klok loopt gelijk (binnen {seconds} seconden van de server van het bedrijf).',
    fr: 'Votre horloge est à l’heure (à {seconds} secondes près du serveur de l’entreprise).',
    de: 'Ihre Uhr geht richtig (höchstens {seconds} Sekunden Abweichung vom Server des Unternehmens).',
  },
  ahead: {
    en: 'Your clock is {amount} ahead. That can make signing in fail.',
    nl: 'Je klok loopt {amount} voor. Daardoor kan aanmelden mislukken.',
    fr: 'Votre horloge avance de {amount}. Cela peut faire échouer la connexion.',
    de: 'Ihre Uhr geht {amount} vor. Dadurch kann die Anmeldung fehlschlagen.',
  },
  behind: {
    en: 'Your clock is {amount} behind. That can make signing in fail.',
    nl: 'Je klok loopt {amount} achter. Daardoor kan aanmelden mislukken.',
    fr: 'Votre horloge retarde de {amount}. Cela peut faire échouer la connexion.',
    de: 'Ihre Uhr geht {amount} nach. Dadurch kann die Anmeldung fehlschlagen.',
  },
  minutes: {
    en: '{count, plural, one {# minute} other {# minutes}}',
    nl: '{count, plural, one {# minuut} other {# minuten}}',
    fr: '{count} min',
    de: '{count, plural, one {# Minute} other {# Minuten}}',
  },
  seconds: {
    en: '{count, plural, one {# second} other {# seconds}}',
    nl: '{count, plural, one {# seconde} other {# seconden}}',
    fr: '{count, plural, one {# seconde} other {# secondes}}',
    de: '{count, plural, one {# Sekunde} other {# Sekunden}}',
  },
  noReference: {
    en: 'Firstline has no company server to compare the clock with.',
    nl: 'Firstline heeft geen server van het bedrijf om de klok mee te vergelijken.',
    fr: 'Firstline n’a aucun serveur de l’entreprise avec lequel comparer l’horloge.',
    de: 'Firstline hat keinen Server des Unternehmens, mit dem die Uhr verglichen werden kann.',
  },
  unreachable: {
    en: 'The company’s server could not be reached to compare the clock.',
    nl: 'De server van het bedrijf was niet bereikbaar om de klok te vergelijken.',
    fr: 'Le serveur de l’entreprise n’a pas pu être joint pour comparer l’horloge.',
    de: 'Der Server des Unternehmens war nicht erreichbar, um die Uhr zu vergleichen.',
  },
  noDate: {
    en: 'The company’s server did not say what time it is.',
    nl: 'De server van het bedrijf gaf de tijd niet door.',
    fr: 'Le serveur de l’entreprise n’a pas indiqué l’heure.',
    de: 'Der Server des Unternehmens hat die Uhrzeit nicht mitgeteilt.',
  },
  resynced: {
    en: 'The clock was set from the time server.',
    nl: 'De klok is gelijkgezet met de tijdserver.',
    fr: 'L’horloge a été réglée sur le serveur de temps.',
    de: 'Die Uhr wurde nach dem Zeitserver gestellt.',
  },
  resyncUnavailable: {
    en: 'This computer has no tool to set the clock from a time server.',
    nl: 'Deze computer heeft geen hulpmiddel om de klok gelijk te zetten met een tijdserver.',
    fr: 'Cet ordinateur n’a aucun outil pour régler l’horloge sur un serveur de temps.',
    de: 'Dieser Computer hat kein Werkzeug, um die Uhr nach einem Zeitserver zu stellen.',
  },
  resyncFailed: {
    en: 'The clock could not be set ({reason}).',
    nl: 'De klok kon niet worden gelijkgezet ({reason}).',
    fr: 'L’horloge n’a pas pu être réglée ({reason}).',
    de: 'Die Uhr konnte nicht gestellt werden ({reason}).',
  },
} satisfies Record<string, Texts>;
