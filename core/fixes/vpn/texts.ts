/** Sentences of the VPN fix. */
import type { Texts } from '../shared/text.ts';

export const vpnTexts = {
  describeGateway: {
    en: 'Check that the company’s VPN server can be found and reached, and that the clocks agree (changes nothing).',
    nl: 'Controleren of de VPN-server van het bedrijf gevonden en bereikt kan worden en of de klokken overeenkomen (er verandert niets).',
    fr: 'Vérifier que le serveur VPN de l’entreprise peut être trouvé et joint, et que les horloges concordent (rien n’est modifié).',
    de: 'Prüfen, ob der VPN-Server des Unternehmens gefunden und erreicht werden kann und die Uhren übereinstimmen (nichts wird geändert).',
  },
  describeClient: {
    en: 'Check that the VPN app is running (changes nothing).',
    nl: 'Controleren of de VPN-app draait (er verandert niets).',
    fr: 'Vérifier que l’application VPN fonctionne (rien n’est modifié).',
    de: 'Prüfen, ob die VPN-App läuft (nichts wird geändert).',
  },
  notConfigured: {
    en: 'IT has not told Firstline which VPN server to check.',
    nl: 'IT heeft Firstline niet verteld welke VPN-server gecontroleerd moet worden.',
    fr: 'Le service informatique n’a pas indiqué à Firstline quel serveur VPN vérifier.',
    de: 'Die IT hat Firstline nicht mitgeteilt, welcher VPN-Server geprüft werden soll.',
  },
  notResolved: {
    en: 'The VPN server’s name could not be found ({name}).',
    nl: 'De naam van de VPN-server kon niet worden gevonden ({name}).',
    fr: 'Le nom du serveur VPN est introuvable ({name}).',
    de: 'Der Name des VPN-Servers konnte nicht gefunden werden ({name}).',
  },
  unreachable: {
    en: 'The VPN server does not answer ({name}, port {port}).',
    nl: 'De VPN-server antwoordt niet ({name}, poort {port}).',
    fr: 'Le serveur VPN ne répond pas ({name}, port {port}).',
    de: 'Der VPN-Server antwortet nicht ({name}, Port {port}).',
  },
  refused: {
    en: 'The VPN server refuses connections ({name}, port {port}).',
    nl: 'De VPN-server weigert verbindingen ({name}, poort {port}).',
    fr: 'Le serveur VPN refuse les connexions ({name}, port {port}).',
    de: 'Der VPN-Server lehnt Verbindungen ab ({name}, Port {port}).',
  },
  clockOff: {
    en: 'The VPN server can be reached, but your clock differs from it by {seconds} seconds; that makes the VPN refuse to connect.',
    nl: 'De VPN-server is bereikbaar, maar je klok wijkt {seconds} seconden af; daardoor weigert de VPN te verbinden.',
    fr: 'Le serveur VPN est joignable, mais votre horloge en diffère de {seconds} secondes ; le VPN refuse donc de se connecter.',
    de: 'Der VPN-Server ist erreichbar, aber Ihre Uhr weicht um {seconds} Sekunden ab; deshalb verweigert das VPN die Verbindung.',
  },
  reachable: {
    en: 'The VPN server can be found and reached.',
    nl: 'De VPN-server kan gevonden en bereikt worden.',
    fr: 'Le serveur VPN peut être trouvé et joint.',
    de: 'Der VPN-Server kann gefunden und erreicht werden.',
  },
  clientRunning: {
    en: 'The VPN app is running.',
    nl: 'De VPN-app draait.',
    fr: 'L’application VPN fonctionne.',
    de: 'Die VPN-App läuft.',
  },
  clientStopped: {
    en: 'The VPN app is not running.',
    nl: 'De VPN-app draait niet.',
    fr: 'L’application VPN ne fonctionne pas.',
    de: 'Die VPN-App läuft nicht.',
  },
  clientMissing: {
    en: 'The VPN app is not installed on this computer.',
    nl: 'De VPN-app is niet geïnstalleerd op deze computer.',
    fr: 'L’application VPN n’est pas installée sur cet ordinateur.',
    de: 'Die VPN-App ist auf diesem Computer nicht installiert.',
  },
  clientUnknown: {
    en: 'Firstline could not check whether the VPN app is running.',
    nl: 'Firstline kon niet controleren of de VPN-app draait.',
    fr: 'Firstline n’a pas pu vérifier si l’application VPN fonctionne.',
    de: 'Firstline konnte nicht prüfen, ob die VPN-App läuft.',
  },
} satisfies Record<string, Texts>;
