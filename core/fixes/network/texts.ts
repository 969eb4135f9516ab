/** Sentences of the network fixes (the diagnosis sentences live in diagnose.ts). */
import type { Texts } from '../shared/text.ts';

export const networkTexts = {
  describeDiagnose: {
    en: 'Check the network adapter, Wi-Fi, address, router, how website names are found and a few websites (changes nothing).',
    nl: 'De netwerkadapter, wifi, het adres, de router, het opzoeken van websitenamen en enkele websites controleren (er verandert niets).',
    fr: 'Vérifier la carte réseau, le Wi-Fi, l’adresse, le routeur, la recherche des noms de sites et quelques sites (rien n’est modifié).',
    de: 'Netzwerkadapter, WLAN, Adresse, Router, das Auflösen von Website-Namen und einige Websites prüfen (nichts wird geändert).',
  },
  describeReconnect: {
    en: 'Disconnect from Wi-Fi and connect again. Your connection drops for a few seconds.',
    nl: 'Wifi verbreken en opnieuw verbinden. Je verbinding valt een paar seconden weg.',
    fr: 'Se déconnecter du Wi-Fi puis se reconnecter. La connexion est coupée quelques secondes.',
    de: 'WLAN trennen und neu verbinden. Ihre Verbindung ist einige Sekunden unterbrochen.',
  },
  describeFlushDns: {
    en: 'Clear the list of website addresses your computer remembers.',
    nl: 'De lijst met websiteadressen die je computer onthoudt wissen.',
    fr: 'Vider la liste des adresses de sites mémorisées par votre ordinateur.',
    de: 'Die Liste der Website-Adressen leeren, die sich Ihr Computer merkt.',
  },
  describeRenew: {
    en: 'Ask the network for a new address. Your connection drops for a few seconds.',
    nl: 'Het netwerk om een nieuw adres vragen. Je verbinding valt een paar seconden weg.',
    fr: 'Demander une nouvelle adresse au réseau. La connexion est coupée quelques secondes.',
    de: 'Beim Netzwerk eine neue Adresse anfordern. Ihre Verbindung ist einige Sekunden unterbrochen.',
  },
  describeReset: {
    en: 'Reset the network settings of this computer (needs administrator rights; Windows must be restarted afterwards).',
    nl: 'De netwerkinstellingen van deze computer terugzetten (vraagt beheerdersrechten; Windows moet daarna opnieuw opstarten).',
    fr: 'Réinitialiser les paramètres réseau de cet ordinateur (nécessite des droits d’administrateur ; Windows doit ensuite redémarrer).',
    de: 'Die Netzwerkeinstellungen dieses Computers zurücksetzen (erfordert Administratorrechte; Windows muss danach neu starten).',
  },
  reconnected: {
    en: 'Wi-Fi was disconnected and connected again.',
    nl: 'Wifi is verbroken en opnieuw verbonden.',
    fr: 'Le Wi-Fi a été déconnecté puis reconnecté.',
    de: 'WLAN wurde getrennt und wieder verbunden.',
  },
  noWifi: {
    en: 'Wi-Fi cannot be controlled on this computer ({reason}).',
    nl: 'Wifi kan op deze computer niet worden bediend ({reason}).',
    fr: 'Le Wi-Fi ne peut pas être piloté sur cet ordinateur ({reason}).',
    de: 'WLAN lässt sich auf diesem Computer nicht steuern ({reason}).',
  },
  pickNetwork: {
    en: 'Choose your Wi-Fi network in the network menu of your computer.',
    nl: 'Kies je wifinetwerk in het netwerkmenu van je computer.',
    fr: 'Choisissez votre réseau Wi-Fi dans le menu réseau de votre ordinateur.',
    de: 'Wählen Sie Ihr WLAN im Netzwerkmenü Ihres Computers.',
  },
  flushed: {
    en: 'The list of remembered website addresses was cleared.',
    nl: 'De lijst met onthouden websiteadressen is gewist.',
    fr: 'La liste des adresses de sites mémorisées a été vidée.',
    de: 'Die Liste der gemerkten Website-Adressen wurde geleert.',
  },
  noDnsCache: {
    en: 'This computer keeps no list of website addresses that could be cleared.',
    nl: 'Deze computer houdt geen lijst met websiteadressen bij die gewist kan worden.',
    fr: 'Cet ordinateur ne garde pas de liste d’adresses de sites à vider.',
    de: 'Dieser Computer merkt sich keine Website-Adressen, die geleert werden könnten.',
  },
  renewed: {
    en: 'A new network address was requested.',
    nl: 'Er is een nieuw netwerkadres aangevraagd.',
    fr: 'Une nouvelle adresse réseau a été demandée.',
    de: 'Eine neue Netzwerkadresse wurde angefordert.',
  },
  resetDone: {
    en: 'The network settings were reset. Restart your computer to finish.',
    nl: 'De netwerkinstellingen zijn teruggezet. Start je computer opnieuw op om af te ronden.',
    fr: 'Les paramètres réseau ont été réinitialisés. Redémarrez votre ordinateur pour terminer.',
    de: 'Die Netzwerkeinstellungen wurden zurückgesetzt. Starten Sie Ihren Computer neu, um abzuschließen.',
  },
  serviceRestarted: {
    en: 'The network service was restarted.',
    nl: 'De netwerkdienst is herstart.',
    fr: 'Le service réseau a été redémarré.',
    de: 'Der Netzwerkdienst wurde neu gestartet.',
  },
  commandFailed: {
    en: 'This did not work ({reason}).',
    nl: 'Dit is niet gelukt ({reason}).',
    fr: 'Cela n’a pas fonctionné ({reason}).',
    de: 'Das hat nicht funktioniert ({reason}).',
  },
  notAvailable: {
    en: 'This step is not available on this computer.',
    nl: 'Deze stap is op deze computer niet beschikbaar.',
    fr: 'Cette étape n’est pas disponible sur cet ordinateur.',
    de: 'Dieser Schritt ist auf diesem Computer nicht verfügbar.',
  },
} satisfies Record<string, Texts>;
