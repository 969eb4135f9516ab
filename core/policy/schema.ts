/**
 * The policy schema: every setting an admin (or, for a few keys, the employee) can set.
 * One source of truth — the loader validates each key against it, and the ADMX/ADML,
 * .mobileconfig and policy.json templates are generated from it (scripts/gen-admin-templates.ts).
 * Every field carries an English description (`.describe`) that becomes the admin-facing help text.
 */
import { z } from 'zod';
import { opNames } from '../../broker/op-argv.ts';
import { networkProbesConfigSchema } from '../fixes/network/config.ts';
import { langs } from '../kernel/lang.ts';
import { ticketConfigSchema } from '../tickets/config.ts';

export { isAllowedRemoteUrl } from '../security/remote-url.ts';
import { isAllowedRemoteUrl } from '../security/remote-url.ts';

/** Absolute folder on this machine or a UNC share (\\server\share\catalog). */
export function isAbsoluteFolder(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\]+\\[^\\]+/.test(value);
}

const remoteUrl = () => z.string().refine(isAllowedRemoteUrl, { message: 'must be an https:// URL' });
const hostName = z.string().regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, { message: 'must be a host name such as intranet.example.com or *.example.com' });
const troubleshooterId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'must be a troubleshooter id such as printer-queue' });
const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'g');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression' },
);

// Owned by the tickets and network-fix engineers; embedded so policy validates them per key.
// Both are nested objects, i.e. JSON strings in the registry (see shape.ts).
const helpdeskSchema = ticketConfigSchema;
const networkProbesSchema = networkProbesConfigSchema;

export const policyFields = {
  helpdesk: helpdeskSchema
    .optional()
    .describe(
      'Helpdesk connector and its non-secret settings, as a JSON object (for example {"connector":{"type":"topdesk","baseUrl":"https://example.topdesk.net","credentialSecret":"topdesk"}}). Secrets such as API keys are never read from policy: credentialSecret names an entry in the app\'s secret store.',
    ),
  support: z
    .object({
      name: z.string().min(1).max(120).optional(),
      email: z.email().optional(),
      phone: z
        .string()
        .regex(/^[+0-9 ()./-]{3,40}$/, { message: 'must be a phone number' })
        .optional(),
      url: remoteUrl().optional(),
      hours: z.string().min(1).max(120).optional(),
      responseHours: z.number().int().min(1).max(720).optional(),
      callUrl: remoteUrl().optional(),
    })
    .strict()
    .default({})
    .describe(
      'How employees reach a human, shown on every screen: the support team name, e-mail address, phone number, web page, opening hours (free text such as "Mon-Fri 8:00-17:00"), the usual response time in hours (shown after a ticket is sent) and a https:// link where the employee can ask for a call back or start a call (for example a Teams or booking page).',
    ),
  passwordResetUrl: remoteUrl().optional().describe('Web page where employees reset a forgotten password. The password troubleshooter opens it.'),
  urlAllowlist: z
    .array(hostName)
    .default([])
    .describe('Extra host names troubleshooters may open links to (one per line, *.example.com allowed). The support and password-reset pages are always allowed.'),
  enabledTroubleshooters: z
    .array(troubleshooterId)
    .optional()
    .describe('When set, only these troubleshooters are offered (one id per line). When not set, all troubleshooters for this platform are offered.'),
  disabledTroubleshooters: z.array(troubleshooterId).default([]).describe('Troubleshooters that are never offered (one id per line). Applied after the enabled list.'),
  tileOrder: z.array(troubleshooterId).default([]).describe('Order of the tiles on the Home screen (troubleshooter ids, one per line). Tiles not listed follow in their default order.'),
  catalogSources: z
    .array(z.string().refine((s) => isAllowedRemoteUrl(s) || isAbsoluteFolder(s), { message: 'must be an absolute folder, a \\\\server\\share path or an https:// URL' }))
    .default([])
    .describe('Organisation troubleshooter catalogs, one per line: an absolute folder, a file share (\\\\server\\share\\catalog) or an https:// URL. They are cached for offline use.'),
  catalogSigningKeys: z
    .array(
      z.string().regex(/^(-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*|[A-Za-z0-9+/]{40,}={0,2})$/, {
        message: 'must be an Ed25519 public key (base64 or PEM) from "firstline catalog keygen"',
      }),
    )
    .default([])
    .describe('Ed25519 public keys (base64, from "firstline catalog keygen") that organisation catalogs must be signed with. When set, unsigned or tampered catalogs are refused.'),
  outageFeedUrl: remoteUrl().optional().describe('https:// URL of the outage feed (JSON, see docs/admin.md). Active outages appear as a banner so employees do not open duplicate tickets.'),
  defaultLanguage: z.enum(langs).optional().describe('Language used when the employee has not chosen one: en, nl, fr or de. When not set, the language of the operating system is used.'),
  telemetry: z
    .object({
      enabled: z.boolean().default(false),
      endpoint: remoteUrl().optional(),
    })
    .strict()
    .refine((t) => !t.enabled || t.endpoint !== undefined, { message: 'endpoint is required when enabled' })
    .default({ enabled: false })
    .describe(
      'Export anonymous run events (troubleshooter id, outcome, duration; never names or machine data) to your OpenTelemetry collector over OTLP/HTTP. Off by default. The endpoint is the collector base URL; /v1/logs is appended.',
    ),
  autostart: z.boolean().default(true).describe('Start Firstline in the tray when the employee signs in.'),
  branding: z
    .object({
      name: z.string().min(1).max(60).default('Firstline'),
      colour: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour such as #1a73e8' })
        .optional(),
      logo: z
        .string()
        .refine((s) => isAllowedRemoteUrl(s) || isAbsoluteFolder(s), { message: 'must be an absolute file path or an https:// URL' })
        .optional(),
    })
    .strict()
    .default({ name: 'Firstline' })
    .describe('Name, accent colour (#rrggbb) and logo (absolute path to a PNG or SVG) shown in the app.'),
  networkProbes: networkProbesSchema
    .optional()
    .describe(
      'Targets the network troubleshooters test, as a JSON object (for example {"internalUrl":{"url":"https://intranet.example.com"},"dns":{"name":"intranet.example.com"}}). When not set, the built-in defaults are used.',
    ),
  brokerEnabled: z
    .boolean()
    .default(true)
    .describe(
      'Let the Firstline elevation broker make the few listed changes that need administrator rights (switch a print queue back on, restart the print service, clear the DNS cache, renew the network address, reset the network settings on Windows, set the clock from the time server) for employees without those rights. Set to false to turn it off: those fixes then end with a ticket for IT. Read by the broker itself from machine policy only.',
    ),
  brokerOperations: z
    .array(z.enum(opNames))
    .optional()
    .describe(
      `When set, the elevation broker runs only these operations (one per line): ${opNames.join(', ')}. When not set, all of them. Machine policy only (HKLM, the device profile, /etc/firstline/policy.json): the broker ignores a user's.`,
    ),
  redactionPatterns: z
    .array(regexSource)
    .default([])
    .describe('Extra regular expressions whose matches are removed from tickets and logs (one per line), for example internal account or asset numbers.'),
  authenticatorSetupUrl: remoteUrl()
    .optional()
    .describe('Web page where employees add a new phone to the authenticator app (for example https://mysignins.microsoft.com/security-info). The "new phone" article links to it.'),
  accessRequestUrl: remoteUrl().optional().describe('Request portal where employees ask for access to a shared mailbox, folder or application. The access-request article links to it.'),
  companyPortalUrl: remoteUrl()
    .optional()
    .describe('Company portal for approved software (Intune Company Portal, Jamf Self Service or your software catalogue web page). The software article links to it.'),
  allowScreenshots: z
    .boolean()
    .default(true)
    .describe(
      'Let employees add a screenshot to a ticket. They see the image before sending and it is sent only when they added it; an image cannot be cleaned of personal data like text is. Set to false to turn screenshots off.',
    ),
  phishingReportAddress: z.email().optional().describe('E-mail address employees forward suspicious e-mails to. The phishing article shows it.'),
  vpnGateway: hostName.optional().describe('Host name of the VPN gateway. The VPN troubleshooter checks that its name resolves and that it answers on port 443.'),
  vpnClientService: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,79}$/, { message: 'must be a service or process name such as vpnagent or PanGPS' })
    .optional()
    .describe(
      'The VPN client that must be running: on Windows its service name (for example vpnagent, PanGPS, openvpnserv), on macOS and Linux its process name (for example vpnagentd, GlobalProtect, openvpn). The VPN troubleshooter checks that it runs.',
    ),
  timeReferenceUrl: remoteUrl()
    .optional()
    .describe('https:// page on the intranet whose Date header is the reference time for the clock troubleshooter. When not set, the internal URL of networkProbes is used.'),
};

export const policySchema = z.object(policyFields);
export type Policy = z.infer<typeof policySchema>;
export type PolicyKey = keyof typeof policyFields;
export const policyKeys = Object.keys(policyFields) as PolicyKey[];

/**
 * Keys the elevation broker reads itself, from machine policy only (broker/policy.ts): the ADMX
 * offers them under Computer Configuration alone, so nobody sets a user policy that does nothing.
 */
export const machineOnlyPolicyKeys: readonly PolicyKey[] = ['brokerEnabled', 'brokerOperations'];

/** Keys the employee may set in their own settings; everything else is for admins only. */
export const userSettableKeys: ReadonlySet<PolicyKey> = new Set<PolicyKey>(['defaultLanguage', 'autostart', 'tileOrder']);

export function isPolicyKey(key: string): key is PolicyKey {
  return Object.hasOwn(policyFields, key);
}

/**
 * Every default, read from the schema so defaults live in exactly one place. Read, not parsed:
 * `policySchema.parse({})` made zod walk and compile the whole policy schema at every start (≈10 ms
 * of the core's cold start, issue #17); test/unit/policy/defaults.test.ts proves both agree.
 */
export function policyDefaults(): Policy {
  const values: Record<string, unknown> = {};
  for (const key of policyKeys) {
    const schema = policyFields[key] as z.ZodType;
    if (schema instanceof z.ZodDefault) values[key] = structuredClone(schema.def.defaultValue);
    else if (!(schema instanceof z.ZodOptional)) throw new Error(`Policy setting ${key} needs a default or .optional().`);
  }
  return values as Policy;
}
