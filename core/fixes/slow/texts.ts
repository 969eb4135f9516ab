/** Sentences of the slow-computer checks. */
import type { Texts } from '../shared/text.ts';

export const slowTexts = {
  describeUptime: {
    en: 'Check when this computer was last restarted (changes nothing).',
    nl: 'Controleren wanneer deze computer voor het laatst opnieuw is opgestart (er verandert niets).',
    fr: 'Vérifier quand cet ordinateur a été redémarré pour la dernière fois (rien n’est modifié).',
    de: 'Prüfen, wann dieser Computer zuletzt neu gestartet wurde (nichts wird geändert).',
  },
  describeBusy: {
    en: 'Watch for about half a minute which apps keep the computer busy (changes nothing).',
    nl: 'Ongeveer een halve minuut kijken welke apps de computer bezighouden (er verandert niets).',
    fr: 'Observer pendant environ une demi-minute quelles applications occupent l’ordinateur (rien n’est modifié).',
    de: 'Etwa eine halbe Minute beobachten, welche Apps den Computer auslasten (nichts wird geändert).',
  },
  describeUpdates: {
    en: 'Check whether installed updates are waiting for a restart (changes nothing).',
    nl: 'Controleren of geïnstalleerde updates op een herstart wachten (er verandert niets).',
    fr: 'Vérifier si des mises à jour installées attendent un redémarrage (rien n’est modifié).',
    de: 'Prüfen, ob installierte Updates auf einen Neustart warten (nichts wird geändert).',
  },
  uptimeOk: {
    en: 'This computer was restarted {days, plural, =0 {today} one {# day ago} other {# days ago}}.',
    nl: 'Deze computer is {days, plural, =0 {vandaag} one {# dag geleden} other {# dagen geleden}} opnieuw opgestart.',
    fr: 'Cet ordinateur a été redémarré {days, plural, =0 {aujourd’hui} one {il y a # jour} other {il y a # jours}}.',
    de: 'Dieser Computer wurde {days, plural, =0 {heute} one {vor # Tag} other {vor # Tagen}} neu gestartet.',
  },
  uptimeLong: {
    en: 'This computer has not been restarted for {days} days. A restart often makes it fast again.',
    nl: 'Deze computer is al {days} dagen niet opnieuw opgestart. Een herstart maakt hem vaak weer snel.',
    fr: 'Cet ordinateur n’a pas été redémarré depuis {days} jours. Un redémarrage le rend souvent à nouveau rapide.',
    de: 'Dieser Computer wurde seit {days} Tagen nicht neu gestartet. Ein Neustart macht ihn oft wieder schnell.',
  },
  noneBusy: {
    en: 'No app kept the computer busy while Firstline watched.',
    nl: 'Geen enkele app hield de computer bezig terwijl Firstline keek.',
    fr: 'Aucune application n’a occupé l’ordinateur pendant l’observation de Firstline.',
    de: 'Keine App hat den Computer ausgelastet, während Firstline beobachtet hat.',
  },
  busy: {
    en: 'These apps keep the computer busy: {names}.',
    nl: 'Deze apps houden de computer bezig: {names}.',
    fr: 'Ces applications occupent l’ordinateur : {names}.',
    de: 'Diese Apps lasten den Computer aus: {names}.',
  },
  busyUnknown: {
    en: 'Firstline could not see which apps are running.',
    nl: 'Firstline kon niet zien welke apps draaien.',
    fr: 'Firstline n’a pas pu voir quelles applications fonctionnent.',
    de: 'Firstline konnte nicht sehen, welche Apps laufen.',
  },
  restartPending: {
    en: 'Updates are installed and waiting for a restart.',
    nl: 'Er zijn updates geïnstalleerd die op een herstart wachten.',
    fr: 'Des mises à jour sont installées et attendent un redémarrage.',
    de: 'Updates sind installiert und warten auf einen Neustart.',
  },
  noRestartPending: {
    en: 'No update is waiting for a restart.',
    nl: 'Geen enkele update wacht op een herstart.',
    fr: 'Aucune mise à jour n’attend de redémarrage.',
    de: 'Kein Update wartet auf einen Neustart.',
  },
  updatesUnknown: {
    en: 'Firstline cannot tell on this computer whether updates wait for a restart.',
    nl: 'Firstline kan op deze computer niet zien of updates op een herstart wachten.',
    fr: 'Firstline ne peut pas savoir sur cet ordinateur si des mises à jour attendent un redémarrage.',
    de: 'Firstline kann auf diesem Computer nicht erkennen, ob Updates auf einen Neustart warten.',
  },
} satisfies Record<string, Texts>;
