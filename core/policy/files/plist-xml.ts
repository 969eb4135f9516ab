/**
 * A small reader for XML property lists (what `.mobileconfig` profiles and exported managed
 * preferences are), so `firstline policy check` can read a profile on any OS without plutil.
 * Binary plists are not read here: on a Mac, `plutil -convert xml1` turns one into XML.
 */

type Token = { tag: string; close: boolean; selfClosing: boolean; text: string };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

function* tokens(xml: string): Generator<Token> {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '');
  const re = /<(\/?)([A-Za-z]+)[^>]*?(\/?)>([^<]*)/g;
  for (const m of body.matchAll(re)) {
    yield { close: m[1] === '/', tag: m[2] ?? '', selfClosing: m[3] === '/', text: m[4] ?? '' };
  }
}

/** Parses the document; throws with a plain message when it is not a property list. */
export function parsePlistXml(xml: string): unknown {
  const list = [...tokens(xml)];
  let i = 0;
  const next = (): Token => {
    const t = list[i++];
    if (!t) throw new Error('the property list ends too early');
    return t;
  };
  const expectClose = (tag: string) => {
    const t = next();
    if (!t.close || t.tag !== tag) throw new Error(`expected </${tag}>, found <${t.close ? '/' : ''}${t.tag}>`);
  };
  const value = (t: Token): unknown => {
    if (t.close) throw new Error(`unexpected </${t.tag}>`);
    switch (t.tag) {
      case 'true':
      case 'false':
        if (!t.selfClosing) expectClose(t.tag);
        return t.tag === 'true';
      case 'string':
      case 'date':
      case 'data':
        if (t.selfClosing) return '';
        expectClose(t.tag);
        return decode(t.text);
      case 'integer':
      case 'real': {
        expectClose(t.tag);
        const n = Number(t.text.trim());
        if (!Number.isFinite(n)) throw new Error(`<${t.tag}> holds "${t.text.trim()}", not a number`);
        return n;
      }
      case 'array': {
        const out: unknown[] = [];
        if (t.selfClosing) return out;
        for (let c = next(); !(c.close && c.tag === 'array'); c = next()) out.push(value(c));
        return out;
      }
      case 'dict': {
        const out: Record<string, unknown> = {};
        if (t.selfClosing) return out;
        for (let c = next(); !(c.close && c.tag === 'dict'); c = next()) {
          if (c.tag !== 'key') throw new Error(`expected <key> in <dict>, found <${c.tag}>`);
          expectClose('key');
          out[decode(c.text)] = value(next());
        }
        return out;
      }
      default:
        throw new Error(`unknown property list element <${t.tag}>`);
    }
  };
  const first = next();
  if (first.tag !== 'plist' || first.close) throw new Error('not a property list (no <plist> element)');
  return value(next());
}

/**
 * The Firstline settings inside a configuration profile: the payload whose PayloadType is the
 * app's domain. A plain managed-preferences plist (no PayloadContent) is returned as it is.
 */
export function settingsFromProfile(root: unknown, domain: string): Record<string, unknown> {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new Error('the property list is not a dictionary');
  const dict = root as Record<string, unknown>;
  const content = dict.PayloadContent;
  if (!Array.isArray(content)) return dict;
  const payloads = content.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && (p as Record<string, unknown>).PayloadType === domain);
  if (payloads.length === 0) throw new Error(`the profile has no payload for ${domain}`);
  return Object.assign({}, ...payloads) as Record<string, unknown>;
}
