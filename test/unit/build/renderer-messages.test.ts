/**
 * The renderer bundle keeps only each text's message from locales/<lang>/app.json (the
 * descriptions are for translators): vite.renderer.config.ts `messagesOnly`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesOnly } from '../../../vite.renderer.config.ts';

const root = path.resolve(import.meta.dirname, '../../..');
type Transform = (code: string, id: string) => { code: string } | null;
const transform = messagesOnly.transform as Transform;

describe('the window bundles messages without descriptions', () => {
  for (const lang of ['en', 'nl', 'fr', 'de']) {
    it(`keeps every ${lang} message, word for word, and nothing else`, () => {
      const id = path.join(root, 'locales', lang, 'app.json');
      const source = readFileSync(id, 'utf8');
      const original = JSON.parse(source) as Record<string, { message: string; description?: string }>;
      const out = transform(source, id);
      expect(out).not.toBeNull();
      const bundled = JSON.parse(out!.code) as Record<string, { message: string }>;
      expect(Object.keys(bundled)).toEqual(Object.keys(original));
      for (const [key, text] of Object.entries(original)) expect(bundled[key], key).toEqual({ message: text.message });
      if (lang === 'en') expect(out!.code.length).toBeLessThan(source.length / 2);
    });
  }

  it('leaves other JSON alone', () => {
    expect(transform('{"a":{"message":"x","description":"y"}}', path.join(root, 'locales', 'en', 'lint.json'))).toBeNull();
    expect(transform('{}', path.join(root, 'package.json'))).toBeNull();
  });
});
