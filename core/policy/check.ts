/**
 * `firstline policy check`: judges a policy the way the app does (the same resolver, key by key)
 * and adds what only an admin needs to hear before rolling it out: unknown keys are errors, not
 * just ignored; troubleshooter ids that are in no catalog; a helpdesk setting the app will drop as
 * a whole because of one typo (then employees get no Send button at all).
 */
import { connectorConfigSchema } from '../tickets/connectors/index.ts';
import { closestNames, didYouMean } from '../util/did-you-mean.ts';
import type { EffectivePolicy, PolicySourceId } from './resolve.ts';
import { policyKeys, type PolicyKey } from './schema.ts';
import { isPlainObject } from './shape.ts';

export type PolicyFinding = { severity: 'error' | 'warning'; key: string; source: PolicySourceId; message: string };
export type PolicyRow = { key: PolicyKey; value: unknown; source: PolicySourceId; location?: string };
export type PolicyCheck = { rows: PolicyRow[]; findings: PolicyFinding[]; errors: number; warnings: number };

const idKeys = ['enabledTroubleshooters', 'disabledTroubleshooters', 'tileOrder'] as const;

/** The connector types and, per type, the fields its schema knows. */
function connectorFields(): Map<string, Set<string>> {
  return new Map(connectorConfigSchema.options.map((o) => [o.shape.type.value as string, new Set(Object.keys(o.shape))]));
}

function rawHelpdesk(effective: EffectivePolicy): { value: Record<string, unknown>; source: PolicySourceId } | undefined {
  for (const layer of effective.layers) {
    const entry = Object.entries(layer.values).find(([k]) => k.toLowerCase() === 'helpdesk');
    if (!entry) continue;
    let value: unknown = entry[1];
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return undefined;
      }
    }
    return isPlainObject(value) ? { value, source: layer.source } : undefined;
  }
  return undefined;
}

function helpdeskFindings(effective: EffectivePolicy): PolicyFinding[] {
  const raw = rawHelpdesk(effective);
  const connector = raw && isPlainObject(raw.value.connector) ? raw.value.connector : undefined;
  if (!raw || !connector) return [];
  const out: PolicyFinding[] = [];
  const known = connectorFields();
  const type = connector.type;
  const dropped = effective.issues.find((i) => i.key === 'helpdesk' && i.source === raw.source);
  const consequence = 'The app ignores the whole helpdesk setting (fallbackEmail included), so employees cannot send a ticket from Firstline.';
  if (typeof type !== 'string' || !known.has(type)) {
    out.push({
      severity: 'error',
      key: 'helpdesk.connector.type',
      source: raw.source,
      message: `"${String(type)}" is not a connector type.${didYouMean(String(type), known.keys())} Types: ${[...known.keys()].join(', ')}. ${consequence}`,
    });
    return out;
  }
  const fields = known.get(type) ?? new Set<string>();
  for (const field of Object.keys(connector).filter((f) => !fields.has(f))) {
    const near = closestNames(field, fields);
    out.push({
      severity: 'warning',
      key: `helpdesk.connector.${field}`,
      source: raw.source,
      message: `the ${type} connector has no field "${field}"; it is ignored.${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`,
    });
  }
  if (dropped) out.push({ severity: 'error', key: 'helpdesk', source: raw.source, message: `${dropped.message}. ${consequence}` });
  return out;
}

export function checkPolicy(effective: EffectivePolicy, catalogIds: ReadonlySet<string>, catalogLabel = 'the catalog'): PolicyCheck {
  const values = effective.values as Record<string, unknown>;
  const rows: PolicyRow[] = policyKeys.map((key) => {
    const source = effective.sources[key];
    const location = source === 'default' ? undefined : effective.locations[source];
    return { key, value: values[key], source, ...(location !== undefined ? { location } : {}) };
  });
  const findings: PolicyFinding[] = effective.issues.map((issue) => {
    if (issue.message.startsWith('unknown setting')) {
      return { severity: 'error', key: issue.key, source: issue.source, message: `unknown setting: the app ignores it.${didYouMean(issue.key, policyKeys)}` };
    }
    if (issue.source === 'user') return { severity: 'warning', ...issue };
    return { severity: 'error', key: issue.key, source: issue.source, message: `${issue.message} — the app ignores this value and uses the next source or the default.` };
  });
  const helpdesk = helpdeskFindings(effective);
  // A named cause replaces zod's generic message about the same value.
  if (helpdesk.some((f) => f.severity === 'error')) findings.splice(0, findings.length, ...findings.filter((f) => f.key !== 'helpdesk'));
  findings.push(...helpdesk);
  for (const key of idKeys) {
    const ids = values[key];
    if (!Array.isArray(ids)) continue;
    for (const id of ids as string[]) {
      if (catalogIds.has(id)) continue;
      findings.push({
        severity: 'warning',
        key,
        source: effective.sources[key],
        message: `"${id}" is not a troubleshooter in ${catalogLabel}.${didYouMean(id, catalogIds)}${key === 'disabledTroubleshooters' ? ' The troubleshooter you meant to hide is still offered.' : ''}`,
      });
    }
  }
  const enabled = values.enabledTroubleshooters;
  if (Array.isArray(enabled) && !enabled.some((id) => catalogIds.has(id as string))) {
    findings.push({
      severity: 'error',
      key: 'enabledTroubleshooters',
      source: effective.sources.enabledTroubleshooters,
      message: `none of these ids is in ${catalogLabel}: employees would be offered no troubleshooter at all.`,
    });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { rows, findings, errors, warnings: findings.length - errors };
}
