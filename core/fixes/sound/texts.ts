/** Sentences of the sound and microphone fix. */
import type { Texts } from '../shared/text.ts';

export const soundTexts = {
  describeStatus: {
    en: 'Look at your speakers, headset and microphone (changes nothing).',
    nl: 'Je luidsprekers, headset en microfoon bekijken (er verandert niets).',
    fr: 'Examiner vos haut-parleurs, votre casque et votre micro (rien n’est modifié).',
    de: 'Ihre Lautsprecher, Ihr Headset und Ihr Mikrofon ansehen (nichts wird geändert).',
  },
  describeLevels: {
    en: 'Turn the sound and the microphone back on, and turn up a volume that is at zero.',
    nl: 'Het geluid en de microfoon weer aanzetten en een volume dat op nul staat hoger zetten.',
    fr: 'Réactiver le son et le micro, et monter un volume qui est à zéro.',
    de: 'Ton und Mikrofon wieder einschalten und eine Lautstärke, die auf null steht, erhöhen.',
  },
  describeDefault: {
    en: 'Use your headset or speakers for sound and your microphone for calls, instead of a device that does not work.',
    nl: 'Je headset of luidsprekers voor geluid en je microfoon voor gesprekken gebruiken, in plaats van een apparaat dat niet werkt.',
    fr: 'Utiliser votre casque ou vos haut-parleurs pour le son et votre micro pour les appels, au lieu d’un appareil qui ne fonctionne pas.',
    de: 'Ihr Headset oder Ihre Lautsprecher für den Ton und Ihr Mikrofon für Anrufe verwenden statt eines Geräts, das nicht funktioniert.',
  },
  describeRestart: {
    en: 'Restart the computer’s sound service. Sound stops for a few seconds.',
    nl: 'De geluidsdienst van de computer opnieuw starten. Het geluid valt een paar seconden weg.',
    fr: 'Redémarrer le service audio de l’ordinateur. Le son s’arrête quelques secondes.',
    de: 'Den Audiodienst des Computers neu starten. Der Ton setzt für einige Sekunden aus.',
  },
  allGood: {
    en: 'Your speakers and microphone are on and not muted.',
    nl: 'Je luidsprekers en microfoon staan aan en zijn niet gedempt.',
    fr: 'Vos haut-parleurs et votre micro sont allumés et non coupés.',
    de: 'Ihre Lautsprecher und Ihr Mikrofon sind eingeschaltet und nicht stummgeschaltet.',
  },
  serviceStopped: {
    en: 'The computer’s sound service is not running, so no sound can play.',
    nl: 'De geluidsdienst van de computer draait niet, dus er kan geen geluid spelen.',
    fr: 'Le service audio de l’ordinateur ne fonctionne pas : aucun son ne peut être joué.',
    de: 'Der Audiodienst des Computers läuft nicht, daher kann kein Ton abgespielt werden.',
  },
  noOutput: {
    en: 'No speakers or headset were found.',
    nl: 'Er zijn geen luidsprekers of headset gevonden.',
    fr: 'Aucun haut-parleur ni casque n’a été trouvé.',
    de: 'Es wurden keine Lautsprecher und kein Headset gefunden.',
  },
  noInput: {
    en: 'No microphone was found.',
    nl: 'Er is geen microfoon gevonden.',
    fr: 'Aucun micro n’a été trouvé.',
    de: 'Es wurde kein Mikrofon gefunden.',
  },
  wrongDefault: {
    en: 'Sound or the microphone is set to a device that does not work ({device}).',
    nl: 'Geluid of microfoon staat ingesteld op een apparaat dat niet werkt ({device}).',
    fr: 'Le son ou le micro est réglé sur un appareil qui ne fonctionne pas ({device}).',
    de: 'Ton oder Mikrofon ist auf ein Gerät eingestellt, das nicht funktioniert ({device}).',
  },
  muted: {
    en: 'Your sound or your microphone is muted.',
    nl: 'Je geluid of je microfoon is gedempt.',
    fr: 'Votre son ou votre micro est coupé.',
    de: 'Ihr Ton oder Ihr Mikrofon ist stummgeschaltet.',
  },
  silent: {
    en: 'The volume of your sound or your microphone is at zero.',
    nl: 'Het volume van je geluid of je microfoon staat op nul.',
    fr: 'Le volume de votre son ou de votre micro est à zéro.',
    de: 'Die Lautstärke Ihres Tons oder Ihres Mikrofons steht auf null.',
  },
  notAvailable: {
    en: 'Firstline cannot read the sound settings on this computer.',
    nl: 'Firstline kan de geluidsinstellingen op deze computer niet lezen.',
    fr: 'Firstline ne peut pas lire les réglages audio de cet ordinateur.',
    de: 'Firstline kann die Audioeinstellungen dieses Computers nicht lesen.',
  },
  levelsFixed: {
    en: 'Sound and microphone were turned back on.',
    nl: 'Geluid en microfoon zijn weer aangezet.',
    fr: 'Le son et le micro ont été réactivés.',
    de: 'Ton und Mikrofon wurden wieder eingeschaltet.',
  },
  defaultSet: {
    en: 'Firstline now uses {device}.',
    nl: 'Firstline gebruikt nu {device}.',
    fr: 'Firstline utilise maintenant {device}.',
    de: 'Firstline verwendet jetzt {device}.',
  },
  noOtherDevice: {
    en: 'There is no other device to switch to.',
    nl: 'Er is geen ander apparaat om naar over te schakelen.',
    fr: 'Il n’y a pas d’autre appareil vers lequel basculer.',
    de: 'Es gibt kein anderes Gerät, auf das umgeschaltet werden kann.',
  },
  chooseYourself: {
    en: 'On this computer you choose the device yourself in the sound settings.',
    nl: 'Op deze computer kies je het apparaat zelf in de geluidsinstellingen.',
    fr: 'Sur cet ordinateur, vous choisissez l’appareil vous-même dans les réglages du son.',
    de: 'Auf diesem Computer wählen Sie das Gerät selbst in den Toneinstellungen.',
  },
  restarted: {
    en: 'The sound service was restarted.',
    nl: 'De geluidsdienst is opnieuw gestart.',
    fr: 'Le service audio a été redémarré.',
    de: 'Der Audiodienst wurde neu gestartet.',
  },
  restartFailed: {
    en: 'The sound service could not be restarted.',
    nl: 'De geluidsdienst kon niet opnieuw worden gestart.',
    fr: 'Le service audio n’a pas pu être redémarré.',
    de: 'Der Audiodienst konnte nicht neu gestartet werden.',
  },
  fixFailed: {
    en: 'The change could not be made.',
    nl: 'De wijziging kon niet worden doorgevoerd.',
    fr: 'La modification n’a pas pu être effectuée.',
    de: 'Die Änderung konnte nicht vorgenommen werden.',
  },
} satisfies Record<string, Texts>;
