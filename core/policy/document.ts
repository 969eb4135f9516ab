/**
 * One policy path for the CLI and the app (issue #12 item 10): a policy document given to
 * `firstline run --policy` goes through the same resolver as the app's file layer
 * (resolve.ts), so an invalid value — e.g. an http:// passwordResetUrl — is refused the same way
 * in both, with the same issue reported.
 */
import { resolvePolicy, type EffectivePolicy } from './resolve.ts';

export function policyFromDocument(values: Record<string, unknown>, location: string): EffectivePolicy {
  return resolvePolicy([{ source: 'file', location, values }]);
}
