/**
 * Builds the configured connector. Credentials are resolved here from the secret store, by the
 * names in the config; nothing secret passes through the config or the renderer.
 */
import type { SecretStore } from '../../secrets/secret-store.ts';
import type { ConnectorConfig } from '../config.ts';
import type { Connector } from '../types.ts';
import { createFreshserviceConnector } from './freshservice.ts';
import { basicAuth, requireSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { createJiraConnector } from './jira.ts';
import { createRtConnector } from './rt.ts';
import { createServicenowConnector } from './servicenow.ts';
import { createTopdeskConnector } from './topdesk.ts';
import { createWebhookConnector } from './webhook.ts';
import { createZammadConnector } from './zammad.ts';

export type ConnectorDeps = {
  secrets: SecretStore;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Pooled SMTP transport (tests: the SMTP server waits per greeting). */
  smtpPool?: boolean;
};

/** Returns null for `mailto` (not a delivering connector: see `buildMailtoUrl`). */
export async function createConnector(config: ConnectorConfig, deps: ConnectorDeps): Promise<Connector | null> {
  const http = (baseUrl: string, authorization: () => Promise<string>): HttpContext => ({
    baseUrl,
    timeoutMs: deps.timeoutMs,
    authorization,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const basic = (name: string) => async () => basicAuth(await requireSecret(deps.secrets, name));
  switch (config.type) {
    case 'topdesk':
      return createTopdeskConnector(config, http(config.baseUrl, basic(config.credentialSecret)));
    case 'servicenow':
      return createServicenowConnector(config, http(config.baseUrl, basic(config.credentialSecret)));
    case 'jira':
      return createJiraConnector(config, http(config.baseUrl, basic(config.credentialSecret)));
    case 'zammad':
      return createZammadConnector(config, http(config.baseUrl, async () => `Token token=${await requireSecret(deps.secrets, config.tokenSecret)}`));
    case 'freshservice':
      return createFreshserviceConnector(config, http(config.baseUrl, async () => basicAuth(`${await requireSecret(deps.secrets, config.apiKeySecret)}:X`)));
    case 'rt': {
      const auth = config.tokenSecret
        ? async () => `token ${await requireSecret(deps.secrets, config.tokenSecret)}`
        : basic(config.basicSecret ?? '');
      return createRtConnector(config, http(config.baseUrl, auth));
    }
    case 'webhook': {
      const name = config.bearerSecret;
      return createWebhookConnector(http(config.url, async () => (name ? `Bearer ${await requireSecret(deps.secrets, name)}` : '')));
    }
    case 'email': {
      const credential = config.smtp.credentialSecret ? await requireSecret(deps.secrets, config.smtp.credentialSecret) : undefined;
      const colon = credential?.indexOf(':') ?? -1;
      const password = credential && colon > 0 ? { user: credential.slice(0, colon), pass: credential.slice(colon + 1) } : undefined;
      // nodemailer is loaded only where email is the configured connector.
      const { createEmailConnector } = await import('./email.ts');
      return createEmailConnector(config, { timeoutMs: deps.timeoutMs, ...(password ? { password } : {}), ...(deps.smtpPool ? { pool: true } : {}) });
    }
    case 'mailto':
      return null;
  }
}
