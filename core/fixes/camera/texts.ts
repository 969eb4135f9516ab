/** Sentences of the camera fix (employee words: no "registry", no "device node"). */
import type { Texts } from '../shared/text.ts';

export const cameraTexts = {
  describeStatus: {
    en: 'Look at your camera and whether apps may use it (changes nothing).',
    nl: 'Je camera bekijken en of apps hem mogen gebruiken (er verandert niets).',
    fr: 'Examiner votre caméra et si les applications peuvent l’utiliser (rien n’est modifié).',
    de: 'Ihre Kamera ansehen und ob Apps sie verwenden dürfen (nichts wird geändert).',
  },
  describeAllowUser: {
    en: 'Turn camera access back on for your apps (Windows privacy settings, only for you).',
    nl: 'Cameratoegang voor je apps weer aanzetten (privacy-instellingen van Windows, alleen voor jou).',
    fr: 'Réactiver l’accès à la caméra pour vos applications (paramètres de confidentialité de Windows, pour vous seulement).',
    de: 'Den Kamerazugriff für Ihre Apps wieder einschalten (Datenschutzeinstellungen von Windows, nur für Sie).',
  },
  describeAllowMachine: {
    en: 'Turn camera access back on for this whole computer (needs administrator rights).',
    nl: 'Cameratoegang voor deze hele computer weer aanzetten (vraagt beheerdersrechten).',
    fr: 'Réactiver l’accès à la caméra pour tout cet ordinateur (nécessite des droits d’administrateur).',
    de: 'Den Kamerazugriff für diesen ganzen Computer wieder einschalten (braucht Administratorrechte).',
  },
  allGood: {
    en: 'Your camera is there and apps may use it: {devices}.',
    nl: 'Je camera is aanwezig en apps mogen hem gebruiken: {devices}.',
    fr: 'Votre caméra est présente et les applications peuvent l’utiliser : {devices}.',
    de: 'Ihre Kamera ist vorhanden und Apps dürfen sie verwenden: {devices}.',
  },
  allGoodMac: {
    en: 'Your camera is there: {devices}. Whether an app may use it is set in System Settings.',
    nl: 'Je camera is aanwezig: {devices}. Of een app hem mag gebruiken, stel je in bij Systeeminstellingen.',
    fr: 'Votre caméra est présente : {devices}. L’autorisation de chaque application se règle dans Réglages Système.',
    de: 'Ihre Kamera ist vorhanden: {devices}. Ob eine App sie verwenden darf, legen Sie in den Systemeinstellungen fest.',
  },
  notAvailable: {
    en: 'Firstline cannot look at the camera on this computer.',
    nl: 'Firstline kan de camera op deze computer niet bekijken.',
    fr: 'Firstline ne peut pas examiner la caméra de cet ordinateur.',
    de: 'Firstline kann die Kamera dieses Computers nicht ansehen.',
  },
  noDevice: {
    en: 'No working camera was found.',
    nl: 'Er is geen werkende camera gevonden.',
    fr: 'Aucune caméra en état de marche n’a été trouvée.',
    de: 'Es wurde keine funktionierende Kamera gefunden.',
  },
  blockedByPolicy: {
    en: 'Your organisation has turned off the camera for apps on this computer.',
    nl: 'Je organisatie heeft de camera voor apps op deze computer uitgezet.',
    fr: 'Votre organisation a désactivé la caméra pour les applications sur cet ordinateur.',
    de: 'Ihre Organisation hat die Kamera für Apps auf diesem Computer ausgeschaltet.',
  },
  blockedForComputer: {
    en: 'Camera access is turned off for this whole computer.',
    nl: 'Cameratoegang staat uit voor deze hele computer.',
    fr: 'L’accès à la caméra est désactivé pour tout cet ordinateur.',
    de: 'Der Kamerazugriff ist für diesen ganzen Computer ausgeschaltet.',
  },
  blockedForUser: {
    en: 'Camera access for your apps is turned off in the privacy settings.',
    nl: 'Cameratoegang voor je apps staat uit in de privacy-instellingen.',
    fr: 'L’accès à la caméra pour vos applications est désactivé dans les paramètres de confidentialité.',
    de: 'Der Kamerazugriff für Ihre Apps ist in den Datenschutzeinstellungen ausgeschaltet.',
  },
  noPermission: {
    en: 'Your account is not allowed to use the camera on this computer.',
    nl: 'Je account mag de camera op deze computer niet gebruiken.',
    fr: 'Votre compte n’est pas autorisé à utiliser la caméra de cet ordinateur.',
    de: 'Ihr Konto darf die Kamera auf diesem Computer nicht verwenden.',
  },
  inUse: {
    en: 'Another program is using the camera: {apps}.',
    nl: 'Een ander programma gebruikt de camera: {apps}.',
    fr: 'Un autre programme utilise la caméra : {apps}.',
    de: 'Ein anderes Programm verwendet die Kamera: {apps}.',
  },
  allowed: {
    en: 'Camera access was turned back on.',
    nl: 'Cameratoegang is weer aangezet.',
    fr: 'L’accès à la caméra a été réactivé.',
    de: 'Der Kamerazugriff wurde wieder eingeschaltet.',
  },
  allowFailed: {
    en: 'Camera access could not be turned back on.',
    nl: 'Cameratoegang kon niet weer worden aangezet.',
    fr: 'L’accès à la caméra n’a pas pu être réactivé.',
    de: 'Der Kamerazugriff konnte nicht wieder eingeschaltet werden.',
  },
  onlyWindows: {
    en: 'On this computer the camera permission is not changed by Firstline.',
    nl: 'Op deze computer wijzigt Firstline de cameratoestemming niet.',
    fr: 'Sur cet ordinateur, Firstline ne modifie pas l’autorisation de la caméra.',
    de: 'Auf diesem Computer ändert Firstline die Kameraberechtigung nicht.',
  },
} satisfies Record<string, Texts>;
