/**
 * Password reset: find the self-service reset URL (policy, else Microsoft Entra's portal unless
 * the troubleshooter opts out) and read the days until expiry where the OS tells. Opening the
 * URL is a `link` step (UrlOpenerPort + allowlist), never done here; nothing here needs sign-in.
 */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { isSafeArgument, runArgv, succeeded } from '../shared/exec.ts';
import { say } from '../shared/text.ts';
import { daysUntil, parseChage, parseMacExpiry, parseNetUser, type Expiry } from './parse.ts';
import { passwordTexts as t } from './texts.ts';
import { entraResetUrl } from './reset-url.ts';

/** Only an https URL without credentials is a usable reset link; anything else counts as missing. */
export function usableUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && !url.username && !url.password ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export const resetUrlAction = defineAction({
  name: 'password.reset-url',
  input: () => z.object({ fallback: z.enum(['entra', 'none']).default('entra') }).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      configured: z.boolean(),
      source: z.enum(['policy', 'default', 'none']),
      url: z.string().optional(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeUrl, lang),
  async run(input, ctx) {
    const fromPolicy = usableUrl(ctx.policy.passwordResetUrl);
    if (fromPolicy) return { ok: true, finding: say(t.urlFromPolicy, ctx.lang), configured: true, source: 'policy' as const, url: fromPolicy };
    // A policy value that is present but unusable is a misconfiguration: say "contact IT", do not guess.
    if (input.fallback === 'entra' && ctx.policy.passwordResetUrl === undefined) {
      return { ok: true, finding: say(t.urlDefault, ctx.lang), configured: true, source: 'default' as const, url: entraResetUrl };
    }
    return { ok: false, finding: say(t.noUrl, ctx.lang), configured: false, source: 'none' as const };
  },
});

async function readExpiry(ctx: ActionContext, user: string): Promise<Expiry | undefined> {
  const opts = { timeoutMs: 15_000 };
  switch (ctx.platform) {
    case 'win32': {
      // Domain account first; `net user` without /domain covers local accounts.
      for (const args of [
        ['user', user, '/domain'],
        ['user', user],
      ]) {
        const result = await runArgv(ctx, 'net', args, { ...opts, locale: 'keep' });
        if (succeeded(result)) return parseNetUser(result.stdout);
      }
      return undefined;
    }
    case 'darwin': {
      const [policyData, policies] = await Promise.all([
        runArgv(ctx, 'dscl', ['.', '-read', `/Users/${user}`, 'accountPolicyData'], opts),
        runArgv(ctx, 'pwpolicy', ['-u', user, '-getaccountpolicies'], opts),
      ]);
      return succeeded(policies) ? parseMacExpiry(policyData.stdout, policies.stdout) : undefined;
    }
    case 'linux': {
      const result = await runArgv(ctx, 'chage', ['-l', user], opts);
      return succeeded(result) ? parseChage(result.stdout, ctx.now()) : undefined;
    }
  }
}

export const expiryAction = defineAction({
  name: 'password.expiry',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      /** False only when the password is known to have expired. */
      ok: z.boolean(),
      available: z.boolean(),
      finding: z.string(),
      expires: z.enum(['never', 'date', 'unknown']),
      daysLeft: z.number().int().nullable(),
      expiresAt: z.string().optional(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeExpiry, lang),
  async run(_input, ctx) {
    const user = ctx.platform === 'win32' ? ctx.env.USERNAME : (ctx.env.USER ?? ctx.env.LOGNAME);
    const expiry = user && isSafeArgument(user) && !/[\\/]/.test(user) ? await readExpiry(ctx, user).catch(() => undefined) : undefined;
    if (!expiry) return { ok: true, available: false, finding: say(t.unknown, ctx.lang), expires: 'unknown' as const, daysLeft: null };
    if (expiry.kind === 'never') return { ok: true, available: true, finding: say(t.never, ctx.lang), expires: 'never' as const, daysLeft: null };
    const days = daysUntil(expiry.at, ctx.now());
    return {
      ok: days > 0,
      available: true,
      finding: days > 0 ? say(t.expiresIn, ctx.lang, { days }) : say(t.expired, ctx.lang),
      expires: 'date' as const,
      daysLeft: days,
      expiresAt: expiry.at.toISOString(),
    };
  },
});

export const passwordActions = [resetUrlAction, expiryAction];
