/**
 * The runner's own user-facing sentences (reasons and generic descriptions), in the four
 * languages. Troubleshooter texts come from the YAML; these cover what the engine says itself.
 */
import type { Lang } from '../kernel/lang.ts';
import type { Localized } from './schema.ts';

type Template = Record<Lang, (arg: string) => string>;

export const messages = {
  dryRun: {
    en: () => 'Dry run: nothing was changed.',
    nl: () => 'Proefrun: er is niets gewijzigd.',
    fr: () => "Essai à blanc : rien n'a été modifié.",
    de: () => 'Probelauf: Es wurde nichts geändert.',
  },
  stepFailed: {
    en: (t) => `"${t}" did not solve the problem.`,
    nl: (t) => `"${t}" heeft het probleem niet opgelost.`,
    fr: (t) => `« ${t} » n'a pas résolu le problème.`,
    de: (t) => `„${t}“ hat das Problem nicht gelöst.`,
  },
  consentRefused: {
    en: (t) => `You chose not to make the change in "${t}".`,
    nl: (t) => `Je hebt ervoor gekozen de wijziging in "${t}" niet uit te voeren.`,
    fr: (t) => `Vous avez choisi de ne pas effectuer la modification « ${t} ».`,
    de: (t) => `Sie haben die Änderung „${t}“ abgelehnt.`,
  },
  elevationRefused: {
    en: (t) => `"${t}" needs administrator rights, which were not granted.`,
    nl: (t) => `"${t}" heeft beheerdersrechten nodig, maar die zijn niet gegeven.`,
    fr: (t) => `« ${t} » nécessite des droits d'administrateur, qui n'ont pas été accordés.`,
    de: (t) => `„${t}“ benötigt Administratorrechte, die nicht erteilt wurden.`,
  },
  timedOut: {
    en: (t) => `"${t}" took too long and was stopped.`,
    nl: (t) => `"${t}" duurde te lang en is gestopt.`,
    fr: (t) => `« ${t} » a pris trop de temps et a été arrêté.`,
    de: (t) => `„${t}“ hat zu lange gedauert und wurde abgebrochen.`,
  },
  broken: {
    en: (t) => `"${t}" could not run. IT has been given the details.`,
    nl: (t) => `"${t}" kon niet worden uitgevoerd. IT krijgt de details.`,
    fr: (t) => `« ${t} » n'a pas pu s'exécuter. Le service informatique reçoit les détails.`,
    de: (t) => `„${t}“ konnte nicht ausgeführt werden. Die IT erhält die Details.`,
  },
  cancelled: {
    en: () => 'The run was stopped.',
    nl: () => 'De uitvoering is gestopt.',
    fr: () => "L'exécution a été arrêtée.",
    de: () => 'Der Vorgang wurde abgebrochen.',
  },
  linkMissing: {
    en: () => 'This link has not been set up by IT yet. Please contact IT.',
    nl: () => 'Deze link is nog niet ingesteld door IT. Neem contact op met IT.',
    fr: () => "Ce lien n'a pas encore été configuré par le service informatique. Veuillez le contacter.",
    de: () => 'Dieser Link wurde von der IT noch nicht eingerichtet. Bitte wenden Sie sich an die IT.',
  },
  runAction: {
    en: (a) => `Run "${a}".`,
    nl: (a) => `"${a}" uitvoeren.`,
    fr: (a) => `Exécuter « ${a} ».`,
    de: (a) => `„${a}“ ausführen.`,
  },
  invalidAnswer: {
    en: () => 'That answer is not valid. Please try again.',
    nl: () => 'Dat antwoord is niet geldig. Probeer het opnieuw.',
    fr: () => "Cette réponse n'est pas valide. Veuillez réessayer.",
    de: () => 'Diese Antwort ist ungültig. Bitte versuchen Sie es erneut.',
  },
  notVerified: {
    en: () => 'A repair did not work, so the problem is probably still there.',
    nl: () => 'Een herstelpoging is niet gelukt, dus het probleem is er waarschijnlijk nog.',
    fr: () => "Une réparation n'a pas fonctionné : le problème est donc probablement toujours là.",
    de: () => 'Eine Reparatur hat nicht funktioniert, das Problem besteht also wahrscheinlich weiter.',
  },
  escalated: {
    en: () => 'Firstline could not solve this here. IT can help you further.',
    nl: () => 'Firstline kon dit hier niet oplossen. IT helpt je verder.',
    fr: () => "Firstline n'a pas pu résoudre ce problème ici. Le service informatique peut vous aider.",
    de: () => 'Firstline konnte das hier nicht lösen. Die IT hilft Ihnen weiter.',
  },
  yes: { en: () => 'Yes', nl: () => 'Ja', fr: () => 'Oui', de: () => 'Ja' },
  no: { en: () => 'No', nl: () => 'Nee', fr: () => 'Non', de: () => 'Nein' },
} satisfies Record<string, Template | Record<Lang, () => string>>;

export function say(key: keyof typeof messages, lang: Lang, arg = ''): string {
  return (messages[key][lang] as (a: string) => string)(arg);
}

/** A troubleshooter text in `lang`, falling back to English. */
export function text(value: Localized, lang: Lang): string {
  return value[lang] ?? value.en;
}
