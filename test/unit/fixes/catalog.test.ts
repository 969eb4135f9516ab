/**
 * The four guided-fix troubleshooters in `npm test`: each lints clean against the real action
 * registry (no error, no missing translation) and its author tests cover every branch green.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAuthorTestFile } from '../../../core/engine/author-test.ts';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { composeRegistries } from '../../../core/engine/registry.ts';
import { fixesRegistry } from '../../../core/fixes/index.ts';

const catalog = fileURLToPath(new URL('../../../troubleshooters/', import.meta.url));
const registry = composeRegistries(builtinRegistry(), fixesRegistry());

describe.each(['network', 'printer-queue', 'teams-cache', 'password-reset', 'disk-full', 'clock-wrong', 'vpn', 'slow-computer', 'sound-mic', 'camera', 'onedrive', 'outlook'])(
  'troubleshooter %s',
  (id) => {
    it('loads without errors or warnings', async () => {
      const loaded = await loadTroubleshooterFile(path.join(catalog, `${id}.yaml`), registry);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.ok).toBe(true);
    });

    it('passes its author tests', async () => {
      const report = await runAuthorTestFile(path.join(catalog, `${id}.test.yaml`), registry);
      expect(report.diagnostics).toEqual([]);
      expect(report.results.filter((r) => !r.pass)).toEqual([]);
      expect(report.results.length).toBeGreaterThanOrEqual(6);
    });
  },
);
