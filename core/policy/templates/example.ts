/**
 * A realistic example policy, used for the example policy.json and .mobileconfig. Troubleshooter ids
 * are ids of the built-in catalog: test/unit/policy/example-ids.test.ts fails when one is not.
 */
import type { z } from 'zod';
import { opNames } from '../../../broker/op-argv.ts';
import type { policySchema } from '../schema.ts';

export const examplePolicy: z.input<typeof policySchema> = {
  helpdesk: {
    connector: { type: 'topdesk', baseUrl: 'https://example.topdesk.net', credentialSecret: 'topdesk' },
    fallbackEmail: 'servicedesk@example.com',
  },
  support: {
    name: 'IT Service Desk',
    email: 'servicedesk@example.com',
    phone: '+32 2 123 45 67',
    url: 'https://intranet.example.com/it',
    hours: 'Mon-Fri 8:00-17:00',
    responseHours: 4,
    callUrl: 'https://intranet.example.com/it/call-back',
  },
  passwordResetUrl: 'https://passwordreset.microsoftonline.com/',
  urlAllowlist: ['intranet.example.com', '*.sharepoint.com'],
  disabledTroubleshooters: ['teams-cache'],
  tileOrder: ['network', 'printer-queue', 'password-reset'],
  catalogSources: ['\\\\fileserver\\it\\firstline-catalog', 'https://it.example.com/firstline/catalog/'],
  catalogSigningKeys: ['MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE='],
  outageFeedUrl: 'https://status.example.com/firstline/outages.json',
  defaultLanguage: 'nl',
  telemetry: { enabled: false, endpoint: 'https://otel.example.com:4318' },
  autostart: true,
  branding: { name: 'Acme Help', colour: '#1a73e8' },
  networkProbes: { internalUrl: { url: 'https://intranet.example.com/' }, dns: { name: 'intranet.example.com' } },
  redactionPatterns: ['EMP-\\d{6}'],
  brokerEnabled: true,
  brokerOperations: [...opNames],
  authenticatorSetupUrl: 'https://mysignins.microsoft.com/security-info',
  accessRequestUrl: 'https://intranet.example.com/it/request-access',
  companyPortalUrl: 'https://portal.manage.microsoft.com/',
  phishingReportAddress: 'phishing@example.com',
  vpnGateway: 'vpn.example.com',
  vpnClientService: 'vpnagent',
  timeReferenceUrl: 'https://intranet.example.com/',
};
