/**
 * Merge policy layers key by key. The highest layer with a valid value wins; an invalid value
 * is reported and the next layer (finally the schema default) is used instead, so one typo in
 * a GPO never stops the app from starting.
 */
import { policyDefaults, policyFields, policyKeys, userSettableKeys, type Policy, type PolicyKey } from './schema.ts';
import { coerce, fieldShape } from './shape.ts';

export type PolicySourceId = 'hklm' | 'hkcu' | 'mac-user' | 'mac-machine' | 'file' | 'user' | 'default';

export type PolicyLayer = {
  source: PolicySourceId;
  /** Where it came from, for the log and the About screen (registry key or file path). */
  location: string;
  values: Record<string, unknown>;
};

export type PolicyIssue = { key: string; source: PolicySourceId; message: string };

export type EffectivePolicy = {
  values: Policy;
  sources: Record<PolicyKey, PolicySourceId>;
  /** Location of each layer that contributed, by source. */
  locations: Partial<Record<PolicySourceId, string>>;
  issues: PolicyIssue[];
  /** The layers as read (highest first, without user settings), for `firstline policy check`. */
  layers: readonly PolicyLayer[];
};

/** Keys that tools add to policy documents and that are not settings. */
function isIgnoredKey(key: string): boolean {
  return key.startsWith('$') || key.startsWith('Payload') || key === 'PolicyVersion';
}

/** `layers` highest first; the user's settings and the defaults are appended here. */
export function resolvePolicy(layers: readonly PolicyLayer[], userSettings: Record<string, unknown> = {}, readIssues: PolicyIssue[] = []): EffectivePolicy {
  const issues: PolicyIssue[] = [...readIssues];
  const defaults = policyDefaults();
  const values: Record<string, unknown> = { ...defaults };
  const sources = Object.fromEntries(policyKeys.map((k) => [k, 'default'])) as Record<PolicyKey, PolicySourceId>;
  const locations: Partial<Record<PolicySourceId, string>> = {};

  const user: PolicyLayer = { source: 'user', location: 'user settings', values: {} };
  for (const [key, value] of Object.entries(userSettings)) {
    if (userSettableKeys.has(key as PolicyKey)) user.values[key] = value;
    else issues.push({ key, source: 'user', message: 'this setting can only be set by an administrator (ignored)' });
  }

  // Index each layer's keys case-insensitively: registry value names keep whatever case the admin typed.
  const indexed = [...layers, user].map((layer) => {
    const byKey = new Map<PolicyKey, unknown>();
    for (const [rawKey, value] of Object.entries(layer.values)) {
      if (isIgnoredKey(rawKey)) continue;
      const key = policyKeys.find((k) => k.toLowerCase() === rawKey.toLowerCase());
      if (key === undefined) issues.push({ key: rawKey, source: layer.source, message: 'unknown setting (ignored)' });
      else byKey.set(key, value);
    }
    return { layer, byKey };
  });

  for (const key of policyKeys) {
    const schema = policyFields[key];
    const shape = fieldShape(schema);
    for (const { layer, byKey } of indexed) {
      if (!byKey.has(key)) continue;
      const parsed = schema.safeParse(coerce(shape, byKey.get(key)));
      if (parsed.success) {
        values[key] = parsed.data;
        sources[key] = layer.source;
        locations[layer.source] = layer.location;
        break;
      }
      issues.push({ key, source: layer.source, message: formatZodIssues(parsed.error.issues) });
    }
  }
  return { values: values as Policy, sources, locations, issues, layers };
}

function formatZodIssues(list: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return list.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
