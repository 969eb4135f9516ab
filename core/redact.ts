/**
 * Redaction of secrets before text leaves the engine (run events, tickets, logs). Shared by the
 * engine, ticket drafting and the logger: call `redact(text, options)` on strings and
 * `redactDeep(value, options)` on JSON-like values.
 *
 * It is a safety net, not a guarantee: known shapes of secrets (key=value pairs with secret-ish
 * names, HTTP auth headers, credentials in URLs, JWTs, private key blocks) plus whatever the caller
 * knows to be secret (`secrets`: exact strings; `patterns`: extra regular expressions).
 */

export const REDACTED = '[REDACTED]';

export type RedactOptions = {
  /** Exact strings to hide wherever they appear (e.g. the SMTP password, an API token). */
  secrets?: readonly string[];
  /** Extra patterns; the whole match is replaced (or only group 1 when the pattern has one). */
  patterns?: readonly RegExp[];
};

const secretName = String.raw`(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth(?:orization)?|session[_-]?id|cookie|psk|key[_-]?material)`;

type Rule = { pattern: RegExp; replace: (match: string, ...groups: string[]) => string };

const rules: Rule[] = [
  // -----BEGIN ... PRIVATE KEY----- blocks.
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: () => REDACTED,
  },
  // Authorization: Bearer <token> / Basic <base64> (headers and bare).
  { pattern: /\b(Bearer|Basic|Digest|Negotiate|NTLM)\s+[A-Za-z0-9._~+/=-]{6,}/gi, replace: (_m, scheme) => `${scheme} ${REDACTED}` },
  // scheme://user:password@host → keep the user, hide the password.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi, replace: (_m, head) => `${head}:${REDACTED}@` },
  // JSON-style "password": "value".
  {
    pattern: new RegExp(String.raw`("[^"]*${secretName}[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'),
    replace: (_m, head) => `${head}"${REDACTED}"`,
  },
  // key=value / key: value (env files, command lines, INI, query strings, YAML). A final "." or ")"
  // is left as punctuation so sentences stay readable.
  {
    pattern: new RegExp(
      String.raw`(\b[\w.-]*${secretName}[\w.-]*\s*[=:]\s*)(?!\[REDACTED\]|(?:Bearer|Basic|Digest|Negotiate|NTLM)\s)("[^"]*"|'[^']*'|[^\s&;,]*[^\s&;,.)])`,
      'gi',
    ),
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // Command-line flags: --password value, -p:value is too ambiguous to guess.
  {
    pattern: new RegExp(String.raw`(--?[\w-]*${secretName}[\w-]*\s+)("[^"]*"|'[^']*'|\S+)`, 'gi'),
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // JSON Web Tokens.
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b/g, replace: () => REDACTED },
  // Well-known token prefixes (GitHub, Slack, AWS access key ids).
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b/g, replace: () => REDACTED },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redact(text: string, options: RedactOptions = {}): string {
  let out = text;
  // Caller-known secrets first, longest first so a secret containing another is hidden whole.
  const secrets = [...(options.secrets ?? [])].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  for (const rule of rules) out = out.replace(rule.pattern, rule.replace as (substring: string, ...args: unknown[]) => string);
  for (const pattern of options.patterns ?? []) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    out = out.replace(new RegExp(pattern.source, flags), (match: string, group?: unknown) =>
      typeof group === 'string' && group.length > 0 ? match.replace(group, REDACTED) : REDACTED,
    );
  }
  return out;
}

const secretKey = new RegExp(`^[\\w.-]*${secretName}[\\w.-]*$`, 'i');

/** Redacts every string in a JSON-like value; values under secret-named keys are hidden whole. */
export function redactDeep<T>(value: T, options: RedactOptions = {}): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key !== undefined && secretKey.test(key) && v.length > 0 ? REDACTED : redact(v, options);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[Circular]';
    seen.add(v);
    if (Array.isArray(v)) return v.map((item) => walk(item));
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = walk(item, k);
    return out;
  };
  return walk(value) as T;
}
