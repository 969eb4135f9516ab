/**
 * The redaction corpus (#11): realistic lines from EN/NL/FR/DE tool output, each with the form it
 * must take before it is written or leaves the machine. Secrets and other people's personal data
 * go; what IT needs to diagnose (addresses, printer states, error codes, ids) stays.
 * Expected forms were reviewed line by line (test/fixtures/redaction/corpus.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redact, redactDeep, REDACTED } from '../../../core/redact.ts';

const corpus = JSON.parse(readFileSync(new URL('../../fixtures/redaction/corpus.json', import.meta.url), 'utf8')) as { input: string; expected: string }[];

describe('redaction corpus', () => {
  it('holds at least 60 lines, both lines that must change and lines that must not', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((c) => c.input !== c.expected).length).toBeGreaterThan(40);
    expect(corpus.filter((c) => c.input === c.expected).length).toBeGreaterThan(10);
  });

  it.each(corpus.map((c) => [c.input, c.expected]))('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('redaction rules that a mutation would break', () => {
  it('hides a caller secret with regex metacharacters literally, and nothing else', () => {
    expect(redact('pw is a.b*c+(d)? and abxc', { secrets: ['a.b*c+(d)?'] })).toBe(`pw is ${REDACTED} and abxc`);
    expect(redact('x$1y and x1y', { secrets: ['x$1y'] })).toBe(`${REDACTED} and x1y`);
  });

  it('hides the longest caller secret first, so a secret containing another leaves no tail', () => {
    expect(redact('token abc123XYZ', { secrets: ['abc', 'abc123XYZ'] })).toBe(`token ${REDACTED}`);
    expect(redact('token abc123XYZ', { secrets: ['abc123XYZ', 'abc'] })).toBe(`token ${REDACTED}`);
    // Shorter than three characters is too common to hide.
    expect(redact('ab ab', { secrets: ['ab'] })).toBe('ab ab');
  });

  it('hides a private key block even when the END line was cut off', () => {
    expect(redact('before\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQE')).toBe(`before\n${REDACTED}`);
    expect(redact('-----BEGIN EC PRIVATE KEY-----\nabc\n-----END EC PRIVATE KEY-----\nafter')).toBe(`${REDACTED}\nafter`);
  });

  it('hides AWS access key ids and Slack tokens on their own, but not look-alikes', () => {
    expect(redact('id AKIAIOSFODNN7EXAMPLE end')).toBe(`id ${REDACTED} end`);
    expect(redact('id AKIAIOSFODNN7EXAMPL end')).toBe('id AKIAIOSFODNN7EXAMPL end');
    expect(redact('xoxp-1234567890-abcdef')).toBe(REDACTED);
    expect(redact('xoxz-1234567890-abcdef')).toBe('xoxz-1234567890-abcdef');
  });

  it('keeps the e-mail addresses the caller names (the employee, the helpdesk) and hides the rest', () => {
    expect(redact('From jdupont@corp.example to servicedesk@corp.example cc boss@corp.example', { keepEmails: ['JDupont@corp.example', 'servicedesk@corp.example'] })).toBe(
      `From jdupont@corp.example to servicedesk@corp.example cc ${REDACTED}`,
    );
  });

  it('applies admin patterns, hiding only group 1 when the pattern has one', () => {
    expect(redact('employee EMP-123456 ok', { patterns: [/EMP-\d{6}/] })).toBe(`employee ${REDACTED} ok`);
    expect(redact('room B-17 code 4711', { patterns: [/code (\d+)/] })).toBe(`room B-17 code ${REDACTED}`);
  });

  it('hides values under secret-named keys whole in structured data', () => {
    expect(redactDeep({ wachtwoord: 'a b c', nested: [{ apiKey: 'k' }], note: 'Kennwort: x y' })).toEqual({ wachtwoord: REDACTED, nested: [{ apiKey: REDACTED }], note: `Kennwort: ${REDACTED}` });
  });

  it('checks IBAN, card, BSN and national register numbers so ordinary numbers survive', () => {
    expect(redact('BE71 0961 2345 6760')).toBe('BE71 0961 2345 6760');
    expect(redact('4111 1111 1111 1112')).toBe('4111 1111 1111 1112');
    expect(redact('111222334')).toBe('111222334');
    expect(redact('85073003329')).toBe('85073003329');
  });
});
