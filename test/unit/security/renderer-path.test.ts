import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../core/security/renderer-path.ts';

const root = path.resolve('/srv/firstline/renderer');

describe('renderer path resolution', () => {
  it('maps the root to index.html and assets under the root', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each(['/../secret', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fetc', '/a\\..\\b', '/x%00.js', '/%E0%A4%A'])('refuses %s', (request) => {
    expect(resolveRendererFile(root, request)).toBeNull();
  });
});
