/**
 * Each redaction rule of core/redact.ts at its edges: what it must hide, what it must leave
 * readable, and where the hidden part starts and stops. Written against the survivors of
 * `npm run test:mutation -- redaction` (#17); the realistic lines live in the corpus test.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactDeep } from '../../../core/redact.ts';

const R = REDACTED;

describe('authorization schemes', () => {
  it.each([
    ['Authorization: Bearer  abc', `Authorization: Bearer ${R}`],
    ['authorization: bearer abc', `authorization: bearer ${R}`],
    ['WWW-Authenticate: Digest abc=', `WWW-Authenticate: Digest ${R}`],
    ['Negotiate YIIabc', `Negotiate ${R}`],
    ['NTLM TlRMTVNT', `NTLM ${R}`],
    ['Bearer a.b~c+d/e=f-g_h next', `Bearer ${R} next`],
    ['xBearer abc', 'xBearer abc'],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('is idempotent: an already hidden value is not hidden twice', () => {
    for (const line of ['Authorization: Bearer abc', 'password=abc', 'Key Content : abc', 'net use \\\\s\\x pw /user:u', '/home/bob/x', '--token abc']) {
      expect(redact(redact(line))).toBe(redact(line));
    }
  });
});

describe('credentials in URLs', () => {
  it.each([
    ['https://bob@host/x', 'https://bob@host/x'],
    ['https://:pw@host/', `https://:${R}@host/`],
    ['see http://a:b@c and http://d:e@f', `see http://a:${R}@c and http://d:${R}@f`],
    ['HTTP://U:P@H/', `HTTP://U:${R}@H/`],
    ['git+ssh://u:p@h/r', `git+ssh://u:${R}@h/r`],
    ['https://host:8443/a@b', 'https://host:8443/a@b'],
    ['mailto:x https://u:p w@h', 'mailto:x https://u:p w@h'],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('password labels and net use', () => {
  it.each([
    ['Password:hunter2', `Password:${R}`],
    ['password :\thunter 2 ', `password :\t${R}`],
    ['Password: "quoted" is left to the key=value rule', `Password: ${R} is left to the key=value rule`],
    ['Passphrase: a b\nnext line', `Passphrase: ${R}\nnext line`],
    ['MDP : a b', `MDP : ${R}`],
    ['Contenu de la cle : x y', `Contenu de la cle : ${R}`],
    ['Schlusselinhalt: x y', `Schlusselinhalt: ${R}`],
    ['PWD: a b', `PWD: ${R}`],
    ['password:', 'password:'],
    ['net use \\\\srv\\s pass1 /user:x', `net use \\\\srv\\s ${R} /user:x`],
    ['NET  USE \\\\srv\\s pw3', `NET  USE \\\\srv\\s ${R}`],
    ['net use z: \\\\srv\\s pw4', `net use z: \\\\srv\\s ${R}`],
    ['net use \\\\srv\\s /user:x /persistent:no', 'net use \\\\srv\\s /user:x /persistent:no'],
    ['net use \\\\srv\\s /user:x  pw5 /persistent:no', `net use \\\\srv\\s /user:x  ${R} /persistent:no`],
    ['net use \\\\srv\\s /delete', 'net use \\\\srv\\s /delete'],
    ['net  use \\\\srv\\s /user:x pw8', `net  use \\\\srv\\s /user:x ${R}`],
    ['net use Z:  \\\\srv\\s  pw9', `net use Z:  \\\\srv\\s  ${R}`],
    ['net user \\\\srv\\s pw6', 'net user \\\\srv\\s pw6'],
    ['cornet use \\\\srv\\s pw7', 'cornet use \\\\srv\\s pw7'],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('signed URLs', () => {
  it.each([
    ['u?signature=abc&x=1', `u?signature=${R}&x=1`],
    ['u?x-amz-signature=abc', `u?x-amz-signature=${R}`],
    ['u?X-Goog-Signature=abc def', `u?X-Goog-Signature=${R} def`],
    ['"u&sig=abc" next', `"u&sig=${R}" next`],
    ["'u&sig=abc' next", `'u&sig=${R}' next`],
    ['design=abc', 'design=abc'],
    ['u?sig=', 'u?sig='],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('JSON, key=value and flags', () => {
  it.each([
    ['{"db_password" : "x y", "user":"u"}', `{"db_password" : "${R}", "user":"u"}`],
    ['{"Token":"a\\"b"}', `{"Token":"${R}"}`],
    ['{"token":""}', `{"token":"${R}"}`],
    ['secret: abc.', `secret: ${R}.`],
    ['token=abc;next', `token=${R};next`],
    ['token=abc,next', `token=${R},next`],
    ['token=a.b', `token=${R}`],
    ["pwd='a b' x", `pwd=${R} x`],
    ['pwd="a b" x', `pwd=${R} x`],
    ['my.api-key=val1', `my.api-key=${R}`],
    ['ACCESS_KEY = v', `ACCESS_KEY = ${R}`],
    ['client_secret=x)', `client_secret=${R})`],
    ['Authorization: Basic abc', `Authorization: Basic ${R}`],
    ["--client-secret 'a b' -v", `--client-secret ${R} -v`],
    ['--client-secret "a b" -v', `--client-secret ${R} -v`],
    ['-token abc', `-token ${R}`],
    ['--password=abc', `--password=${R}`],
    ['--password\tabc', `--password\t${R}`],
    ['--verbose abc', '--verbose abc'],
    ['--PASSWORD a --token b', `--PASSWORD ${R} --token ${R}`],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('tokens with a known shape', () => {
  it.each([
    ['eyJabcde.abcde.abcde', R],
    ['eyJabcd.abcde.abcde', 'eyJabcd.abcde.abcde'],
    ['eyJabcde.abcd.abcde', 'eyJabcde.abcd.abcde'],
    ['eyJabcde.abcde.abcd', 'eyJabcde.abcde.abcd'],
    ['xeyJabcde.abcde.abcde', 'xeyJabcde.abcde.abcde'],
    ['jwt eyJa-_Z9.b-_Z9e.c-_Z9f end', `jwt ${R} end`],
    ['gho_abcdefghijklmnopqrst', R],
    ['ghu_ABCDEFGHIJ0123456789', R],
    ['ghs_abcdefghijklmnopqrst ghr_abcdefghijklmnopqrst', `${R} ${R}`],
    ['ghx_abcdefghijklmnopqrst', 'ghx_abcdefghijklmnopqrst'],
    ['ghp_abcdefghijklmnopqrs', 'ghp_abcdefghijklmnopqrs'],
    ['xghp_abcdefghijklmnopqrst', 'xghp_abcdefghijklmnopqrst'],
    ['xoxa-abcdefghij', R],
    ['xoxo-1234567890 xoxr-1234567890', `${R} ${R}`],
    ['xoxs-abcdefghi', 'xoxs-abcdefghi'],
    ['AKIAIOSFODNN7EXAMPLEX', 'AKIAIOSFODNN7EXAMPLEX'],
    ['AKIA0123456789ABCDEF', R],
    ['AKIAabcdefghijklmnop', 'AKIAabcdefghijklmnop'],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('personal numbers', () => {
  it.each([
    ['GB82 WEST 1234 5698 7654 32', R],
    ['GB82WEST12345698765432', R],
    ['NO9386011117947', R],
    ['NO938601111794', 'NO938601111794'],
    ['x-NO9386011117947', 'x-NO9386011117947'],
    ['NO9386011117947-x', 'NO9386011117947-x'],
    ['85.07.30-033.28x', '85.07.30-033.28x'],
    ['v85.07.30-033.28', 'v85.07.30-033.28'],
    ['00.01.01-001.04', R],
    ['00010100105 (born in 2000)', `${R} (born in 2000)`],
    ['00010100173', R],
    ['00010100106', '00010100106'],
    ['4111111111111111', R],
    ['4111-1111-1111-1111', R],
    ['4111 1111 1111 1111 1', '4111 1111 1111 1111 1'],
    ['0000000000000', '0000000000000'],
    ['41111111111111111111', '41111111111111111111'],
    ['4222222222222', R],
    ['000000000', '000000000'],
    ['123456782', R],
    ['a123456782', 'a123456782'],
    ['123456782a', '123456782a'],
    // IBANs pass mod 97 here; only 15 to 34 characters are IBANs.
    ['NO561234567890', 'NO561234567890'],
    ['MT60ABCD12345678901234567890123456', R],
    ['MT22AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'MT22AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    // BSNs that start or end with a zero are still BSNs.
    ['100000010', R],
    ['012345672', R],
    // Followed by a space or punctuation, each number is still hidden.
    ['BE71096123456769 ok, 85.07.30-033.28 ok, 85073003328, 123456782.', `${R} ok, ${R} ok, ${R}, ${R}.`],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('profile paths', () => {
  it.each([
    ['/home/Shared/x', '/home/Shared/x'],
    ['/Users/Shared/x', '/Users/Shared/x'],
    ['/Users/Sharedbob/x', '/Users/[USER]/x'],
    ['/home/bob', '/home/[USER]'],
    ['/home/bob:/bin', '/home/[USER]:/bin'],
    ["'/home/bob'", "'/home/[USER]'"],
    ['c:\\users\\bob\\x', 'c:\\users\\[USER]\\x'],
    ['C:\\Documents and Settings\\bob\\x', 'C:\\Documents and Settings\\[USER]\\x'],
    ['C:\\Users\\Default\\x', 'C:\\Users\\Default\\x'],
    ['C:\\Users\\All Users\\x', 'C:\\Users\\All Users\\x'],
    ['C:\\Users\\Public', 'C:\\Users\\Public'],
    ['C:\\Users\\Defaulter\\x', 'C:\\Users\\[USER]\\x'],
    ['C:\\Users\\[USER]\\x', 'C:\\Users\\[USER]\\x'],
    ['C:\\Users\\bob/x', 'C:\\Users\\[USER]/x'],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('e-mail addresses and caller options', () => {
  it('hides addresses whatever their case, keeps the named ones whatever their case', () => {
    expect(redact('mail A.B@Example.COM')).toBe(`mail ${R}`);
    expect(redact('Mail me@x.com and ME@X.COM', { keepEmails: ['Me@X.com'] })).toBe('Mail me@x.com and ME@X.COM');
    expect(redact('a@b.c x@y.co')).toBe(`a@b.c ${R}`);
    expect(redact('first.last+tag@mail.corp-1.example')).toBe(R);
  });

  it('hides every match of an admin pattern, keeps its flags, and hides group 1 where it matched', () => {
    expect(redact('code 12 code 13', { patterns: [/code (\d+)/g] })).toBe(`code ${R} code ${R}`);
    expect(redact('Code 12 code 13', { patterns: [/code (\d+)/i] })).toBe(`Code ${R} code ${R}`);
    // Group 1 is cut where it matched, not where its text first appears in the match.
    expect(redact('room 12 code 1', { patterns: [/room \d+ code (\d+)/] })).toBe(`room 12 code ${R}`);
    expect(redact('room 1 code 1!', { patterns: [/room \d code (\d)!/] })).toBe(`room 1 code ${R}!`);
    // An empty group 1 hides the whole match; an empty match hides nothing.
    expect(redact('ab', { patterns: [/a(x?)b/] })).toBe(R);
    expect(redact('x', { patterns: [/(y)?x/] })).toBe(R);
    expect(redact('a1b', { patterns: [/\d*/] })).toBe(`a${R}b`);
    expect(redact('ab', { patterns: [/\d*/] })).toBe('ab');
    expect(redact('k1 k2', { patterns: [/k(\d)/, /k/] })).toBe(`${R}${R} ${R}${R}`);
  });

  it('treats caller secrets of exactly three characters as secrets', () => {
    expect(redact('pin abc and ab', { secrets: ['abc', 'ab', ''] })).toBe(`pin ${R} and ab`);
  });
});

describe('structured values', () => {
  it('walks arrays and objects, leaves non-strings alone and marks cycles', () => {
    const input: Record<string, unknown> = { a: [1, null, true, 'token=x', ['password=y']], passwordHint: '', 'my password': 'p=1', pw: 'x', n: undefined };
    input.self = input;
    expect(redactDeep(input)).toEqual({ a: [1, null, true, `token=${R}`, [`password=${R}`]], passwordHint: '', 'my password': 'p=1', pw: 'x', n: undefined, self: '[Circular]' });
  });

  it('hides a whole value under a secret-named key (any case, with prefixes and suffixes) but not array items', () => {
    expect(redactDeep({ DB_Password: 'a b', 'x.apiKey.1': 'k', tokens: ['plain'], notes: 'plain' })).toEqual({ DB_Password: R, 'x.apiKey.1': R, tokens: ['plain'], notes: 'plain' });
    expect(redactDeep({ 'the token': 'plain', 'token!': 'plain' })).toEqual({ 'the token': 'plain', 'token!': 'plain' });
  });

  it('passes options down, and the same object twice in one value is a cycle only when it contains itself', () => {
    expect(redactDeep({ a: { b: 'pin 9876' } }, { secrets: ['9876'] })).toEqual({ a: { b: `pin ${R}` } });
    const shared = { note: 'token=x' };
    expect(redactDeep({ first: shared, second: [shared, shared] })).toEqual({ first: { note: `token=${R}` }, second: [{ note: `token=${R}` }, { note: `token=${R}` }] });
    const loop: unknown[] = ['password=y'];
    loop.push({ back: loop });
    expect(redactDeep(loop)).toEqual([`password=${R}`, { back: '[Circular]' }]);
    expect(redactDeep('plain')).toBe('plain');
    expect(redactDeep(7)).toBe(7);
  });
});
