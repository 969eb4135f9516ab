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
  /** E-mail addresses that stay readable (the employee's own, the helpdesk's); every other one is hidden. */
  keepEmails?: readonly string[];
  /** Extra patterns; the whole match is replaced (or only group 1 when the pattern has one). */
  patterns?: readonly RegExp[];
};

const secretName = String.raw`(?:pass(?:word|wd|phrase)?|pwd|kennwort|passwort|wachtwoord|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth(?:orization)?|session[_-]?id|cookie|psk|key[_-]?material)`;

type Rule = { pattern: RegExp; replace: (match: string, ...groups: string[]) => string };

/** Labels of a password that may contain spaces: everything after the label to the end of the line is hidden. */
const lineLabels = String.raw`(?:key content|sleutelinhoud|contenu de la cl[ée]|schl[üu]sselinhalt|password|passwort|kennwort|wachtwoord|mot de passe|mdp|passphrase|pwd)`;

/** mod 97 of a digit string of any length (IBAN, Belgian national register number). */
function mod97(digits: string): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  return mod97(moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))) === 1;
}

function luhnValid(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Dutch BSN: 9 digits passing the "11-proof" (weights 9..2, the last digit −1). */
function bsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Belgian national register number: check digits are 97 − (first 9 digits mod 97), "2" prefixed for births from 2000. */
function nrnValid(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  if (digits.length !== 11) return false;
  const check = Number(digits.slice(9));
  return 97 - mod97(digits.slice(0, 9)) === check || 97 - mod97(`2${digits.slice(0, 9)}`) === check;
}

const rules: Rule[] = [
  // -----BEGIN ... PRIVATE KEY----- blocks.
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: () => REDACTED,
  },
  // Authorization: Bearer <token> / Basic <base64> (headers and bare), however short the token.
  { pattern: /\b(Bearer|Basic|Digest|Negotiate|NTLM)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]+/gi, replace: (_m, scheme) => `${scheme} ${REDACTED}` },
  // scheme://user:password@host → keep the user, hide the password (up to the LAST "@", so p@ss@host leaks nothing).
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s/]*@/gi, replace: (_m, head) => `${head}:${REDACTED}@` },
  // netsh "Key Content : …", password labels in EN/NL/FR/DE: the rest of the line (passwords may hold spaces).
  {
    pattern: new RegExp(String.raw`(\b${lineLabels}\s*:[ \t]*)(?!\[REDACTED\]|["'])(\S[^\r\n]*)`, 'gi'),
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // net use \\server\share <password> /user:x   and   net use … /user:x <password>
  { pattern: /(\bnet\s+use\b[^\r\n]*?\/user:\S+\s+)(?!\/|\[REDACTED\])(\S+)/gi, replace: (_m, head) => `${head}${REDACTED}` },
  { pattern: /(\bnet\s+use\s+(?:[a-z]:\s+)?\\\\\S+\s+)(?!\/|\*|\[REDACTED\])(\S+)/gi, replace: (_m, head) => `${head}${REDACTED}` },
  // Azure SAS and similar signed URLs: the signature is the credential.
  { pattern: /([?&](?:sig|signature|x-amz-signature|x-goog-signature)=)[^&\s"']+/gi, replace: (_m, head) => `${head}${REDACTED}` },
  // JSON-style "password": "value".
  {
    pattern: new RegExp(String.raw`("[^"]*${secretName}[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'),
    replace: (_m, head) => `${head}"${REDACTED}"`,
  },
  // key=value / key: value (env files, command lines, INI, query strings, YAML). A final "." or ")"
  // is left as punctuation so sentences stay readable.
  {
    pattern: new RegExp(String.raw`(\b[\w.-]*${secretName}[\w.-]*\s*[=:]\s*)(?!\[REDACTED\]|(?:Bearer|Basic|Digest|Negotiate|NTLM)\s)("[^"]*"|'[^']*'|[^\s&;,]*[^\s&;,.)])`, 'gi'),
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
  // Personal data. IBAN (compact or in groups of four), checked with mod 97 so part numbers survive.
  { pattern: /(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w-])/g, replace: (m) => (ibanValid(m) ? REDACTED : m) },
  // Belgian national register number (YY.MM.DD-XXX.CC, or 11 digits with valid check digits).
  { pattern: /(?<![\w.-])\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}(?![\w-])/g, replace: () => REDACTED },
  { pattern: /(?<![\w.-])\d{11}(?![\w-])/g, replace: (m) => (nrnValid(m) ? REDACTED : m) },
  // Payment card numbers (13–19 digits, optionally grouped), Luhn-checked.
  { pattern: /(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w-])/g, replace: (m) => (luhnValid(m) ? REDACTED : m) },
  // Dutch BSN (9 digits passing the 11-proof).
  { pattern: /(?<![\w.-])\d{9}(?![\w-])/g, replace: (m) => (bsnValid(m) ? REDACTED : m) },
  // The account name in profile paths: IT needs the path's shape, not whose it is.
  { pattern: /(\/home\/|\/Users\/)(?!Shared\b|\[USER\])([^\s/\\:'"]+)/g, replace: (_m, head) => `${head}[USER]` },
  { pattern: /(\b[A-Za-z]:\\(?:Users|Documents and Settings)\\)(?!Public\b|Default\b|All Users\b|\[USER\])([^\s\\/:'"]+)/gi, replace: (_m, head) => `${head}[USER]` },
];

const emailPattern = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redact(text: string, options: RedactOptions = {}): string {
  let out = text;
  // Caller-known secrets first, longest first so a secret containing another is hidden whole.
  const secrets = [...(options.secrets ?? [])].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  for (const rule of rules) out = out.replace(rule.pattern, rule.replace as (substring: string, ...args: unknown[]) => string);
  // Other people's e-mail addresses; the employee's own (and the helpdesk's) may be kept by the caller.
  const keep = new Set((options.keepEmails ?? []).map((e) => e.toLowerCase()));
  out = out.replace(emailPattern, (m) => (keep.has(m.toLowerCase()) ? m : REDACTED));
  for (const pattern of options.patterns ?? []) out = hidePattern(out, pattern);
  return out;
}

/**
 * Hides each non-empty match of an admin pattern, or only group 1 when the pattern has one and it
 * matched something. Group 1 is cut out where it matched (the `d` flag's indices), not searched
 * for in the match: with `room \d+ code (\d+)`, "room 12 code 1" must not hide the "1" of "12".
 */
function hidePattern(text: string, pattern: RegExp): string {
  const flags = [...new Set(`${pattern.flags}gd`)].join('');
  let out = '';
  let from = 0;
  for (const match of text.matchAll(new RegExp(pattern.source, flags))) {
    if (match[0] === '') continue;
    const group = match.indices?.[1];
    const [start, end] = group && group[1] > group[0] ? group : [match.index, match.index + match[0].length];
    out += `${text.slice(from, start)}${REDACTED}`;
    from = end;
  }
  return out + text.slice(from);
}

const secretKey = new RegExp(`^[\\w.-]*${secretName}[\\w.-]*$`, 'i');

/** Redacts every string in a JSON-like value; values under secret-named keys are hidden whole. */
export function redactDeep<T>(value: T, options: RedactOptions = {}): T {
  const ancestors = new Set<object>();
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key !== undefined && secretKey.test(key) && v.length > 0 ? REDACTED : redact(v, options);
    if (v === null || typeof v !== 'object') return v;
    // Only an object inside itself is a cycle: one shared by two branches is redacted in both.
    if (ancestors.has(v)) return '[Circular]';
    ancestors.add(v);
    let out: unknown[] | Record<string, unknown>;
    if (Array.isArray(v)) out = v.map((item) => walk(item));
    else {
      out = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, k);
    }
    ancestors.delete(v);
    return out;
  };
  return walk(value) as T;
}
