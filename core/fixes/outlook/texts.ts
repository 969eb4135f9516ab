/** Sentences of the Outlook fix. */
import type { Texts } from '../shared/text.ts';

export const outlookTexts = {
  describeStatus: {
    en: 'Look at Outlook: whether it runs or hangs, its mail profile and saved sign-ins (changes nothing).',
    nl: 'Outlook bekijken: of het draait of vastloopt, het e-mailprofiel en bewaarde aanmeldingen (er verandert niets).',
    fr: 'Examiner Outlook : s’il fonctionne ou est bloqué, son profil de messagerie et les connexions enregistrées (rien n’est modifié).',
    de: 'Outlook ansehen: ob es läuft oder hängt, das E-Mail-Profil und gespeicherte Anmeldungen (nichts wird geändert).',
  },
  describeSafeMode: {
    en: 'Close an Outlook that no longer responds (an unsaved e-mail in it may be lost) and start Outlook in safe mode, without add-ins.',
    nl: 'Een Outlook dat niet meer reageert sluiten (een niet-opgeslagen e-mail daarin kan verloren gaan) en Outlook starten in veilige modus, zonder invoegtoepassingen.',
    fr: 'Fermer un Outlook qui ne répond plus (un e-mail non enregistré peut être perdu) et démarrer Outlook en mode sans échec, sans compléments.',
    de: 'Ein nicht mehr reagierendes Outlook schließen (eine nicht gespeicherte E-Mail darin kann verloren gehen) und Outlook im abgesicherten Modus ohne Add-Ins starten.',
  },
  describeClear: {
    en: 'Remove the saved Office sign-ins from Windows, so Outlook asks for your password once more and saves the right one. Other saved passwords are not touched.',
    nl: 'De bewaarde Office-aanmeldingen uit Windows verwijderen, zodat Outlook nog één keer om je wachtwoord vraagt en het juiste bewaart. Andere bewaarde wachtwoorden blijven staan.',
    fr: 'Supprimer les connexions Office enregistrées dans Windows, pour qu’Outlook demande votre mot de passe une fois de plus et enregistre le bon. Les autres mots de passe enregistrés ne sont pas touchés.',
    de: 'Die gespeicherten Office-Anmeldungen aus Windows entfernen, damit Outlook noch einmal nach Ihrem Passwort fragt und das richtige speichert. Andere gespeicherte Passwörter bleiben unberührt.',
  },
  allGood: {
    en: 'Outlook looks fine: {state}.',
    nl: 'Outlook ziet er goed uit: {state}.',
    fr: 'Outlook semble en ordre : {state}.',
    de: 'Outlook sieht gut aus: {state}.',
  },
  running: { en: 'it is running', nl: 'het draait', fr: 'il fonctionne', de: 'es läuft' },
  notRunning: { en: 'it is not running', nl: 'het draait niet', fr: 'il ne fonctionne pas', de: 'es läuft nicht' },
  hung: {
    en: 'Outlook is open but no longer responds.',
    nl: 'Outlook is open maar reageert niet meer.',
    fr: 'Outlook est ouvert mais ne répond plus.',
    de: 'Outlook ist geöffnet, reagiert aber nicht mehr.',
  },
  noProfile: {
    en: 'Outlook has no mail profile on this computer, so it cannot open your mailbox.',
    nl: 'Outlook heeft geen e-mailprofiel op deze computer, dus het kan je mailbox niet openen.',
    fr: 'Outlook n’a aucun profil de messagerie sur cet ordinateur : il ne peut pas ouvrir votre boîte aux lettres.',
    de: 'Outlook hat auf diesem Computer kein E-Mail-Profil und kann Ihr Postfach daher nicht öffnen.',
  },
  unknown: {
    en: 'Firstline cannot look at Outlook on this computer.',
    nl: 'Firstline kan Outlook op deze computer niet bekijken.',
    fr: 'Firstline ne peut pas examiner Outlook sur cet ordinateur.',
    de: 'Firstline kann Outlook auf diesem Computer nicht ansehen.',
  },
  safeStarted: {
    en: 'Outlook was started in safe mode.',
    nl: 'Outlook is gestart in veilige modus.',
    fr: 'Outlook a été démarré en mode sans échec.',
    de: 'Outlook wurde im abgesicherten Modus gestartet.',
  },
  alreadyRunning: {
    en: 'Outlook is already open and responding.',
    nl: 'Outlook is al open en reageert.',
    fr: 'Outlook est déjà ouvert et répond.',
    de: 'Outlook ist bereits geöffnet und reagiert.',
  },
  stillHung: {
    en: 'Outlook could not be closed.',
    nl: 'Outlook kon niet worden gesloten.',
    fr: 'Outlook n’a pas pu être fermé.',
    de: 'Outlook konnte nicht geschlossen werden.',
  },
  notStarted: {
    en: 'Outlook did not start.',
    nl: 'Outlook is niet gestart.',
    fr: 'Outlook n’a pas démarré.',
    de: 'Outlook ist nicht gestartet.',
  },
  notInstalled: {
    en: 'Outlook was not found on this computer.',
    nl: 'Outlook is niet gevonden op deze computer.',
    fr: 'Outlook est introuvable sur cet ordinateur.',
    de: 'Outlook wurde auf diesem Computer nicht gefunden.',
  },
  startYourself: {
    en: 'Firstline cannot start Outlook here: hold the Ctrl key while you click Outlook and choose Yes to start it in safe mode.',
    nl: 'Firstline kan Outlook hier niet starten: houd de Ctrl-toets ingedrukt terwijl je op Outlook klikt en kies Ja om het in veilige modus te starten.',
    fr: 'Firstline ne peut pas démarrer Outlook ici : maintenez la touche Ctrl enfoncée en cliquant sur Outlook et choisissez Oui pour le démarrer en mode sans échec.',
    de: 'Firstline kann Outlook hier nicht starten: Halten Sie die Strg-Taste gedrückt, während Sie auf Outlook klicken, und wählen Sie Ja, um es im abgesicherten Modus zu starten.',
  },
  cleared: {
    en: 'The saved Office sign-ins were removed ({count}).',
    nl: 'De bewaarde Office-aanmeldingen zijn verwijderd ({count}).',
    fr: 'Les connexions Office enregistrées ont été supprimées ({count}).',
    de: 'Die gespeicherten Office-Anmeldungen wurden entfernt ({count}).',
  },
  nothingSaved: {
    en: 'There were no saved Office sign-ins to remove.',
    nl: 'Er waren geen bewaarde Office-aanmeldingen om te verwijderen.',
    fr: 'Il n’y avait aucune connexion Office enregistrée à supprimer.',
    de: 'Es gab keine gespeicherten Office-Anmeldungen zu entfernen.',
  },
  clearFailed: {
    en: 'The saved Office sign-ins could not be removed.',
    nl: 'De bewaarde Office-aanmeldingen konden niet worden verwijderd.',
    fr: 'Les connexions Office enregistrées n’ont pas pu être supprimées.',
    de: 'Die gespeicherten Office-Anmeldungen konnten nicht entfernt werden.',
  },
  onlyWindows: {
    en: 'On this computer Firstline does not change Outlook; follow the steps shown.',
    nl: 'Op deze computer verandert Firstline niets aan Outlook; volg de getoonde stappen.',
    fr: 'Sur cet ordinateur, Firstline ne modifie pas Outlook ; suivez les étapes affichées.',
    de: 'Auf diesem Computer ändert Firstline nichts an Outlook; folgen Sie den angezeigten Schritten.',
  },
} satisfies Record<string, Texts>;
