/**
 * What the network diagnosis probes, from policy key `networkProbes` (the policy engineer embeds
 * `networkProbesConfigSchema`). Every target has a default so the fix works without policy, and
 * every default can be overridden — tests point all of them at loopback servers.
 */
import { z } from 'zod';

/** Windows' own connectivity probe (NCSI): plain http on purpose, so a captive portal can intercept it. */
export const defaultExternalUrl = 'http://www.msftconnecttest.com/connecttest.txt';
const defaultExternalText = 'Microsoft Connect Test';

const ms = (fallback: number) => z.number().int().min(100).max(60_000).default(fallback);

/** http(s) URL; plain http is accepted too because NCSI-style probes and test servers use it. */
const probeUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'must be an http:// or https:// URL' },
);

/** `host` or `host:port` / `[v6]:port`, as accepted by dns.Resolver#setServers. */
const dnsServer = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[0-9.]+|[0-9a-fA-F:]+)(:\d{1,5})?$/, { message: 'must be an IP address, optionally with :port' });

const hostName = z.string().regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*\.?$/, { message: 'must be a host name' });

export const networkProbesConfigSchema = z
  .strictObject({
    dns: z
      .strictObject({
        /** A name that must resolve; defaults to a well-known public name. */
        name: hostName.default('www.microsoft.com'),
        /** Resolver servers; empty means the system's configured servers. */
        servers: z.array(dnsServer).default([]),
        timeoutMs: ms(3000),
      })
      .prefault({}),
    internalUrl: z
      .strictObject({ url: probeUrl.optional(), timeoutMs: ms(4000) })
      .prefault({})
      .describe('An intranet page; without one the internal probe reports "not configured".'),
    externalUrl: z
      .strictObject({
        url: probeUrl.default(defaultExternalUrl),
        /** Text the page must contain; a different page means a captive portal (hotel/guest Wi-Fi) answered instead. */
        expect: z.string().min(1).max(200).optional(),
        timeoutMs: ms(4000),
      })
      .prefault({}),
    gateway: z
      .strictObject({
        /** Overrides the detected default gateway (tests set 127.0.0.1). */
        host: z.string().min(1).optional(),
        /** TCP port used when ICMP ping is unavailable: any answer, even a refusal, proves reachability. */
        tcpPort: z.number().int().min(1).max(65535).default(53),
        timeoutMs: ms(2000),
      })
      .prefault({}),
    local: z
      .strictObject({ timeoutMs: ms(3000) })
      .prefault({})
      .describe('Adapter, Wi-Fi, IP address and proxy read-outs (local commands only).'),
  })
  .describe('Targets the network diagnosis probes. All optional; defaults are the public Microsoft endpoints Windows itself uses (NCSI).');

export type NetworkProbesConfig = z.infer<typeof networkProbesConfigSchema>;

/**
 * Reads `policy.networkProbes`. The policy loader already drops invalid values, so an invalid one
 * here is a wiring or test bug: fail loudly rather than silently probing the public defaults.
 */
export function probesConfigFromPolicy(policy: Readonly<Record<string, unknown>>): NetworkProbesConfig {
  const parsed = networkProbesConfigSchema.safeParse(policy.networkProbes ?? {});
  if (!parsed.success) throw new Error(`Invalid networkProbes policy: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** What the external page must contain: the configured text, or NCSI's known answer for the default URL. */
export function expectedExternalText(config: NetworkProbesConfig): string | undefined {
  return config.externalUrl.expect ?? (config.externalUrl.url === defaultExternalUrl ? defaultExternalText : undefined);
}

/** The longest single probe timeout: the diagnosis as a whole must finish within it (plus a margin). */
export function longestProbeTimeout(config: NetworkProbesConfig): number {
  return Math.max(config.dns.timeoutMs, config.internalUrl.timeoutMs, config.externalUrl.timeoutMs, config.gateway.timeoutMs, config.local.timeoutMs);
}
