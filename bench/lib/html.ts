/**
 * Scripts index.html makes the browser fetch before the first render: module entry scripts and
 * `modulepreload` links (Vite lists every static import of the entry there). Lazy chunks
 * (`import()`) are not in index.html and so are not counted.
 */
export function initialScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}=["']([^"']+)["']`, 'i').exec(tag)?.[1];
    const src = attr('src');
    const href = attr('href');
    if (/^<script/i.test(tag) && src) found.push(src);
    if (/^<link/i.test(tag) && attr('rel') === 'modulepreload' && href) found.push(href);
  }
  return found;
}
