/** Sentences of the password-reset fix. */
import type { Texts } from '../shared/text.ts';

export const passwordTexts = {
  describeUrl: {
    en: 'Find your organisation’s password reset page (changes nothing).',
    nl: 'De pagina van je organisatie om je wachtwoord te herstellen opzoeken (er verandert niets).',
    fr: 'Rechercher la page de réinitialisation du mot de passe de votre organisation (rien n’est modifié).',
    de: 'Die Seite Ihrer Organisation zum Zurücksetzen des Kennworts suchen (nichts wird geändert).',
  },
  describeExpiry: {
    en: 'Check when your password expires (changes nothing).',
    nl: 'Nagaan wanneer je wachtwoord verloopt (er verandert niets).',
    fr: 'Vérifier quand votre mot de passe expire (rien n’est modifié).',
    de: 'Prüfen, wann Ihr Kennwort abläuft (nichts wird geändert).',
  },
  urlFromPolicy: {
    en: 'Your organisation’s password reset page is ready to open.',
    nl: 'De pagina van je organisatie om je wachtwoord te herstellen staat klaar.',
    fr: 'La page de réinitialisation du mot de passe de votre organisation est prête à être ouverte.',
    de: 'Die Seite Ihrer Organisation zum Zurücksetzen des Kennworts ist bereit.',
  },
  urlDefault: {
    en: 'You can reset your password on the Microsoft password reset page.',
    nl: 'Je kunt je wachtwoord herstellen op de wachtwoordpagina van Microsoft.',
    fr: 'Vous pouvez réinitialiser votre mot de passe sur la page de réinitialisation de Microsoft.',
    de: 'Sie können Ihr Kennwort auf der Microsoft-Seite zum Zurücksetzen von Kennwörtern zurücksetzen.',
  },
  noUrl: {
    en: 'Your organisation has not set up a page to reset your password yourself. Please contact IT: they will reset it for you.',
    nl: 'Je organisatie heeft geen pagina ingesteld om zelf je wachtwoord te herstellen. Neem contact op met IT: zij herstellen het voor je.',
    fr: 'Votre organisation n’a pas configuré de page pour réinitialiser vous-même votre mot de passe. Contactez le service informatique : il le réinitialisera pour vous.',
    de: 'Ihre Organisation hat keine Seite eingerichtet, auf der Sie Ihr Kennwort selbst zurücksetzen können. Bitte wenden Sie sich an die IT: sie setzt es für Sie zurück.',
  },
  expiresIn: {
    en: 'Your password expires in {days, plural, one {# day} other {# days}}.',
    nl: 'Je wachtwoord verloopt over {days, plural, one {# dag} other {# dagen}}.',
    fr: 'Votre mot de passe expire dans {days, plural, one {# jour} other {# jours}}.',
    de: 'Ihr Kennwort läuft in {days, plural, one {# Tag} other {# Tagen}} ab.',
  },
  expired: {
    en: 'Your password has expired and must be changed.',
    nl: 'Je wachtwoord is verlopen en moet worden gewijzigd.',
    fr: 'Votre mot de passe a expiré et doit être changé.',
    de: 'Ihr Kennwort ist abgelaufen und muss geändert werden.',
  },
  never: {
    en: 'Your password does not expire.',
    nl: 'Je wachtwoord verloopt niet.',
    fr: 'Votre mot de passe n’expire pas.',
    de: 'Ihr Kennwort läuft nicht ab.',
  },
  unknown: {
    en: 'This computer does not show when your password expires.',
    nl: 'Deze computer toont niet wanneer je wachtwoord verloopt.',
    fr: 'Cet ordinateur n’indique pas quand votre mot de passe expire.',
    de: 'Dieser Computer zeigt nicht an, wann Ihr Kennwort abläuft.',
  },
} satisfies Record<string, Texts>;
