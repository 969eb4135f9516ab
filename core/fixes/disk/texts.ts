/** Sentences of the disk-space fix (employee words: no "cache" without an everyday word next to it). */
import type { Lang } from '../../kernel/lang.ts';
import type { Texts } from '../shared/text.ts';
import type { PlaceId } from './places.ts';

export const diskTexts = {
  describeStatus: {
    en: 'Check how much free space your disk has and what can be cleared safely (changes nothing).',
    nl: 'Controleren hoeveel vrije ruimte je schijf heeft en wat veilig kan worden opgeruimd (er verandert niets).',
    fr: 'Vérifier l’espace libre de votre disque et ce qui peut être nettoyé sans risque (rien n’est modifié).',
    de: 'Prüfen, wie viel freier Speicher auf Ihrer Festplatte ist und was sicher aufgeräumt werden kann (nichts wird geändert).',
  },
  describeClean: {
    en: 'Delete temporary files older than a day, the temporary internet files of browsers and Teams that are closed, and old Firstline backups. Your documents, downloads, desktop and settings are not touched.',
    nl: 'Tijdelijke bestanden ouder dan een dag verwijderen, de tijdelijke internetbestanden van gesloten browsers en Teams, en oude Firstline-back-ups. Je documenten, downloads, bureaublad en instellingen worden niet aangeraakt.',
    fr: 'Supprimer les fichiers temporaires de plus d’un jour, les fichiers Internet temporaires des navigateurs et de Teams fermés, et les anciennes sauvegardes de Firstline. Vos documents, téléchargements, bureau et paramètres ne sont pas touchés.',
    de: 'Temporäre Dateien, die älter als einen Tag sind, die temporären Internetdateien geschlossener Browser und von Teams sowie alte Firstline-Sicherungen löschen. Ihre Dokumente, Downloads, Ihr Desktop und Ihre Einstellungen bleiben unberührt.',
  },
  describeTrash: {
    en: 'Empty the recycle bin (trash). Files in it are deleted for good.',
    nl: 'De prullenbak legen. Bestanden erin worden definitief verwijderd.',
    fr: 'Vider la corbeille. Les fichiers qu’elle contient sont supprimés définitivement.',
    de: 'Den Papierkorb leeren. Die Dateien darin werden endgültig gelöscht.',
  },
  enough: {
    en: '{free} free of {total} ({percent}%): enough space.',
    nl: '{free} vrij van {total} ({percent}%): genoeg ruimte.',
    fr: '{free} libres sur {total} ({percent} %) : assez d’espace.',
    de: '{free} von {total} frei ({percent} %): genug Speicherplatz.',
  },
  low: {
    en: 'Your disk is almost full: only {free} free of {total} ({percent}%).',
    nl: 'Je schijf is bijna vol: nog maar {free} vrij van {total} ({percent}%).',
    fr: 'Votre disque est presque plein : seulement {free} libres sur {total} ({percent} %).',
    de: 'Ihre Festplatte ist fast voll: nur {free} von {total} frei ({percent} %).',
  },
  canClear: {
    en: 'Can be cleared safely: {places}.',
    nl: 'Kan veilig worden opgeruimd: {places}.',
    fr: 'Peut être nettoyé sans risque : {places}.',
    de: 'Kann sicher aufgeräumt werden: {places}.',
  },
  unreadable: {
    en: 'The free space of your disk could not be read.',
    nl: 'De vrije ruimte van je schijf kon niet worden gelezen.',
    fr: 'L’espace libre de votre disque n’a pas pu être lu.',
    de: 'Der freie Speicher Ihrer Festplatte konnte nicht gelesen werden.',
  },
  cleaned: {
    en: '{cleared} of temporary files deleted; free space went from {before} to {after}.',
    nl: '{cleared} aan tijdelijke bestanden verwijderd; de vrije ruimte ging van {before} naar {after}.',
    fr: '{cleared} de fichiers temporaires supprimés ; l’espace libre est passé de {before} à {after}.',
    de: '{cleared} temporäre Dateien gelöscht; der freie Speicher stieg von {before} auf {after}.',
  },
  nothingCleared: {
    en: 'There was nothing that could be deleted safely.',
    nl: 'Er was niets dat veilig kon worden verwijderd.',
    fr: 'Rien ne pouvait être supprimé sans risque.',
    de: 'Es gab nichts, was sicher gelöscht werden konnte.',
  },
  appsOpen: {
    en: 'Some apps were open, so their temporary files were left alone: {apps}. Close them and try again to free more.',
    nl: 'Sommige apps waren open, dus hun tijdelijke bestanden zijn niet aangeraakt: {apps}. Sluit ze en probeer opnieuw om meer vrij te maken.',
    fr: 'Certaines applications étaient ouvertes, leurs fichiers temporaires n’ont donc pas été touchés : {apps}. Fermez-les et réessayez pour libérer plus d’espace.',
    de: 'Einige Apps waren geöffnet, ihre temporären Dateien wurden daher nicht angetastet: {apps}. Schließen Sie sie und versuchen Sie es erneut, um mehr freizugeben.',
  },
  refused: {
    en: 'Some folders were left alone because they point outside your user profile.',
    nl: 'Sommige mappen zijn niet aangeraakt omdat ze buiten je gebruikersprofiel wijzen.',
    fr: 'Certains dossiers n’ont pas été touchés car ils pointent en dehors de votre profil utilisateur.',
    de: 'Einige Ordner wurden nicht angetastet, weil sie außerhalb Ihres Benutzerprofils liegen.',
  },
  inUse: {
    en: 'Some files were in use and were left alone.',
    nl: 'Sommige bestanden waren in gebruik en zijn niet aangeraakt.',
    fr: 'Certains fichiers étaient utilisés et n’ont pas été touchés.',
    de: 'Einige Dateien waren in Verwendung und wurden nicht angetastet.',
  },
  trashEmptied: {
    en: 'The recycle bin was emptied; free space went from {before} to {after}.',
    nl: 'De prullenbak is geleegd; de vrije ruimte ging van {before} naar {after}.',
    fr: 'La corbeille a été vidée ; l’espace libre est passé de {before} à {after}.',
    de: 'Der Papierkorb wurde geleert; der freie Speicher stieg von {before} auf {after}.',
  },
  trashEmptiedPlain: {
    en: 'The recycle bin was emptied.',
    nl: 'De prullenbak is geleegd.',
    fr: 'La corbeille a été vidée.',
    de: 'Der Papierkorb wurde geleert.',
  },
  trashAlreadyEmpty: {
    en: 'The recycle bin was already empty.',
    nl: 'De prullenbak was al leeg.',
    fr: 'La corbeille était déjà vide.',
    de: 'Der Papierkorb war bereits leer.',
  },
  trashFailed: {
    en: 'The recycle bin could not be emptied ({reason}).',
    nl: 'De prullenbak kon niet worden geleegd ({reason}).',
    fr: 'La corbeille n’a pas pu être vidée ({reason}).',
    de: 'Der Papierkorb konnte nicht geleert werden ({reason}).',
  },
  trashItems: {
    en: 'The recycle bin holds {count, plural, one {# item} other {# items}}.',
    nl: 'De prullenbak bevat {count, plural, one {# item} other {# items}}.',
    fr: 'La corbeille contient {count, plural, one {# élément} other {# éléments}}.',
    de: 'Der Papierkorb enthält {count, plural, one {# Element} other {# Elemente}}.',
  },
} satisfies Record<string, Texts>;

export const placeNames: Record<PlaceId | 'trash', Texts> = {
  temp: { en: 'temporary files', nl: 'tijdelijke bestanden', fr: 'fichiers temporaires', de: 'temporäre Dateien' },
  'browser-cache': {
    en: 'browser temporary internet files',
    nl: 'tijdelijke internetbestanden van browsers',
    fr: 'fichiers Internet temporaires des navigateurs',
    de: 'temporäre Internetdateien der Browser',
  },
  'teams-cache': { en: 'Teams temporary files', nl: 'tijdelijke bestanden van Teams', fr: 'fichiers temporaires de Teams', de: 'temporäre Dateien von Teams' },
  'teams-backups': { en: 'old Firstline backups of Teams', nl: 'oude Firstline-back-ups van Teams', fr: 'anciennes sauvegardes Teams de Firstline', de: 'alte Firstline-Sicherungen von Teams' },
  trash: { en: 'recycle bin', nl: 'prullenbak', fr: 'corbeille', de: 'Papierkorb' },
};

/** "2.1 GB" / "2,1 GB" (decimal units, as Explorer and Finder show them… Finder does; Explorer uses 1024 — close enough for advice). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const shown = unit === 0 ? String(Math.round(value)) : value.toFixed(value < 10 ? 1 : 0);
  return `${lang === 'en' ? shown : shown.replace('.', ',')} ${units[unit]}`;
}
