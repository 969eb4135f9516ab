/** Sentences of the Teams cache fix. */
import type { Texts } from '../shared/text.ts';

export const teamsTexts = {
  describeStatus: {
    en: 'Look for Microsoft Teams and its cache folders (changes nothing).',
    nl: 'Microsoft Teams en de cachemappen zoeken (er verandert niets).',
    fr: 'Rechercher Microsoft Teams et ses dossiers de cache (rien n’est modifié).',
    de: 'Microsoft Teams und seine Cache-Ordner suchen (nichts wird geändert).',
  },
  describeClear: {
    en: 'Close Teams, move its temporary files (cache) to a backup folder, and start Teams again. Your chats, backgrounds and settings are kept.',
    nl: 'Teams sluiten, de tijdelijke bestanden (cache) naar een back-upmap verplaatsen en Teams opnieuw starten. Je chats, achtergronden en instellingen blijven bewaard.',
    fr: 'Fermer Teams, déplacer ses fichiers temporaires (cache) vers un dossier de sauvegarde et relancer Teams. Vos conversations, arrière-plans et paramètres sont conservés.',
    de: 'Teams schließen, seine temporären Dateien (Cache) in einen Sicherungsordner verschieben und Teams neu starten. Ihre Chats, Hintergründe und Einstellungen bleiben erhalten.',
  },
  describeClearForce: {
    en: 'Force Teams to close (a message you are typing may be lost), move its cache to a backup folder, and start Teams again.',
    nl: 'Teams geforceerd sluiten (een bericht dat je aan het typen bent, kan verloren gaan), de cache naar een back-upmap verplaatsen en Teams opnieuw starten.',
    fr: 'Forcer la fermeture de Teams (un message en cours de saisie peut être perdu), déplacer son cache vers un dossier de sauvegarde et relancer Teams.',
    de: 'Teams zwangsweise schließen (eine Nachricht, die Sie gerade schreiben, kann verloren gehen), den Cache in einen Sicherungsordner verschieben und Teams neu starten.',
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
    en: 'Teams was found with {count, plural, one {# cache folder} other {# cache folders}}; it is {state}.',
    nl: 'Teams is gevonden met {count, plural, one {# cachemap} other {# cachemappen}}; het is {state}.',
    fr: 'Teams a été trouvé avec {count, plural, one {# dossier de cache} other {# dossiers de cache}} ; il est {state}.',
    de: 'Teams wurde mit {count, plural, one {# Cache-Ordner} other {# Cache-Ordnern}} gefunden; es ist {state}.',
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
    en: 'The Teams cache was cleared ({count, plural, one {# folder moved} other {# folders moved}} to a backup) and Teams was started again.',
    nl: 'De Teams-cache is gewist ({count, plural, one {# map} other {# mappen}} naar een back-up verplaatst) en Teams is opnieuw gestart.',
    fr: 'Le cache de Teams a été vidé ({count, plural, one {# dossier déplacé} other {# dossiers déplacés}} vers une sauvegarde) et Teams a été relancé.',
    de: 'Der Teams-Cache wurde geleert ({count} Ordner in eine Sicherung verschoben) und Teams wurde neu gestartet.',
  },
  clearedStartYourself: {
    en: 'The Teams cache was cleared ({count, plural, one {# folder moved} other {# folders moved}} to a backup). Please start Teams yourself.',
    nl: 'De Teams-cache is gewist ({count, plural, one {# map} other {# mappen}} naar een back-up verplaatst). Start Teams zelf opnieuw.',
    fr: 'Le cache de Teams a été vidé ({count, plural, one {# dossier déplacé} other {# dossiers déplacés}} vers une sauvegarde). Veuillez relancer Teams vous-même.',
    de: 'Der Teams-Cache wurde geleert ({count} Ordner in eine Sicherung verschoben). Bitte starten Sie Teams selbst.',
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
