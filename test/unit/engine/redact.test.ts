import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactDeep } from '../../../core/redact.ts';

describe('redact', () => {
  it.each([
    ['password=hunter2 user=bob', 'password=[REDACTED] user=bob'],
    ['DB_PASSWORD: "s3 cret"', 'DB_PASSWORD: [REDACTED]'],
    ['api_key=abc123&x=1', 'api_key=[REDACTED]&x=1'],
    ['Login failed (password=hunter2).', 'Login failed (password=[REDACTED]).'],
    ['Authorization: Bearer abcdef123456', 'Authorization: Bearer [REDACTED]'],
    ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic [REDACTED]'],
    ['https://bob:s3cret@intranet.example/x', 'https://bob:[REDACTED]@intranet.example/x'],
    ['{"clientSecret": "abc\\"def", "n": 1}', '{"clientSecret": "[REDACTED]", "n": 1}'],
    ['net use --password hunter2 x', 'net use --password [REDACTED] x'],
    ['token eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4fw', 'token [REDACTED]'],
    ['key ghp_abcdefghijklmnopqrstuvwxyz0123', 'key [REDACTED]'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', REDACTED],
  ])('hides the secret in %j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Connected to Office-WiFi, IP 10.0.0.12, gateway reachable in 3 ms.';
    expect(redact(text)).toBe(text);
  });

  it('hides caller-supplied secrets and matches of extra patterns (only the group when there is one)', () => {
    expect(redact('pin 9876-abc and 9876-abc again', { secrets: ['9876-abc'] })).toBe('pin [REDACTED] and [REDACTED] again');
    expect(redact('employee E12345 called', { patterns: [/E\d{5}/] })).toBe('employee [REDACTED] called');
    expect(redact('badge=77 ok', { patterns: [/badge=(\d+)/] })).toBe('badge=[REDACTED] ok');
  });

  it('redacts strings deep in objects and whole values under secret-named keys', () => {
    const input = { user: 'bob', password: 'plain', nested: [{ note: 'token=abc123' }], n: 3 };
    expect(redactDeep(input)).toEqual({ user: 'bob', password: REDACTED, nested: [{ note: 'token=[REDACTED]' }], n: 3 });
    expect(input.password).toBe('plain');
  });
});
