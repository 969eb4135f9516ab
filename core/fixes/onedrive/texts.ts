/** Sentences of the OneDrive fix. */
import type { Texts } from '../shared/text.ts';

export const onedriveTexts = {
  describeStatus: {
    en: 'Look at whether OneDrive is running and signed in (changes nothing).',
    nl: 'Bekijken of OneDrive draait en aangemeld is (er verandert niets).',
    fr: 'Vérifier si OneDrive fonctionne et est connecté (rien n’est modifié).',
    de: 'Prüfen, ob OneDrive läuft und angemeldet ist (nichts wird geändert).',
  },
  describeStart: {
    en: 'Start OneDrive.',
    nl: 'OneDrive starten.',
    fr: 'Démarrer OneDrive.',
    de: 'OneDrive starten.',
  },
  describeReset: {
    en: 'Reset OneDrive: it closes, starts again and checks all your files once more. Your files stay where they are; it can take a while for large folders, and you may have to sign in again.',
    nl: 'OneDrive opnieuw instellen: het sluit, start opnieuw en controleert al je bestanden nog eens. Je bestanden blijven waar ze zijn; bij grote mappen kan het even duren, en misschien moet je opnieuw aanmelden.',
    fr: 'Réinitialiser OneDrive : il se ferme, redémarre et vérifie à nouveau tous vos fichiers. Vos fichiers restent en place ; cela peut prendre du temps pour les gros dossiers, et vous devrez peut-être vous reconnecter.',
    de: 'OneDrive zurücksetzen: es wird geschlossen, neu gestartet und prüft alle Ihre Dateien erneut. Ihre Dateien bleiben, wo sie sind; bei großen Ordnern kann es dauern, und Sie müssen sich eventuell neu anmelden.',
  },
  allGood: {
    en: 'OneDrive is running and signed in.',
    nl: 'OneDrive draait en is aangemeld.',
    fr: 'OneDrive fonctionne et est connecté.',
    de: 'OneDrive läuft und ist angemeldet.',
  },
  notRunning: {
    en: 'OneDrive is not running, so your files are not being synced.',
    nl: 'OneDrive draait niet, dus je bestanden worden niet gesynchroniseerd.',
    fr: 'OneDrive ne fonctionne pas : vos fichiers ne sont pas synchronisés.',
    de: 'OneDrive läuft nicht, daher werden Ihre Dateien nicht synchronisiert.',
  },
  notSignedIn: {
    en: 'OneDrive is not signed in to an account.',
    nl: 'OneDrive is niet aangemeld bij een account.',
    fr: 'OneDrive n’est connecté à aucun compte.',
    de: 'OneDrive ist bei keinem Konto angemeldet.',
  },
  unknown: {
    en: 'Firstline cannot tell whether OneDrive is running on this computer.',
    nl: 'Firstline kan niet zien of OneDrive op deze computer draait.',
    fr: 'Firstline ne peut pas savoir si OneDrive fonctionne sur cet ordinateur.',
    de: 'Firstline kann nicht erkennen, ob OneDrive auf diesem Computer läuft.',
  },
  started: {
    en: 'OneDrive was started.',
    nl: 'OneDrive is gestart.',
    fr: 'OneDrive a été démarré.',
    de: 'OneDrive wurde gestartet.',
  },
  notInstalled: {
    en: 'OneDrive was not found on this computer.',
    nl: 'OneDrive is niet gevonden op deze computer.',
    fr: 'OneDrive est introuvable sur cet ordinateur.',
    de: 'OneDrive wurde auf diesem Computer nicht gefunden.',
  },
  startYourself: {
    en: 'Firstline cannot start OneDrive here: open it from the Start menu or Applications.',
    nl: 'Firstline kan OneDrive hier niet starten: open het via het Startmenu of Apps.',
    fr: 'Firstline ne peut pas démarrer OneDrive ici : ouvrez-le depuis le menu Démarrer ou Applications.',
    de: 'Firstline kann OneDrive hier nicht starten: Öffnen Sie es über das Startmenü oder Programme.',
  },
  notStarted: {
    en: 'OneDrive did not start.',
    nl: 'OneDrive is niet gestart.',
    fr: 'OneDrive n’a pas démarré.',
    de: 'OneDrive ist nicht gestartet.',
  },
  resetDone: {
    en: 'OneDrive was reset and is running again.',
    nl: 'OneDrive is opnieuw ingesteld en draait weer.',
    fr: 'OneDrive a été réinitialisé et fonctionne à nouveau.',
    de: 'OneDrive wurde zurückgesetzt und läuft wieder.',
  },
  resetNotRunning: {
    en: 'OneDrive was reset but did not start again.',
    nl: 'OneDrive is opnieuw ingesteld maar niet opnieuw gestart.',
    fr: 'OneDrive a été réinitialisé mais n’a pas redémarré.',
    de: 'OneDrive wurde zurückgesetzt, ist aber nicht wieder gestartet.',
  },
  resetFailed: {
    en: 'OneDrive could not be reset.',
    nl: 'OneDrive kon niet opnieuw worden ingesteld.',
    fr: 'OneDrive n’a pas pu être réinitialisé.',
    de: 'OneDrive konnte nicht zurückgesetzt werden.',
  },
  onlyWinMac: {
    en: 'OneDrive is only handled on Windows and macOS.',
    nl: 'OneDrive wordt alleen op Windows en macOS behandeld.',
    fr: 'OneDrive n’est pris en charge que sous Windows et macOS.',
    de: 'OneDrive wird nur unter Windows und macOS behandelt.',
  },
  nothingToDo: {
    en: 'OneDrive was already running.',
    nl: 'OneDrive draaide al.',
    fr: 'OneDrive fonctionnait déjà.',
    de: 'OneDrive lief bereits.',
  },
} satisfies Record<string, Texts>;
