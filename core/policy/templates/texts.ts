/**
 * Admin-facing texts for the ADML files (GPO/Intune): category and policy names, explanations
 * and field labels in en, nl, fr, de. English explanations come from the schema's descriptions
 * (one source of truth); the other languages are translated here. The compiler checks that every
 * policy key has texts in every language.
 */
import { opNames } from '../../../broker/op-argv.ts';
import type { Lang } from '../../kernel/lang.ts';
import type { PolicyKey } from '../schema.ts';

export type CategoryId = 'support' | 'catalog' | 'appearance' | 'network' | 'privacy';
type Translated = Record<Lang, string>;
type OtherLangs = Record<Exclude<Lang, 'en'>, string>;

export const productCategory: Translated = { en: 'Firstline', nl: 'Firstline', fr: 'Firstline', de: 'Firstline' };

export const supportedOnText: Translated = {
  en: 'Firstline 0.1 and later',
  nl: 'Firstline 0.1 en hoger',
  fr: 'Firstline 0.1 et versions ultérieures',
  de: 'Firstline 0.1 und höher',
};

export const templateDescription: Translated = {
  en: 'Settings for Firstline, the self-help app for everyday IT problems.',
  nl: 'Instellingen voor Firstline, de zelfhulp-app voor alledaagse IT-problemen.',
  fr: 'Paramètres de Firstline, l’application d’auto-assistance pour les problèmes informatiques courants.',
  de: 'Einstellungen für Firstline, die Selbsthilfe-App für alltägliche IT-Probleme.',
};

export const categoryTexts: Record<CategoryId, Translated> = {
  support: { en: 'Support and helpdesk', nl: 'Ondersteuning en helpdesk', fr: 'Assistance et helpdesk', de: 'Support und Helpdesk' },
  catalog: { en: 'Troubleshooters and outages', nl: 'Probleemoplossers en storingen', fr: 'Assistants de dépannage et pannes', de: 'Problemlöser und Störungen' },
  appearance: { en: 'Appearance and start-up', nl: 'Weergave en opstarten', fr: 'Apparence et démarrage', de: 'Darstellung und Start' },
  network: { en: 'Links and network', nl: 'Koppelingen en netwerk', fr: 'Liens et réseau', de: 'Links und Netzwerk' },
  privacy: { en: 'Privacy and telemetry', nl: 'Privacy en telemetrie', fr: 'Confidentialité et télémétrie', de: 'Datenschutz und Telemetrie' },
};

export type KeyTexts = {
  category: CategoryId;
  title: Translated;
  /** Explanations in nl/fr/de; English is the schema description. */
  explain: OtherLangs;
  /** Label of the value box (text, list, dropdown). */
  label?: Translated;
  /** Labels of an object's fields (registry subkey values). */
  fields?: Record<string, Translated>;
};

export const keyTexts: Record<PolicyKey, KeyTexts> = {
  helpdesk: {
    category: 'support',
    title: { en: 'Helpdesk connector', nl: 'Helpdeskkoppeling', fr: 'Connecteur de helpdesk', de: 'Helpdesk-Anbindung' },
    explain: {
      nl: 'Helpdeskkoppeling en haar niet-geheime instellingen, als JSON-object (bijvoorbeeld {"connector":{"type":"topdesk","baseUrl":"https://example.topdesk.net","credentialSecret":"topdesk"}}). Geheimen zoals API-sleutels worden nooit uit beleid gelezen: credentialSecret is de naam van een item in de geheimenopslag van de app.',
      fr: 'Connecteur de helpdesk et ses paramètres non secrets, sous forme d’objet JSON (par exemple {"connector":{"type":"topdesk","baseUrl":"https://example.topdesk.net","credentialSecret":"topdesk"}}). Les secrets comme les clés d’API ne sont jamais lus depuis la stratégie : credentialSecret désigne une entrée du coffre de secrets de l’application.',
      de: 'Helpdesk-Anbindung und ihre nicht geheimen Einstellungen als JSON-Objekt (zum Beispiel {"connector":{"type":"topdesk","baseUrl":"https://example.topdesk.net","credentialSecret":"topdesk"}}). Geheimnisse wie API-Schlüssel werden nie aus der Richtlinie gelesen: credentialSecret benennt einen Eintrag im Geheimnisspeicher der App.',
    },
    label: { en: 'Settings (JSON):', nl: 'Instellingen (JSON):', fr: 'Paramètres (JSON) :', de: 'Einstellungen (JSON):' },
  },
  support: {
    category: 'support',
    title: { en: 'Support contact', nl: 'Contact met IT-ondersteuning', fr: 'Contact du support informatique', de: 'Kontakt zum IT-Support' },
    explain: {
      nl: 'Hoe medewerkers een mens bereiken, op elk scherm: de naam van het supportteam, het e-mailadres, het telefoonnummer, de webpagina, de openingsuren (vrije tekst zoals "ma-vr 8:00-17:00"), de gebruikelijke reactietijd in uren (getoond nadat een melding is verstuurd) en een https://-koppeling waar de medewerker om terugbellen kan vragen of een gesprek kan starten (bijvoorbeeld een Teams- of afsprakenpagina).',
      fr: 'Comment les collaborateurs joignent une personne, sur chaque écran : le nom de l’équipe de support, l’adresse e-mail, le numéro de téléphone, la page web, les heures d’ouverture (texte libre comme « lun-ven 8:00-17:00 »), le délai de réponse habituel en heures (affiché après l’envoi d’une demande) et un lien https:// où le collaborateur peut demander à être rappelé ou lancer un appel (par exemple une page Teams ou de prise de rendez-vous).',
      de: 'Wie Mitarbeitende einen Menschen erreichen, auf jedem Bildschirm: Name des Support-Teams, E-Mail-Adresse, Telefonnummer, Webseite, Öffnungszeiten (freier Text wie „Mo-Fr 8:00-17:00“), die übliche Antwortzeit in Stunden (angezeigt, nachdem eine Meldung gesendet wurde) und ein https://-Link, über den Mitarbeitende einen Rückruf anfordern oder einen Anruf starten können (zum Beispiel eine Teams- oder Terminseite).',
    },
    fields: {
      name: { en: 'Team name:', nl: 'Naam van het team:', fr: 'Nom de l’équipe :', de: 'Name des Teams:' },
      email: { en: 'E-mail address:', nl: 'E-mailadres:', fr: 'Adresse e-mail :', de: 'E-Mail-Adresse:' },
      phone: { en: 'Phone number:', nl: 'Telefoonnummer:', fr: 'Numéro de téléphone :', de: 'Telefonnummer:' },
      url: { en: 'Web page (https://):', nl: 'Webpagina (https://):', fr: 'Page web (https://) :', de: 'Webseite (https://):' },
      hours: { en: 'Opening hours:', nl: 'Openingsuren:', fr: 'Heures d’ouverture :', de: 'Öffnungszeiten:' },
      responseHours: { en: 'Usual response time (hours):', nl: 'Gebruikelijke reactietijd (uren):', fr: 'Délai de réponse habituel (heures) :', de: 'Übliche Antwortzeit (Stunden):' },
      callUrl: {
        en: 'Call or call-back link (https://):',
        nl: 'Koppeling om te bellen of terugbellen (https://):',
        fr: 'Lien pour appeler ou être rappelé (https://) :',
        de: 'Link für Anruf oder Rückruf (https://):',
      },
    },
  },
  passwordResetUrl: {
    category: 'support',
    title: { en: 'Password reset page', nl: 'Pagina om het wachtwoord te herstellen', fr: 'Page de réinitialisation du mot de passe', de: 'Seite zum Zurücksetzen des Passworts' },
    explain: {
      nl: 'Webpagina waar medewerkers een vergeten wachtwoord herstellen. De wachtwoord-probleemoplosser opent deze pagina.',
      fr: 'Page web où les collaborateurs réinitialisent un mot de passe oublié. L’assistant « mot de passe » ouvre cette page.',
      de: 'Webseite, auf der Mitarbeitende ein vergessenes Passwort zurücksetzen. Der Passwort-Problemlöser öffnet diese Seite.',
    },
    label: { en: 'URL (https://):', nl: 'URL (https://):', fr: 'URL (https://) :', de: 'URL (https://):' },
  },
  urlAllowlist: {
    category: 'network',
    title: { en: 'Allowed link hosts', nl: 'Toegestane hosts voor koppelingen', fr: 'Hôtes autorisés pour les liens', de: 'Erlaubte Hosts für Links' },
    explain: {
      nl: 'Extra hostnamen waarnaar probleemoplossers koppelingen mogen openen (één per regel, *.example.com is toegestaan). De support- en wachtwoordpagina zijn altijd toegestaan.',
      fr: 'Noms d’hôte supplémentaires vers lesquels les assistants peuvent ouvrir des liens (un par ligne, *.example.com autorisé). Les pages de support et de mot de passe sont toujours autorisées.',
      de: 'Zusätzliche Hostnamen, zu denen Problemlöser Links öffnen dürfen (einer pro Zeile, *.example.com erlaubt). Die Support- und Passwortseiten sind immer erlaubt.',
    },
    label: { en: 'Host names:', nl: 'Hostnamen:', fr: 'Noms d’hôte :', de: 'Hostnamen:' },
  },
  enabledTroubleshooters: {
    category: 'catalog',
    title: { en: 'Offer only these troubleshooters', nl: 'Alleen deze probleemoplossers aanbieden', fr: 'Proposer uniquement ces assistants', de: 'Nur diese Problemlöser anbieten' },
    explain: {
      nl: 'Indien ingesteld, worden alleen deze probleemoplossers aangeboden (één id per regel). Indien niet ingesteld, worden alle probleemoplossers voor dit platform aangeboden.',
      fr: 'Si défini, seuls ces assistants sont proposés (un identifiant par ligne). Sinon, tous les assistants de cette plateforme sont proposés.',
      de: 'Wenn festgelegt, werden nur diese Problemlöser angeboten (eine ID pro Zeile). Wenn nicht festgelegt, werden alle Problemlöser für diese Plattform angeboten.',
    },
    label: { en: 'Troubleshooter ids:', nl: 'Id’s van probleemoplossers:', fr: 'Identifiants des assistants :', de: 'IDs der Problemlöser:' },
  },
  disabledTroubleshooters: {
    category: 'catalog',
    title: { en: 'Hide troubleshooters', nl: 'Probleemoplossers verbergen', fr: 'Masquer des assistants', de: 'Problemlöser ausblenden' },
    explain: {
      nl: 'Probleemoplossers die nooit worden aangeboden (één id per regel). Wordt toegepast na de lijst met toegestane probleemoplossers.',
      fr: 'Assistants qui ne sont jamais proposés (un identifiant par ligne). Appliqué après la liste des assistants autorisés.',
      de: 'Problemlöser, die nie angeboten werden (eine ID pro Zeile). Wird nach der Liste der erlaubten Problemlöser angewendet.',
    },
    label: { en: 'Troubleshooter ids:', nl: 'Id’s van probleemoplossers:', fr: 'Identifiants des assistants :', de: 'IDs der Problemlöser:' },
  },
  tileOrder: {
    category: 'catalog',
    title: { en: 'Order of Home tiles', nl: 'Volgorde van de tegels op Start', fr: 'Ordre des tuiles de l’accueil', de: 'Reihenfolge der Kacheln auf der Startseite' },
    explain: {
      nl: 'Volgorde van de tegels op het startscherm (id’s van probleemoplossers, één per regel). Tegels die niet in de lijst staan, volgen in hun standaardvolgorde.',
      fr: 'Ordre des tuiles sur l’écran d’accueil (identifiants des assistants, un par ligne). Les tuiles non listées suivent dans leur ordre par défaut.',
      de: 'Reihenfolge der Kacheln auf der Startseite (IDs der Problemlöser, eine pro Zeile). Nicht aufgeführte Kacheln folgen in ihrer Standardreihenfolge.',
    },
    label: { en: 'Troubleshooter ids:', nl: 'Id’s van probleemoplossers:', fr: 'Identifiants des assistants :', de: 'IDs der Problemlöser:' },
  },
  catalogSources: {
    category: 'catalog',
    title: { en: 'Organisation catalogs', nl: 'Catalogi van de organisatie', fr: 'Catalogues de l’organisation', de: 'Kataloge der Organisation' },
    explain: {
      nl: 'Catalogi met probleemoplossers van de organisatie, één per regel: een absolute map, een netwerkshare (\\\\server\\share\\catalogus) of een https://-URL. Ze worden bewaard voor offline gebruik.',
      fr: 'Catalogues d’assistants de l’organisation, un par ligne : un dossier absolu, un partage réseau (\\\\serveur\\partage\\catalogue) ou une URL https://. Ils sont conservés pour une utilisation hors ligne.',
      de: 'Problemlöser-Kataloge der Organisation, einer pro Zeile: ein absoluter Ordner, eine Netzwerkfreigabe (\\\\server\\freigabe\\katalog) oder eine https://-URL. Sie werden für die Offline-Nutzung zwischengespeichert.',
    },
    label: { en: 'Folders or URLs:', nl: 'Mappen of URL’s:', fr: 'Dossiers ou URL :', de: 'Ordner oder URLs:' },
  },
  catalogSigningKeys: {
    category: 'catalog',
    title: { en: 'Catalog signing keys', nl: 'Ondertekeningssleutels voor catalogi', fr: 'Clés de signature des catalogues', de: 'Signaturschlüssel für Kataloge' },
    explain: {
      nl: 'Openbare Ed25519-sleutels (base64, uit "firstline catalog keygen") waarmee catalogi van de organisatie ondertekend moeten zijn. Indien ingesteld, worden niet-ondertekende of gewijzigde catalogi geweigerd.',
      fr: 'Clés publiques Ed25519 (base64, issues de "firstline catalog keygen") avec lesquelles les catalogues de l’organisation doivent être signés. Si elles sont définies, les catalogues non signés ou modifiés sont refusés.',
      de: 'Öffentliche Ed25519-Schlüssel (Base64, aus "firstline catalog keygen"), mit denen Kataloge der Organisation signiert sein müssen. Wenn festgelegt, werden unsignierte oder veränderte Kataloge abgelehnt.',
    },
    label: { en: 'Public keys:', nl: 'Openbare sleutels:', fr: 'Clés publiques :', de: 'Öffentliche Schlüssel:' },
  },
  outageFeedUrl: {
    category: 'catalog',
    title: { en: 'Outage feed', nl: 'Storingsfeed', fr: 'Flux des pannes', de: 'Störungs-Feed' },
    explain: {
      nl: 'https://-URL van de storingsfeed (JSON, zie docs/admin.md). Actieve storingen verschijnen als melding, zodat medewerkers geen dubbele tickets aanmaken.',
      fr: 'URL https:// du flux des pannes (JSON, voir docs/admin.md). Les pannes en cours s’affichent dans un bandeau pour éviter les tickets en double.',
      de: 'https://-URL des Störungs-Feeds (JSON, siehe docs/admin.md). Aktive Störungen erscheinen als Hinweis, damit Mitarbeitende keine doppelten Tickets erstellen.',
    },
    label: { en: 'URL (https://):', nl: 'URL (https://):', fr: 'URL (https://) :', de: 'URL (https://):' },
  },
  defaultLanguage: {
    category: 'appearance',
    title: { en: 'Default language', nl: 'Standaardtaal', fr: 'Langue par défaut', de: 'Standardsprache' },
    explain: {
      nl: 'Taal die wordt gebruikt als de medewerker er zelf geen heeft gekozen: en, nl, fr of de. Indien niet ingesteld, wordt de taal van het besturingssysteem gebruikt.',
      fr: 'Langue utilisée lorsque le collaborateur n’en a pas choisi : en, nl, fr ou de. Si elle n’est pas définie, la langue du système d’exploitation est utilisée.',
      de: 'Sprache, die verwendet wird, wenn die Mitarbeitenden keine gewählt haben: en, nl, fr oder de. Wenn nicht festgelegt, wird die Sprache des Betriebssystems verwendet.',
    },
    label: { en: 'Language:', nl: 'Taal:', fr: 'Langue :', de: 'Sprache:' },
  },
  telemetry: {
    category: 'privacy',
    title: {
      en: 'Export anonymous usage to OpenTelemetry',
      nl: 'Anoniem gebruik exporteren naar OpenTelemetry',
      fr: 'Exporter l’utilisation anonyme vers OpenTelemetry',
      de: 'Anonyme Nutzung an OpenTelemetry exportieren',
    },
    explain: {
      nl: 'Anonieme gebeurtenissen van uitvoeringen (id van de probleemoplosser, resultaat, duur; nooit namen of apparaatgegevens) exporteren naar uw OpenTelemetry-collector via OTLP/HTTP. Standaard uit. Het eindpunt is de basis-URL van de collector; /v1/logs wordt toegevoegd.',
      fr: 'Exporter des événements d’exécution anonymes (identifiant de l’assistant, résultat, durée ; jamais de noms ni de données de l’appareil) vers votre collecteur OpenTelemetry via OTLP/HTTP. Désactivé par défaut. Le point de terminaison est l’URL de base du collecteur ; /v1/logs est ajouté.',
      de: 'Anonyme Ausführungsereignisse (ID des Problemlösers, Ergebnis, Dauer; nie Namen oder Gerätedaten) über OTLP/HTTP an Ihren OpenTelemetry-Collector exportieren. Standardmäßig aus. Der Endpunkt ist die Basis-URL des Collectors; /v1/logs wird angehängt.',
    },
    fields: {
      enabled: { en: 'Export run events', nl: 'Gebeurtenissen exporteren', fr: 'Exporter les événements', de: 'Ereignisse exportieren' },
      endpoint: { en: 'Collector URL (https://):', nl: 'URL van de collector (https://):', fr: 'URL du collecteur (https://) :', de: 'URL des Collectors (https://):' },
    },
  },
  autostart: {
    category: 'appearance',
    title: { en: 'Start at sign-in', nl: 'Starten bij aanmelden', fr: 'Démarrer à l’ouverture de session', de: 'Bei der Anmeldung starten' },
    explain: {
      nl: 'Firstline starten in het systeemvak wanneer de medewerker zich aanmeldt.',
      fr: 'Démarrer Firstline dans la zone de notification à l’ouverture de session du collaborateur.',
      de: 'Firstline im Infobereich starten, wenn sich die Mitarbeitenden anmelden.',
    },
  },
  branding: {
    category: 'appearance',
    title: { en: 'Branding', nl: 'Huisstijl', fr: 'Image de marque', de: 'Branding' },
    explain: {
      nl: 'Naam, accentkleur (#rrggbb) en logo (absoluut pad naar een PNG of SVG) die in de app worden getoond.',
      fr: 'Nom, couleur d’accent (#rrvvbb) et logo (chemin absolu vers un PNG ou SVG) affichés dans l’application.',
      de: 'Name, Akzentfarbe (#rrggbb) und Logo (absoluter Pfad zu einer PNG- oder SVG-Datei), die in der App angezeigt werden.',
    },
    fields: {
      name: { en: 'Name:', nl: 'Naam:', fr: 'Nom :', de: 'Name:' },
      colour: { en: 'Accent colour (#rrggbb):', nl: 'Accentkleur (#rrggbb):', fr: 'Couleur d’accent (#rrvvbb) :', de: 'Akzentfarbe (#rrggbb):' },
      logo: { en: 'Logo (file path):', nl: 'Logo (bestandspad):', fr: 'Logo (chemin du fichier) :', de: 'Logo (Dateipfad):' },
    },
  },
  networkProbes: {
    category: 'network',
    title: { en: 'Network test targets', nl: 'Doelen voor netwerktests', fr: 'Cibles des tests réseau', de: 'Ziele für Netzwerktests' },
    explain: {
      nl: 'Doelen die de netwerk-probleemoplossers testen, als JSON-object (bijvoorbeeld {"internalUrl":{"url":"https://intranet.example.com"},"dns":{"name":"intranet.example.com"}}). Indien niet ingesteld, worden de ingebouwde standaardwaarden gebruikt.',
      fr: 'Cibles testées par les assistants réseau, sous forme d’objet JSON (par exemple {"internalUrl":{"url":"https://intranet.example.com"},"dns":{"name":"intranet.example.com"}}). Si elles ne sont pas définies, les valeurs intégrées sont utilisées.',
      de: 'Ziele, die die Netzwerk-Problemlöser testen, als JSON-Objekt (zum Beispiel {"internalUrl":{"url":"https://intranet.example.com"},"dns":{"name":"intranet.example.com"}}). Wenn nicht festgelegt, werden die eingebauten Standardwerte verwendet.',
    },
    label: { en: 'Targets (JSON):', nl: 'Doelen (JSON):', fr: 'Cibles (JSON) :', de: 'Ziele (JSON):' },
  },
  redactionPatterns: {
    category: 'privacy',
    title: { en: 'Extra redaction patterns', nl: 'Extra patronen om te verbergen', fr: 'Motifs de masquage supplémentaires', de: 'Zusätzliche Schwärzungsmuster' },
    explain: {
      nl: 'Extra reguliere expressies waarvan de overeenkomsten uit tickets en logboeken worden verwijderd (één per regel), bijvoorbeeld interne account- of inventarisnummers.',
      fr: 'Expressions régulières supplémentaires dont les correspondances sont retirées des tickets et des journaux (une par ligne), par exemple des numéros de compte ou d’inventaire internes.',
      de: 'Zusätzliche reguläre Ausdrücke, deren Treffer aus Tickets und Protokollen entfernt werden (einer pro Zeile), zum Beispiel interne Konto- oder Inventarnummern.',
    },
    label: { en: 'Regular expressions:', nl: 'Reguliere expressies:', fr: 'Expressions régulières :', de: 'Reguläre Ausdrücke:' },
  },
  brokerEnabled: {
    category: 'support',
    title: {
      en: 'Elevation broker for fixes that need administrator rights',
      nl: 'Elevatiebroker voor herstellingen die beheerdersrechten nodig hebben',
      fr: 'Courtier d’élévation pour les réparations qui exigent des droits d’administrateur',
      de: 'Elevationsbroker für Reparaturen, die Administratorrechte brauchen',
    },
    explain: {
      nl: 'Laat de Firstline-elevatiebroker de weinige vermelde wijzigingen maken die beheerdersrechten nodig hebben (een afdrukwachtrij weer aanzetten, de afdrukservice herstarten, de DNS-cache wissen, het netwerkadres vernieuwen, de netwerkinstellingen terugzetten op Windows, de klok gelijkzetten met de tijdserver) voor medewerkers zonder die rechten. Zet op false om hem uit te schakelen: die herstellingen eindigen dan met een ticket voor IT. De broker leest dit zelf, alleen uit computerbeleid.',
      fr: 'Permet au courtier d’élévation Firstline d’effectuer les quelques modifications listées qui exigent des droits d’administrateur (réactiver une file d’impression, redémarrer le service d’impression, vider le cache DNS, renouveler l’adresse réseau, réinitialiser les paramètres réseau sous Windows, régler l’horloge sur le serveur de temps) pour les employés sans ces droits. Mettez false pour le désactiver : ces réparations se terminent alors par un ticket pour le service informatique. Le courtier le lit lui-même, uniquement dans la stratégie ordinateur.',
      de: 'Lässt den Firstline-Elevationsbroker die wenigen aufgeführten Änderungen vornehmen, die Administratorrechte brauchen (eine Druckwarteschlange wieder einschalten, den Druckdienst neu starten, den DNS-Cache leeren, die Netzwerkadresse erneuern, die Netzwerkeinstellungen unter Windows zurücksetzen, die Uhr nach dem Zeitserver stellen), für Mitarbeitende ohne diese Rechte. Auf false setzen, um ihn auszuschalten: Diese Reparaturen enden dann mit einem Ticket für die IT. Der Broker liest dies selbst, nur aus der Computerrichtlinie.',
    },
  },
  brokerOperations: {
    category: 'support',
    title: {
      en: 'Operations the elevation broker may run',
      nl: 'Bewerkingen die de elevatiebroker mag uitvoeren',
      fr: 'Opérations que le courtier d’élévation peut exécuter',
      de: 'Vorgänge, die der Elevationsbroker ausführen darf',
    },
    explain: {
      nl: `Indien ingesteld, voert de elevatiebroker alleen deze bewerkingen uit (één per regel): ${opNames.join(', ')}. Indien niet ingesteld, allemaal. Alleen computerbeleid: de broker negeert gebruikersbeleid.`,
      fr: `Si défini, le courtier d’élévation n’exécute que ces opérations (une par ligne) : ${opNames.join(', ')}. Sinon, toutes. Stratégie ordinateur uniquement : le courtier ignore la stratégie utilisateur.`,
      de: `Wenn gesetzt, führt der Elevationsbroker nur diese Vorgänge aus (einer pro Zeile): ${opNames.join(', ')}. Wenn nicht gesetzt, alle. Nur Computerrichtlinie: Der Broker ignoriert Benutzerrichtlinien.`,
    },
    label: { en: 'Operations:', nl: 'Bewerkingen:', fr: 'Opérations :', de: 'Vorgänge:' },
  },
  authenticatorSetupUrl: {
    category: 'support',
    title: { en: 'Authenticator set-up page', nl: 'Pagina om de authenticator in te stellen', fr: 'Page de configuration de l’authentificateur', de: 'Einrichtungsseite für den Authenticator' },
    explain: {
      nl: 'Webpagina waar medewerkers een nieuwe telefoon aan de authenticator-app toevoegen (bijvoorbeeld https://mysignins.microsoft.com/security-info). Het artikel over een nieuwe telefoon verwijst ernaar.',
      fr: 'Page web où les collaborateurs ajoutent un nouveau téléphone à l’application d’authentification (par exemple https://mysignins.microsoft.com/security-info). L’article « nouveau téléphone » y renvoie.',
      de: 'Webseite, auf der Mitarbeitende ein neues Telefon zur Authenticator-App hinzufügen (zum Beispiel https://mysignins.microsoft.com/security-info). Der Artikel zum neuen Telefon verlinkt darauf.',
    },
    label: { en: 'URL (https://):', nl: 'URL (https://):', fr: 'URL (https://) :', de: 'URL (https://):' },
  },
  accessRequestUrl: {
    category: 'support',
    title: { en: 'Access request portal', nl: 'Portaal voor toegangsaanvragen', fr: 'Portail de demande d’accès', de: 'Portal für Zugriffsanfragen' },
    explain: {
      nl: 'Aanvraagportaal waar medewerkers toegang vragen tot een gedeelde mailbox, map of toepassing. Het artikel over toegangsaanvragen verwijst ernaar.',
      fr: 'Portail de demandes où les collaborateurs demandent l’accès à une boîte aux lettres partagée, un dossier ou une application. L’article sur les demandes d’accès y renvoie.',
      de: 'Anfrageportal, in dem Mitarbeitende Zugriff auf ein gemeinsames Postfach, einen Ordner oder eine Anwendung beantragen. Der Artikel zu Zugriffsanfragen verlinkt darauf.',
    },
    label: { en: 'URL (https://):', nl: 'URL (https://):', fr: 'URL (https://) :', de: 'URL (https://):' },
  },
  companyPortalUrl: {
    category: 'support',
    title: { en: 'Company portal for software', nl: 'Bedrijfsportaal voor software', fr: 'Portail d’entreprise pour les logiciels', de: 'Unternehmensportal für Software' },
    explain: {
      nl: 'Bedrijfsportaal voor goedgekeurde software (Intune-bedrijfsportal, Jamf Self Service of de webpagina van uw softwarecatalogus). Het software-artikel verwijst ernaar.',
      fr: 'Portail d’entreprise des logiciels approuvés (Portail d’entreprise Intune, Jamf Self Service ou la page web de votre catalogue de logiciels). L’article sur les logiciels y renvoie.',
      de: 'Unternehmensportal für freigegebene Software (Intune-Unternehmensportal, Jamf Self Service oder die Webseite Ihres Softwarekatalogs). Der Software-Artikel verlinkt darauf.',
    },
    label: { en: 'URL (https://):', nl: 'URL (https://):', fr: 'URL (https://) :', de: 'URL (https://):' },
  },
  allowScreenshots: {
    category: 'support',
    title: { en: 'Allow screenshots in tickets', nl: 'Schermafbeeldingen in meldingen toestaan', fr: 'Autoriser les captures d’écran dans les tickets', de: 'Bildschirmfotos in Tickets erlauben' },
    explain: {
      nl: 'Medewerkers mogen een schermafbeelding aan een melding toevoegen. Ze zien de afbeelding vóór het versturen en ze gaat alleen mee als ze die zelf toevoegden; persoonlijke gegevens kunnen niet uit een afbeelding worden verwijderd zoals uit tekst. Zet op false om schermafbeeldingen uit te schakelen.',
      fr: 'Les collaborateurs peuvent joindre une capture d’écran à un ticket. Ils voient l’image avant l’envoi et elle n’est envoyée que s’ils l’ont ajoutée ; les données personnelles ne peuvent pas être retirées d’une image comme d’un texte. Mettez false pour désactiver les captures d’écran.',
      de: 'Mitarbeitende dürfen einem Ticket ein Bildschirmfoto hinzufügen. Sie sehen das Bild vor dem Senden, und es wird nur gesendet, wenn sie es selbst hinzugefügt haben; persönliche Daten lassen sich aus einem Bild nicht wie aus Text entfernen. Auf false setzen, um Bildschirmfotos abzuschalten.',
    },
  },
  phishingReportAddress: {
    category: 'support',
    title: { en: 'Address for suspicious e-mails', nl: 'Adres voor verdachte e-mails', fr: 'Adresse pour les e-mails suspects', de: 'Adresse für verdächtige E-Mails' },
    explain: {
      nl: 'E-mailadres waarnaar medewerkers verdachte e-mails doorsturen. Het phishing-artikel toont het.',
      fr: 'Adresse e-mail à laquelle les collaborateurs transfèrent les e-mails suspects. L’article sur l’hameçonnage l’affiche.',
      de: 'E-Mail-Adresse, an die Mitarbeitende verdächtige E-Mails weiterleiten. Der Phishing-Artikel zeigt sie an.',
    },
    label: { en: 'E-mail address:', nl: 'E-mailadres:', fr: 'Adresse e-mail :', de: 'E-Mail-Adresse:' },
  },
  vpnGateway: {
    category: 'network',
    title: { en: 'VPN gateway', nl: 'VPN-gateway', fr: 'Passerelle VPN', de: 'VPN-Gateway' },
    explain: {
      nl: 'Hostnaam van de VPN-gateway. De VPN-probleemoplosser controleert of de naam wordt gevonden en of de gateway antwoordt op poort 443.',
      fr: 'Nom d’hôte de la passerelle VPN. L’assistant VPN vérifie que le nom est résolu et que la passerelle répond sur le port 443.',
      de: 'Hostname des VPN-Gateways. Der VPN-Problemlöser prüft, ob der Name aufgelöst wird und das Gateway auf Port 443 antwortet.',
    },
    label: { en: 'Host name:', nl: 'Hostnaam:', fr: 'Nom d’hôte :', de: 'Hostname:' },
  },
  vpnClientService: {
    category: 'network',
    title: { en: 'VPN client service', nl: 'Service van de VPN-client', fr: 'Service du client VPN', de: 'Dienst des VPN-Clients' },
    explain: {
      nl: 'De VPN-client die moet draaien: op Windows de servicenaam (bijvoorbeeld vpnagent, PanGPS, openvpnserv), op macOS en Linux de procesnaam (bijvoorbeeld vpnagentd, GlobalProtect, openvpn). De VPN-probleemoplosser controleert of hij draait.',
      fr: 'Le client VPN qui doit tourner : sous Windows le nom de son service (par exemple vpnagent, PanGPS, openvpnserv), sous macOS et Linux le nom de son processus (par exemple vpnagentd, GlobalProtect, openvpn). L’assistant VPN vérifie qu’il tourne.',
      de: 'Der VPN-Client, der laufen muss: unter Windows sein Dienstname (zum Beispiel vpnagent, PanGPS, openvpnserv), unter macOS und Linux sein Prozessname (zum Beispiel vpnagentd, GlobalProtect, openvpn). Der VPN-Problemlöser prüft, ob er läuft.',
    },
    label: { en: 'Service or process name:', nl: 'Service- of procesnaam:', fr: 'Nom du service ou du processus :', de: 'Dienst- oder Prozessname:' },
  },
  timeReferenceUrl: {
    category: 'network',
    title: { en: 'Reference time page', nl: 'Pagina met de referentietijd', fr: 'Page de l’heure de référence', de: 'Seite mit der Referenzzeit' },
    explain: {
      nl: 'https://-pagina op het intranet waarvan de Date-header de referentietijd is voor de klok-probleemoplosser. Indien niet ingesteld, wordt de interne URL van networkProbes gebruikt.',
      fr: 'Page https:// de l’intranet dont l’en-tête Date sert d’heure de référence à l’assistant « horloge ». Si elle n’est pas définie, l’URL interne de networkProbes est utilisée.',
      de: 'https://-Seite im Intranet, deren Date-Header die Referenzzeit für den Uhr-Problemlöser ist. Wenn nicht festgelegt, wird die interne URL von networkProbes verwendet.',
    },
    label: { en: 'URL (https://):', nl: 'URL (https://):', fr: 'URL (https://) :', de: 'URL (https://):' },
  },
};
