/** "Did you mean …?" for names an admin or author typed: the closest known names by edit distance. */

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/** Known names within a third of the typed name's length (at least 2, case-insensitive), nearest first. */
export function closestNames(typed: string, known: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.ceil(typed.length / 3));
  return [...known]
    .map((name) => ({ name, d: editDistance(typed.toLowerCase(), name.toLowerCase()) }))
    .filter(({ name, d }) => d <= limit && name !== typed)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, max)
    .map(({ name }) => name);
}

/** ` Did you mean "a" or "b"?` or the empty string. */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const names = closestNames(typed, known);
  return names.length > 0 ? ` Did you mean ${names.map((n) => `"${n}"`).join(' or ')}?` : '';
}
