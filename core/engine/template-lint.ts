/**
 * `{{ answers.x }}` without the `$` is not a template: it reaches the script as literal text.
 * An easy slip for authors who know Jinja or Mustache, so lint warns and shows the fix.
 */
import type { PathKey } from './source-diagnostics.ts';

const bare = /(?<!\$)\{\{\s*((?:answers|steps|policy|env|platform)\b[^}]*?)\s*\}\}/g;

/** `written`: the text as written ("{{ answers.x }}"); `suggested`: the template it should be; `message`: the English advice. */
export type BareTemplate = { path: PathKey[]; offset: number; written: string; suggested: string; message: string };

export function findBareTemplates(data: unknown, path: PathKey[] = []): BareTemplate[] {
  if (typeof data === 'string') {
    return [...data.matchAll(bare)].map((m) => ({
      path,
      offset: m.index ?? 0,
      written: m[0],
      suggested: `\${{ ${m[1] ?? ''} }}`,
      message: `"${m[0]}" is passed as literal text, not replaced; write "\${{ ${m[1] ?? ''} }}".`,
    }));
  }
  if (Array.isArray(data)) return data.flatMap((v, i) => findBareTemplates(v, [...path, i]));
  if (typeof data === 'object' && data !== null) return Object.entries(data).flatMap(([k, v]) => findBareTemplates(v, [...path, k]));
  return [];
}
