/** Small helpers shared by the engine commands. */
import type { Lang } from '../../core/engine/action.ts';
import type { Diagnostic } from '../../core/engine/loader.ts';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  if (value === 'en' || value === 'nl' || value === 'fr' || value === 'de') return value;
  throw new Error(`--lang must be en, nl, fr or de (got "${value}").`);
}

/** The one-line format editors and CI understand: `file:line:col: severity: message`. */
export const formatDiagnostic = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
