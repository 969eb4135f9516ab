import { describe, expect, it } from 'vitest';
import { compilePatterns, createTicketRedactor } from '../../../core/tickets/redaction.ts';

describe('ticket redaction', () => {
  it('hides policy secrets also in their base64 and URL-encoded forms', () => {
    const r = createTicketRedactor({ secrets: ['p@ss word!'] });
    const b64 = Buffer.from('p@ss word!').toString('base64');
    const out = r.text(`raw p@ss word! b64 ${b64} url ${encodeURIComponent('p@ss word!')}`);
    expect(out).not.toContain('p@ss word!');
    expect(out).not.toContain(b64);
    expect(out).not.toContain(encodeURIComponent('p@ss word!'));
  });

  it('applies the admin extra patterns and skips invalid ones instead of failing', () => {
    expect(compilePatterns(['EMP-\\d{6}', '(unclosed']).invalid).toEqual(['(unclosed']);
    const r = createTicketRedactor({ secrets: [], extraPatterns: ['EMP-\\d{6}', '(unclosed'] });
    expect(r.text('badge EMP-123456 ok')).toBe('badge [REDACTED] ok');
  });

  it('keeps the built-in rules (tokens, key=value secrets) and works on nested values', () => {
    const r = createTicketRedactor({ secrets: ['hunter22'] });
    expect(r.text('Authorization: Bearer abcdef123456')).not.toContain('abcdef123456');
    expect(r.deep({ a: ['x hunter22 y'], password: 'whatever' })).toEqual({ a: ['x [REDACTED] y'], password: '[REDACTED]' });
  });
});
