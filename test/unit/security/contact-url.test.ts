import { describe, expect, it } from 'vitest';
import { checkContactUrl, supportMailtoUrl, telUrl } from '../../../core/security/contact-url.ts';

describe('support contact links', () => {
  it('turns a written phone number into a dialable tel: link of digits', () => {
    expect(telUrl('+32 2 555 01 23')).toBe('tel:+3225550123');
    expect(telUrl('(02) 555.01-23')).toBe('tel:025550123');
  });

  it.each(['', '12', 'call me', '+32 2 555 01 23;ext=9', '0800 CALL IT', '+32\n2'])('builds no tel: link from %j', (phone) => {
    expect(telUrl(phone)).toBeNull();
  });

  it('builds a bare mailto: link and nothing with headers, recipients or line breaks', () => {
    expect(supportMailtoUrl(' servicedesk@example.com ')).toBe('mailto:servicedesk@example.com');
    for (const bad of ['a@b.c?bcc=x@evil.test', 'a@b.c,x@evil.test', 'a@b.c%0ABcc:x@evil.test', 'not-an-address', 'a b@c.d']) {
      expect(supportMailtoUrl(bad), bad).toBeNull();
    }
  });

  it('lets only tel: of digits and checked mailto: links pass the shell check', () => {
    expect(checkContactUrl('tel:+3225550123')).toEqual({ allowed: true, url: 'tel:+3225550123' });
    expect(checkContactUrl('mailto:servicedesk@example.com')).toEqual({ allowed: true, url: 'mailto:servicedesk@example.com' });
    for (const bad of ['tel:+32;phone-context=evil', 'tel:', 'https://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'sip:it@example.com', 'mailto:a@b.c?bcc=%0D%0Ax']) {
      expect(checkContactUrl(bad).allowed, bad).toBe(false);
    }
  });
});
