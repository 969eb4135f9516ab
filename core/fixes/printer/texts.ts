/** Sentences of the printer-queue fix. */
import type { Texts } from '../shared/text.ts';

export const printerTexts = {
  describeStatus: {
    en: 'Look at your printers and their print queues (changes nothing).',
    nl: 'Je printers en hun afdrukwachtrijen bekijken (er verandert niets).',
    fr: 'Examiner vos imprimantes et leurs files d’impression (rien n’est modifié).',
    de: 'Ihre Drucker und deren Druckwarteschlangen ansehen (nichts wird geändert).',
  },
  describeClearOwn: {
    en: 'Cancel your own print jobs that are stuck on {printer}. You will need to print those documents again.',
    nl: 'Je eigen afdruktaken die vastzitten op {printer} annuleren. Je moet die documenten daarna opnieuw afdrukken.',
    fr: 'Annuler vos propres impressions bloquées sur {printer}. Vous devrez ensuite relancer l’impression de ces documents.',
    de: 'Ihre eigenen hängenden Druckaufträge auf {printer} abbrechen. Sie müssen diese Dokumente danach erneut drucken.',
  },
  describeClearAll: {
    en: 'Cancel all print jobs on {printer}, including those of colleagues (needs administrator rights).',
    nl: 'Alle afdruktaken op {printer} annuleren, ook die van collega’s (vraagt beheerdersrechten).',
    fr: 'Annuler toutes les impressions sur {printer}, y compris celles de vos collègues (nécessite des droits d’administrateur).',
    de: 'Alle Druckaufträge auf {printer} abbrechen, auch die von Kollegen (erfordert Administratorrechte).',
  },
  describeResume: {
    en: 'Switch the print queue of {printer} back on so it prints and accepts documents again.',
    nl: 'De afdrukwachtrij van {printer} weer aanzetten zodat hij opnieuw documenten aanneemt en afdrukt.',
    fr: 'Réactiver la file d’impression de {printer} pour qu’elle accepte et imprime à nouveau les documents.',
    de: 'Die Druckwarteschlange von {printer} wieder einschalten, damit sie Dokumente wieder annimmt und druckt.',
  },
  describeRestart: {
    en: 'Restart the print service of this computer (needs administrator rights).',
    nl: 'De afdrukservice van deze computer herstarten (vraagt beheerdersrechten).',
    fr: 'Redémarrer le service d’impression de cet ordinateur (nécessite des droits d’administrateur).',
    de: 'Den Druckdienst dieses Computers neu starten (erfordert Administratorrechte).',
  },
  describeTestPage: {
    en: 'Print a test page on {printer}.',
    nl: 'Een testpagina afdrukken op {printer}.',
    fr: 'Imprimer une page de test sur {printer}.',
    de: 'Eine Testseite auf {printer} drucken.',
  },
  anyPrinter: { en: 'the printer with a problem', nl: 'de printer met een probleem', fr: 'l’imprimante en difficulté', de: 'dem Drucker mit dem Problem' },
  allFine: {
    en: 'Your printers are ready: no queue is stopped and no document is stuck.',
    nl: 'Je printers zijn klaar: geen enkele wachtrij staat stil en er zit geen document vast.',
    fr: 'Vos imprimantes sont prêtes : aucune file n’est arrêtée et aucun document n’est bloqué.',
    de: 'Ihre Drucker sind bereit: Keine Warteschlange ist angehalten und kein Dokument hängt fest.',
  },
  noPrinters: {
    en: 'No printer is set up on this computer.',
    nl: 'Er is geen printer ingesteld op deze computer.',
    fr: 'Aucune imprimante n’est configurée sur cet ordinateur.',
    de: 'Auf diesem Computer ist kein Drucker eingerichtet.',
  },
  unknownPrinter: {
    en: 'There is no printer called "{printer}" on this computer.',
    nl: 'Er is geen printer met de naam "{printer}" op deze computer.',
    fr: 'Il n’y a pas d’imprimante nommée « {printer} » sur cet ordinateur.',
    de: 'Auf diesem Computer gibt es keinen Drucker namens „{printer}“.',
  },
  spoolerDown: {
    en: 'The print service of this computer is not running.',
    nl: 'De afdrukservice van deze computer draait niet.',
    fr: 'Le service d’impression de cet ordinateur ne fonctionne pas.',
    de: 'Der Druckdienst dieses Computers läuft nicht.',
  },
  stopped: {
    en: 'The print queue of {printer} is stopped ({reason}).',
    nl: 'De afdrukwachtrij van {printer} staat stil ({reason}).',
    fr: 'La file d’impression de {printer} est arrêtée ({reason}).',
    de: 'Die Druckwarteschlange von {printer} ist angehalten ({reason}).',
  },
  rejecting: {
    en: '{printer} does not accept new documents.',
    nl: '{printer} neemt geen nieuwe documenten aan.',
    fr: '{printer} n’accepte pas de nouveaux documents.',
    de: '{printer} nimmt keine neuen Dokumente an.',
  },
  stuck: {
    en: '{count} document(s) are stuck in the queue of {printer}.',
    nl: 'Er zitten {count} document(en) vast in de wachtrij van {printer}.',
    fr: '{count} document(s) sont bloqués dans la file de {printer}.',
    de: '{count} Dokument(e) hängen in der Warteschlange von {printer} fest.',
  },
  cleared: {
    en: 'Your stuck print jobs were cancelled. Print your document again.',
    nl: 'Je vastgelopen afdruktaken zijn geannuleerd. Druk je document opnieuw af.',
    fr: 'Vos impressions bloquées ont été annulées. Relancez l’impression de votre document.',
    de: 'Ihre hängenden Druckaufträge wurden abgebrochen. Drucken Sie Ihr Dokument erneut.',
  },
  nothingToDo: {
    en: 'Nothing needed to be changed.',
    nl: 'Er hoefde niets te worden aangepast.',
    fr: 'Rien n’a dû être modifié.',
    de: 'Es musste nichts geändert werden.',
  },
  resumed: {
    en: 'The print queue is switched on again.',
    nl: 'De afdrukwachtrij staat weer aan.',
    fr: 'La file d’impression est réactivée.',
    de: 'Die Druckwarteschlange ist wieder eingeschaltet.',
  },
  restarted: {
    en: 'The print service was restarted.',
    nl: 'De afdrukservice is herstart.',
    fr: 'Le service d’impression a été redémarré.',
    de: 'Der Druckdienst wurde neu gestartet.',
  },
  testPageSent: {
    en: 'A test page was sent to {printer}.',
    nl: 'Er is een testpagina naar {printer} gestuurd.',
    fr: 'Une page de test a été envoyée à {printer}.',
    de: 'Eine Testseite wurde an {printer} gesendet.',
  },
  failed: {
    en: 'This did not work ({reason}).',
    nl: 'Dit is niet gelukt ({reason}).',
    fr: 'Cela n’a pas fonctionné ({reason}).',
    de: 'Das hat nicht funktioniert ({reason}).',
  },
  notAvailable: {
    en: 'Printing cannot be managed on this computer.',
    nl: 'Afdrukken kan op deze computer niet worden beheerd.',
    fr: 'L’impression ne peut pas être gérée sur cet ordinateur.',
    de: 'Das Drucken kann auf diesem Computer nicht verwaltet werden.',
  },
} satisfies Record<string, Texts>;
