/**
 * Shared HTTP plumbing for API connectors: global fetch with an AbortSignal timeout, auth from
 * the secret store, and one mapping from transport failures and status codes to
 * `ConnectorError` kinds. Error messages carry method, path and status only — never bodies or
 * headers, which could echo credentials.
 */
import type { SecretStore } from '../../secrets/secret-store.ts';
import { ConnectorError, ticketMessageKeys } from '../types.ts';

export type HttpContext = {
  baseUrl: string;
  timeoutMs: number;
  /** Resolved lazily per request so a rotated secret is picked up without restart. */
  authorization: () => Promise<string>;
  fetch?: typeof fetch;
  extraHeaders?: Record<string, string>;
};

export type HttpResponse = { status: number; body: unknown; headers: Headers };

export async function requireSecret(secrets: SecretStore, name: string | undefined): Promise<string> {
  const value = name ? await secrets.get(name) : undefined;
  if (!value) throw new ConnectorError('rejected', ticketMessageKeys.missingSecret, `secret "${name ?? ''}" is not set`);
  return value;
}

export function basicAuth(userColonPassword: string): string {
  return `Basic ${Buffer.from(userColonPassword, 'utf8').toString('base64')}`;
}

function codeOf(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a fetch rejection: refused/unresolvable → nothing was sent; anything else → unknown. */
export function transportError(error: unknown, what: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ConnectorError('unknown-outcome', ticketMessageKeys.timeout, `${what}: timed out`);
  }
  const code = codeOf(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return new ConnectorError('retryable', ticketMessageKeys.offline, `${what}: ${code}`);
  }
  return new ConnectorError('unknown-outcome', ticketMessageKeys.offline, `${what}: ${code ?? (name || 'network error')}`);
}

export function statusError(status: number, what: string): ConnectorError {
  const msg = `${what}: HTTP ${status}`;
  if (status === 408 || status === 429 || status >= 500) return new ConnectorError('retryable', ticketMessageKeys.server, msg, status);
  if (status === 401 || status === 403) return new ConnectorError('rejected', ticketMessageKeys.auth, msg, status);
  if (status === 404) return new ConnectorError('rejected', ticketMessageKeys.notFound, msg, status);
  if (status === 413) return new ConnectorError('rejected', ticketMessageKeys.tooLarge, msg, status);
  return new ConnectorError('rejected', ticketMessageKeys.rejected, msg, status);
}

/** Joins base URL and path without doubling or dropping slashes (base may carry a path). */
export function joinUrl(base: string, path: string): string {
  if (!path) return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export async function httpRequest(
  ctx: HttpContext,
  method: string,
  path: string,
  options: { json?: unknown; body?: NonNullable<RequestInit['body']>; headers?: Record<string, string>; okStatuses?: number[] } = {},
): Promise<HttpResponse> {
  const what = `${method} ${path.split('?')[0]}`;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: await ctx.authorization(),
    ...ctx.extraHeaders,
    ...options.headers,
  };
  if (!headers.Authorization) delete headers.Authorization;
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  let text: string;
  try {
    response = await (ctx.fetch ?? fetch)(joinUrl(ctx.baseUrl, path), {
      method,
      headers,
      body: body ?? null,
      signal: AbortSignal.timeout(ctx.timeoutMs),
      redirect: 'error',
    });
    // Reading the body is covered by the same timeout and may fail on a reset.
    text = await response.text();
  } catch (error) {
    throw transportError(error, what);
  }
  const ok = options.okStatuses ? options.okStatuses.includes(response.status) : response.ok;
  if (!ok) throw statusError(response.status, what);
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Reads a nested field defensively (helpdesk responses are not schema-checked beyond need). */
export function field(value: unknown, ...path: (string | number)[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function missingField(what: string): ConnectorError {
  // The server said OK but the answer lacks the ticket id: the outcome is unknown, look it up.
  return new ConnectorError('unknown-outcome', ticketMessageKeys.unknown, `${what}: response without ticket id`);
}

/** Plain text → the limited HTML TOPdesk and Freshservice accept. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped.replace(/\r?\n/g, '<br>');
}

/** The HTTP context a connector is created with: base URL, timeout, the authorization header resolved per request. */
export function httpContext(baseUrl: string, authorization: () => Promise<string>, deps: { timeoutMs: number; fetch?: typeof fetch }): HttpContext {
  return { baseUrl, timeoutMs: deps.timeoutMs, authorization, ...(deps.fetch ? { fetch: deps.fetch } : {}) };
}

/** `Authorization: Basic …` from a `<user>:<password>` secret, read per request. */
export function basicFromSecret(secrets: SecretStore, name: string): () => Promise<string> {
  return async () => basicAuth(await requireSecret(secrets, name));
}
