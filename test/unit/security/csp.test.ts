import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../core/security/csp.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('content security policy', () => {
  it('denies everything by default and allows scripts only from the app itself', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
  });

  it('never allows inline or eval script', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['http://127.0.0.1:1234'] });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives(csp).get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:1234']);
  });
});
