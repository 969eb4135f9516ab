/**
 * Password expiry read-outs, best effort: Windows `net user <name> /domain` (dates in the user's
 * locale), macOS `dscl` accountPolicyData + `pwpolicy` policies, Linux `chage -l` (C locale).
 * Each parser returns `never`, a date, or undefined when it cannot tell.
 */
export type Expiry = { kind: 'never' } | { kind: 'date'; at: Date };

const neverWords = /^(never|nie|jamais|nooit|niemals)$/i;

/** Windows short dates: with AM/PM the order is M/D/Y (en-US); otherwise D/M/Y, D-M-Y or D.M.Y. */
export function parseWindowsDate(text: string): Date | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?/i.exec(text.trim());
  if (!m) return undefined;
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const us = m[7] !== undefined;
  const [month, day] = us ? [a, b] : [b, a];
  let hour = Number(m[4] ?? 0);
  if (us && m[7]?.toUpperCase() === 'PM' && hour < 12) hour += 12;
  if (us && m[7]?.toUpperCase() === 'AM' && hour === 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Local wall-clock time of the machine that printed it.
  return new Date(year, month - 1, day, hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/**
 * `net user` → the "Password expires" line (en/nl/fr/de). net.exe writes in the console's OEM code
 * page, so the German "ä" arrives as "„" or U+FFFD depending on who decoded it: one wildcard there.
 */
export function parseNetUser(text: string): Expiry | undefined {
  const line = /^(?:Password expires|Wachtwoord verloopt|Le mot de passe expire|Kennwort l.{1,2}uft ab)\s+(.+?)\s*$/im.exec(text);
  const value = line?.[1];
  if (!value) return undefined;
  if (neverWords.test(value)) return { kind: 'never' };
  const at = parseWindowsDate(value);
  return at ? { kind: 'date', at } : undefined;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `chage -l` in the C locale → "Password expires : never" / "Dec 30, 2026" / "password must be changed". */
export function parseChage(text: string, now: Date): Expiry | undefined {
  const value = /^Password expires\s*:\s*(.+?)\s*$/m.exec(text)?.[1];
  if (!value) return undefined;
  if (value === 'never') return { kind: 'never' };
  if (/must be changed/.test(value)) return { kind: 'date', at: now };
  const m = /^([A-Za-z]{3}) (\d{1,2}), (\d{4})$/.exec(value);
  const month = m?.[1] ? months.indexOf(m[1].toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return { kind: 'date', at: new Date(Date.UTC(Number(m[3]), month, Number(m[2]))) };
}

/** macOS: last change from `dscl . -read /Users/<u> accountPolicyData`, max age from `pwpolicy -getaccountpolicies`. */
export function parseMacExpiry(accountPolicyData: string, pwpolicy: string): Expiry | undefined {
  const days = /policyAttributeExpiresEveryNDays<\/key>\s*<integer>(\d+)<\/integer>/.exec(pwpolicy)?.[1];
  const minutes = /maxMinutesUntilChangePassword<\/key>\s*<(?:integer|string)>(\d+)</.exec(pwpolicy)?.[1];
  const maxMs = days ? Number(days) * 86_400_000 : minutes ? Number(minutes) * 60_000 : undefined;
  if (maxMs === undefined) return /<dict>|<plist|No account policies/i.test(pwpolicy) ? { kind: 'never' } : undefined;
  const lastSet = /passwordLastSetTime<\/key>\s*<real>([\d.]+)<\/real>/.exec(accountPolicyData)?.[1];
  if (!lastSet) return undefined;
  return { kind: 'date', at: new Date(Number(lastSet) * 1000 + maxMs) };
}

export function daysUntil(at: Date, now: Date): number {
  return Math.ceil((at.getTime() - now.getTime()) / 86_400_000);
}
