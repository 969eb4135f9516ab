/**
 * Every troubleshooter id in every example we ship or document exists in the built-in catalog
 * (the examples once said `teams.clear-cache`, `wifi.reconnect`, `password.reset`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { outageFeedSchema } from '../../../core/outage/feed.ts';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { readPolicyDocument } from '../../../core/policy/files/read.ts';
import { resolvePolicy } from '../../../core/policy/resolve.ts';
import { defaultCatalogDir } from '../../../cli/registry.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const idLists = new Set(['troubleshooters', 'enabledTroubleshooters', 'disabledTroubleshooters', 'tileOrder']);

/** Every string in an array under one of the id keys, anywhere in the document. */
function idsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (idLists.has(k) && Array.isArray(v)) out.push(...v.filter((x): x is string => typeof x === 'string'));
      else idsIn(v, out);
    }
  }
  return out;
}

function jsonBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);
}

let catalogIds: Set<string>;
beforeAll(async () => {
  catalogIds = new Set((await loadCatalog(defaultCatalogDir, fullActionRegistry())).entries.map((e) => e.troubleshooter.id));
  expect(catalogIds.has('network')).toBe(true);
});

describe('ids in shipped and documented examples', () => {
  for (const rel of ['build/policy/linux/policy.json', 'build/policy/macos/com.firstline.app.mobileconfig']) {
    it(`${rel} is valid policy and names only real troubleshooters`, () => {
      const layer = readPolicyDocument(path.join(root, rel));
      expect(resolvePolicy([layer]).issues).toEqual([]);
      const ids = idsIn(layer.values);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !catalogIds.has(id))).toEqual([]);
    });
  }

  for (const doc of ['docs/admin.md', 'docs/authoring-troubleshooters.md', 'README.md']) {
    it(`the JSON examples in ${doc} name only real troubleshooters`, () => {
      const ids = jsonBlocks(readFileSync(path.join(root, doc), 'utf8')).flatMap((b) => idsIn(b));
      expect(ids.filter((id) => !catalogIds.has(id))).toEqual([]);
    });
  }

  it('the outage feed example in docs/admin.md is a valid feed', () => {
    const feeds = jsonBlocks(readFileSync(path.join(root, 'docs/admin.md'), 'utf8')).filter((b) => typeof b === 'object' && b !== null && 'outages' in b);
    expect(feeds).toHaveLength(1);
    expect(outageFeedSchema.safeParse(feeds[0]).success).toBe(true);
    expect(idsIn(feeds[0])).toEqual(['teams-cache']);
  });

  it('every connector example in docs/admin.md is a valid connector, one per type', () => {
    const docs = readFileSync(path.join(root, 'docs/admin.md'), 'utf8');
    const lines = [...docs.matchAll(/```jsonc\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n').filter((l) => l.trim()));
    const types = lines.map((line) => {
      const parsed = connectorConfigSchema.safeParse(JSON.parse(line));
      expect(parsed.success, line).toBe(true);
      return parsed.success ? parsed.data.type : '';
    });
    expect(types.sort()).toEqual(connectorConfigSchema.options.map((o) => o.shape.type.value).sort());
  });
});
