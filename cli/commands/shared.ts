/** Small helpers shared by the engine commands. */
import { defaultLang, isLang, langs, type Lang } from '../../core/kernel/lang.ts';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return defaultLang;
  if (isLang(value)) return value;
  throw new Error(`--lang must be ${langs.slice(0, -1).join(', ')} or ${langs[langs.length - 1]} (got "${value}").`);
}

/** "1 file", "2 files": an English count for CLI lines, never a fake plural like "file(s)". */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n} ${n === 1 ? one : other}`;
}
