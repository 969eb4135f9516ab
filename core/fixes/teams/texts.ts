/** Sentences of the Teams cache fix. */
import type { Texts } from '../shared/text.ts';

export const teamsTexts = {
  describeStatus: {
    en: 'Look for Microsoft Teams and its temporary files (changes nothing).',
    nl: 'Microsoft Teams en zijn tijdelijke bestanden zoeken (er verandert niets).',
    fr: 'Rechercher Microsoft Teams et ses fichiers temporaires (rien n’est modifié).',
    de: 'Microsoft Teams und seine temporären Dateien suchen (nichts wird geändert).',
  },
  describeClear: {
    en: 'Close Teams, move its temporary files to a backup folder, and start Teams again. Your chats, backgrounds and settings are kept.',
    nl: 'Teams sluiten, de tijdelijke bestanden naar een back-upmap verplaatsen en Teams opnieuw starten. Je chats, achtergronden en instellingen blijven bewaard.',
    fr: 'Fermer Teams, déplacer ses fichiers temporaires vers un dossier de sauvegarde et relancer Teams. Vos conversations, arrière-plans et paramètres sont conservés.',
    de: 'Teams schließen, seine temporären Dateien in einen Sicherungsordner verschieben und Teams neu starten. Ihre Chats, Hintergründe und Einstellungen bleiben erhalten.',
  },
  describeClearForce: {
    en: 'Force Teams to close (a message you are typing may be lost), move its temporary files to a backup folder, and start Teams again.',
    nl: 'Teams geforceerd sluiten (een bericht dat je aan het typen bent, kan verloren gaan), de tijdelijke bestanden naar een back-upmap verplaatsen en Teams opnieuw starten.',
    fr: 'Forcer la fermeture de Teams (un message en cours de saisie peut être perdu), déplacer ses fichiers temporaires vers un dossier de sauvegarde et relancer Teams.',
    de: 'Das Schließen von Teams erzwingen (eine Nachricht, die Sie gerade schreiben, kann verloren gehen), die temporären Dateien in einen Sicherungsordner verschieben und Teams neu starten.',
  },
  describeStart: {
    en: 'Start Microsoft Teams.',
    nl: 'Microsoft Teams starten.',
    fr: 'Démarrer Microsoft Teams.',
    de: 'Microsoft Teams starten.',
  },
  notFound: {
    en: 'Microsoft Teams was not found on this computer.',
    nl: 'Microsoft Teams is niet gevonden op deze computer.',
    fr: 'Microsoft Teams est introuvable sur cet ordinateur.',
    de: 'Microsoft Teams wurde auf diesem Computer nicht gefunden.',
  },
  found: {
    en: 'Teams was found with {count, plural, one {# folder of temporary files} other {# folders of temporary files}}; it is {state}.',
    nl: 'Teams is gevonden met {count, plural, one {# map met tijdelijke bestanden} other {# mappen met tijdelijke bestanden}}; het is {state}.',
    fr: 'Teams a été trouvé avec {count, plural, one {# dossier de fichiers temporaires} other {# dossiers de fichiers temporaires}} ; il est {state}.',
    de: 'Teams wurde mit {count, plural, one {# Ordner mit temporären Dateien} other {# Ordnern mit temporären Dateien}} gefunden; es ist {state}.',
  },
  running: { en: 'running', nl: 'actief', fr: 'en cours d’exécution', de: 'gestartet' },
  stopped: { en: 'closed', nl: 'gesloten', fr: 'fermé', de: 'geschlossen' },
  stillRunning: {
    en: 'Teams did not close by itself, so nothing was changed.',
    nl: 'Teams sloot niet vanzelf, dus er is niets veranderd.',
    fr: 'Teams ne s’est pas fermé de lui-même, rien n’a donc été modifié.',
    de: 'Teams hat sich nicht von selbst geschlossen, daher wurde nichts geändert.',
  },
  cleared: {
    en: 'The temporary files of Teams were cleared ({count, plural, one {# folder moved} other {# folders moved}} to a backup) and Teams was started again.',
    nl: 'De tijdelijke bestanden van Teams zijn gewist ({count, plural, one {# map} other {# mappen}} naar een back-up verplaatst) en Teams is opnieuw gestart.',
    fr: 'Les fichiers temporaires de Teams ont été vidés ({count, plural, one {# dossier déplacé} other {# dossiers déplacés}} vers une sauvegarde) et Teams a été relancé.',
    de: 'Die temporären Dateien von Teams wurden geleert ({count} Ordner in eine Sicherung verschoben) und Teams wurde neu gestartet.',
  },
  clearedStartYourself: {
    en: 'The temporary files of Teams were cleared ({count, plural, one {# folder moved} other {# folders moved}} to a backup). Please start Teams yourself.',
    nl: 'De tijdelijke bestanden van Teams zijn gewist ({count, plural, one {# map} other {# mappen}} naar een back-up verplaatst). Start Teams zelf opnieuw.',
    fr: 'Les fichiers temporaires de Teams ont été vidés ({count, plural, one {# dossier déplacé} other {# dossiers déplacés}} vers une sauvegarde). Veuillez relancer Teams vous-même.',
    de: 'Die temporären Dateien von Teams wurden geleert ({count} Ordner in eine Sicherung verschoben). Bitte starten Sie Teams selbst.',
  },
  refused: {
    en: 'Some folders were left alone because they point outside your user profile.',
    nl: 'Sommige mappen zijn niet aangeraakt omdat ze buiten je gebruikersprofiel wijzen.',
    fr: 'Certains dossiers n’ont pas été touchés car ils pointent en dehors de votre profil utilisateur.',
    de: 'Einige Ordner wurden nicht angetastet, weil sie außerhalb Ihres Benutzerprofils liegen.',
  },
  inUse: {
    en: 'Some folders were still in use and were left alone; restart your computer and try again.',
    nl: 'Sommige mappen waren nog in gebruik en zijn niet aangeraakt; start je computer opnieuw op en probeer het nog eens.',
    fr: 'Certains dossiers étaient encore utilisés et n’ont pas été touchés ; redémarrez votre ordinateur et réessayez.',
    de: 'Einige Ordner waren noch in Verwendung und wurden nicht angetastet; starten Sie Ihren Computer neu und versuchen Sie es erneut.',
  },
  started: {
    en: 'Teams is running.',
    nl: 'Teams is actief.',
    fr: 'Teams est en cours d’exécution.',
    de: 'Teams läuft.',
  },
  notStarted: {
    en: 'Teams could not be started. Please start it yourself.',
    nl: 'Teams kon niet worden gestart. Start het zelf.',
    fr: 'Teams n’a pas pu être démarré. Veuillez le lancer vous-même.',
    de: 'Teams konnte nicht gestartet werden. Bitte starten Sie es selbst.',
  },
  noProfile: {
    en: 'Your user profile folder could not be determined, so nothing was changed.',
    nl: 'Je gebruikersprofielmap kon niet worden bepaald, dus er is niets veranderd.',
    fr: 'Le dossier de votre profil utilisateur n’a pas pu être déterminé, rien n’a donc été modifié.',
    de: 'Ihr Benutzerprofilordner konnte nicht ermittelt werden, daher wurde nichts geändert.',
  },
} satisfies Record<string, Texts>;
