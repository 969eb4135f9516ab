/**
 * Fixed wording of the ticket text, in the four languages. The ticket is previewed by the
 * employee (in their language) and read by IT; labels stay short and plain.
 */
import type { Lang } from '../kernel/lang.ts';
import type { Outcome } from '../engine/events.ts';

export type TicketLabels = {
  whatWasTried: string;
  troubleshooter: string;
  outcome: Record<Outcome, string>;
  check: string;
  finding: string;
  fix: string;
  fixApplied: string;
  fixFailed: string;
  /** After a fix the elevation broker ran with administrator rights (IT reads it in the ticket). */
  viaBroker: string;
  verified: string;
  verificationFailed: string;
  /** A step skipped because its condition was false; followed by the condition and the values it read. */
  skippedWhen: string;
  answer: string;
  reason: string;
  /** The machine-readable cause the checks named (run-finished `cause`). */
  cause: string;
  machine: string;
  os: string;
  hostname: string;
  user: string;
  uptime: string;
  diskFree: string;
  network: string;
  printer: string;
  reference: string;
  contactTitle: (hostname: string) => string;
  runTitle: (title: string, outcome: string) => string;
  transcriptName: string;
  nothingTried: string;
  /** The employee read a knowledge article before contacting IT. */
  articleRead: string;
  articleHelped: Record<'yes' | 'no' | 'unanswered', string>;
  /** How much the problem stops the employee's work (their choice on the ticket form). */
  urgency: string;
  urgencyLevels: Record<'low' | 'normal' | 'high', string>;
  /** The number the employee asked IT to call back on. */
  callback: string;
  /** Readable summary (core/tickets/summary.ts). */
  yes: string;
  no: string;
  declined: string;
  noRights: string;
  result: string;
  nothingRan: string;
  sizeOf: (free: string, size: string) => string;
  networkTypes: Record<string, string>;
  defaultRoute: string;
  /** Heading of the steps a condition left out (with their skip trace). */
  notApplied: string;
};

export const ticketLabels: Record<Lang, TicketLabels> = {
  en: {
    whatWasTried: 'What was tried',
    troubleshooter: 'Troubleshooter',
    outcome: { resolved: 'resolved', 'not-resolved': 'not resolved', cancelled: 'cancelled', 'needs-human': 'needs IT', error: 'error' },
    check: 'Check',
    finding: 'Finding',
    fix: 'Fix',
    fixApplied: 'applied',
    fixFailed: 'failed',
    viaBroker: 'with administrator rights through the Firstline elevation broker',
    verified: 'Verification passed',
    verificationFailed: 'Verification failed',
    skippedWhen: 'Skipped, condition not met',
    answer: 'Answer',
    reason: 'Reason',
    cause: 'Cause found',
    machine: 'Computer',
    os: 'Operating system',
    hostname: 'Computer name',
    user: 'User',
    uptime: 'Running for',
    diskFree: 'Free disk space',
    network: 'Network',
    printer: 'Default printer',
    reference: 'Firstline reference',
    contactTitle: (h) => `Help request from ${h}`,
    runTitle: (t, o) => `${t} (${o})`,
    transcriptName: 'firstline-transcript.txt',
    nothingTried: 'Nothing was tried automatically.',
    articleRead: 'How-to read first',
    articleHelped: { yes: 'It helped', no: 'It did not help', unanswered: 'Not said whether it helped' },
    urgency: 'Urgency',
    urgencyLevels: { high: 'cannot work at all', normal: 'can work around it', low: 'no hurry' },
    callback: 'Call back at',
    yes: 'Yes',
    no: 'No',
    declined: 'The employee declined this change',
    noRights: 'Needs administrator rights, which were not available',
    result: 'Result',
    nothingRan: 'No step ran.',
    sizeOf: (free, size) => `${free} of ${size}`,
    networkTypes: { wired: 'cable', wireless: 'Wi-Fi', virtual: 'virtual' },
    defaultRoute: 'default route',
    notApplied: 'Steps that did not apply',
  },
  nl: {
    whatWasTried: 'Wat al geprobeerd is',
    troubleshooter: 'Probleemoplosser',
    outcome: { resolved: 'opgelost', 'not-resolved': 'niet opgelost', cancelled: 'geannuleerd', 'needs-human': 'IT nodig', error: 'fout' },
    check: 'Controle',
    finding: 'Bevinding',
    fix: 'Oplossing',
    fixApplied: 'uitgevoerd',
    fixFailed: 'mislukt',
    viaBroker: 'met beheerdersrechten via de Firstline-elevatiebroker',
    verified: 'Controle achteraf geslaagd',
    verificationFailed: 'Controle achteraf mislukt',
    skippedWhen: 'Overgeslagen, voorwaarde niet vervuld',
    answer: 'Antwoord',
    reason: 'Reden',
    cause: 'Gevonden oorzaak',
    machine: 'Computer',
    os: 'Besturingssysteem',
    hostname: 'Computernaam',
    user: 'Gebruiker',
    uptime: 'Aan sinds',
    diskFree: 'Vrije schijfruimte',
    network: 'Netwerk',
    printer: 'Standaardprinter',
    reference: 'Firstline-referentie',
    contactTitle: (h) => `Hulpvraag vanaf ${h}`,
    runTitle: (t, o) => `${t} (${o})`,
    transcriptName: 'firstline-verslag.txt',
    nothingTried: 'Er is niets automatisch geprobeerd.',
    articleRead: 'Eerst gelezen handleiding',
    articleHelped: { yes: 'Het hielp', no: 'Het hielp niet', unanswered: 'Niet gezegd of het hielp' },
    urgency: 'Urgentie',
    urgencyLevels: { high: 'kan helemaal niet werken', normal: 'kan er omheen werken', low: 'geen haast' },
    callback: 'Terugbellen op',
    yes: 'Ja',
    no: 'Nee',
    declined: 'De medewerker heeft deze wijziging geweigerd',
    noRights: 'Vraagt beheerdersrechten, die er niet waren',
    result: 'Resultaat',
    nothingRan: 'Er is geen stap uitgevoerd.',
    sizeOf: (free, size) => `${free} van ${size}`,
    networkTypes: { wired: 'kabel', wireless: 'wifi', virtual: 'virtueel' },
    defaultRoute: 'standaardroute',
    notApplied: 'Stappen die niet van toepassing waren',
  },
  fr: {
    whatWasTried: 'Ce qui a déjà été essayé',
    troubleshooter: 'Dépannage',
    outcome: { resolved: 'résolu', 'not-resolved': 'non résolu', cancelled: 'annulé', 'needs-human': 'besoin de l’IT', error: 'erreur' },
    check: 'Vérification',
    finding: 'Constat',
    fix: 'Correction',
    fixApplied: 'appliquée',
    fixFailed: 'échouée',
    viaBroker: 'avec les droits d’administrateur via le courtier d’élévation Firstline',
    verified: 'Contrôle final réussi',
    verificationFailed: 'Contrôle final échoué',
    skippedWhen: 'Ignorée, condition non remplie',
    answer: 'Réponse',
    reason: 'Raison',
    cause: 'Cause trouvée',
    machine: 'Ordinateur',
    os: 'Système d’exploitation',
    hostname: 'Nom de l’ordinateur',
    user: 'Utilisateur',
    uptime: 'Allumé depuis',
    diskFree: 'Espace disque libre',
    network: 'Réseau',
    printer: 'Imprimante par défaut',
    reference: 'Référence Firstline',
    contactTitle: (h) => `Demande d’aide depuis ${h}`,
    runTitle: (t, o) => `${t} (${o})`,
    transcriptName: 'firstline-journal.txt',
    nothingTried: 'Rien n’a été essayé automatiquement.',
    articleRead: 'Guide lu avant',
    articleHelped: { yes: 'Il a aidé', no: 'Il n’a pas aidé', unanswered: 'Pas indiqué s’il a aidé' },
    urgency: 'Urgence',
    urgencyLevels: { high: 'ne peut plus travailler du tout', normal: 'peut contourner le problème', low: 'pas pressé' },
    callback: 'Rappeler au',
    yes: 'Oui',
    no: 'Non',
    declined: 'L’employé a refusé cette modification',
    noRights: 'Demande des droits d’administrateur, qui n’étaient pas disponibles',
    result: 'Résultat',
    nothingRan: 'Aucune étape n’a été exécutée.',
    sizeOf: (free, size) => `${free} sur ${size}`,
    networkTypes: { wired: 'câble', wireless: 'Wi-Fi', virtual: 'virtuel' },
    defaultRoute: 'route par défaut',
    notApplied: 'Étapes sans objet ici',
  },
  de: {
    whatWasTried: 'Was bereits versucht wurde',
    troubleshooter: 'Problemlöser',
    outcome: { resolved: 'gelöst', 'not-resolved': 'nicht gelöst', cancelled: 'abgebrochen', 'needs-human': 'IT nötig', error: 'Fehler' },
    check: 'Prüfung',
    finding: 'Befund',
    fix: 'Korrektur',
    fixApplied: 'ausgeführt',
    fixFailed: 'fehlgeschlagen',
    viaBroker: 'mit Administratorrechten über den Firstline-Elevationsbroker',
    verified: 'Abschlussprüfung bestanden',
    verificationFailed: 'Abschlussprüfung fehlgeschlagen',
    skippedWhen: 'Übersprungen, Bedingung nicht erfüllt',
    answer: 'Antwort',
    reason: 'Grund',
    cause: 'Gefundene Ursache',
    machine: 'Computer',
    os: 'Betriebssystem',
    hostname: 'Computername',
    user: 'Benutzer',
    uptime: 'Läuft seit',
    diskFree: 'Freier Speicherplatz',
    network: 'Netzwerk',
    printer: 'Standarddrucker',
    reference: 'Firstline-Referenz',
    contactTitle: (h) => `Hilfeanfrage von ${h}`,
    runTitle: (t, o) => `${t} (${o})`,
    transcriptName: 'firstline-protokoll.txt',
    nothingTried: 'Es wurde nichts automatisch versucht.',
    articleRead: 'Zuvor gelesene Anleitung',
    articleHelped: { yes: 'Sie hat geholfen', no: 'Sie hat nicht geholfen', unanswered: 'Nicht angegeben, ob sie geholfen hat' },
    urgency: 'Dringlichkeit',
    urgencyLevels: { high: 'kann gar nicht arbeiten', normal: 'kann es umgehen', low: 'keine Eile' },
    callback: 'Rückruf unter',
    yes: 'Ja',
    no: 'Nein',
    declined: 'Die Mitarbeiterin oder der Mitarbeiter hat diese Änderung abgelehnt',
    noRights: 'Braucht Administratorrechte, die nicht verfügbar waren',
    result: 'Ergebnis',
    nothingRan: 'Es wurde kein Schritt ausgeführt.',
    sizeOf: (free, size) => `${free} von ${size}`,
    networkTypes: { wired: 'Kabel', wireless: 'WLAN', virtual: 'virtuell' },
    defaultRoute: 'Standardroute',
    notApplied: 'Nicht zutreffende Schritte',
  },
};
