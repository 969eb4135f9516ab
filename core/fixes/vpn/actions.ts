/** The VPN actions: the gateway from policy (name, reachability, clock) and the client service/process from policy. Both read-only. */
import { z } from 'zod';
import { defineAction } from '../../engine/action.ts';
import { isSafeArgument, runArgv } from '../shared/exec.ts';
import { say } from '../shared/text.ts';
import { probesConfigFromPolicy } from '../network/config.ts';
import { clientCommand, parseScQuery } from './client.ts';
import { gatewaySkew, resolveGateway, tcpReach } from './gateway.ts';
import { vpnTexts as t } from './texts.ts';

export const vpnGatewayAction = defineAction({
  name: 'vpn.gateway',
  input: () =>
    z
      .object({
        port: z.number().int().min(1).max(65535).default(443),
        maxSkewSeconds: z.number().int().min(1).max(3600).default(120),
        timeoutMs: z.number().int().min(100).max(30_000).default(4000),
      })
      .strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(['none', 'no-gateway-configured', 'name-not-resolved', 'gateway-unreachable', 'gateway-refused', 'clock-wrong']),
      gateway: z.string().optional(),
      addresses: z.array(z.string()),
      port: z.number(),
      reach: z.enum(['connected', 'refused', 'timeout', 'error', 'not-tried']),
      /** Local minus the gateway's Date header (seconds); absent when it gave none. */
      skewSeconds: z.number().optional(),
      error: z.string().optional(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeGateway, lang),
  async run(input, ctx) {
    const port = input.port ?? 443;
    const timeoutMs = Math.min(input.timeoutMs ?? 4000, ctx.timeoutMs);
    const gateway = typeof ctx.policy.vpnGateway === 'string' && ctx.policy.vpnGateway !== '' ? ctx.policy.vpnGateway : undefined;
    const base = { addresses: [] as string[], port, reach: 'not-tried' as const };
    if (!gateway) return { ok: false, finding: say(t.notConfigured, ctx.lang), problem: 'no-gateway-configured' as const, ...base };
    let addresses: string[];
    try {
      addresses = await resolveGateway(gateway, probesConfigFromPolicy(ctx.policy).dns.servers, timeoutMs);
    } catch (error) {
      return { ok: false, finding: say(t.notResolved, ctx.lang, { name: gateway }), problem: 'name-not-resolved' as const, gateway, ...base, error: (error as Error).message.slice(0, 200) };
    }
    const address = addresses[0];
    if (!address) return { ok: false, finding: say(t.notResolved, ctx.lang, { name: gateway }), problem: 'name-not-resolved' as const, gateway, ...base };
    const reach = await tcpReach(address, port, timeoutMs);
    const values = { name: gateway, port };
    if (reach === 'refused') return { ok: false, finding: say(t.refused, ctx.lang, values), problem: 'gateway-refused' as const, gateway, addresses, port, reach };
    if (reach !== 'connected') return { ok: false, finding: say(t.unreachable, ctx.lang, values), problem: 'gateway-unreachable' as const, gateway, addresses, port, reach };
    const skew = await gatewaySkew(address, gateway, port, timeoutMs, () => ctx.now().getTime());
    const skewed = skew !== undefined && Math.abs(skew) > (input.maxSkewSeconds ?? 120);
    return {
      ok: !skewed,
      finding: skewed ? say(t.clockOff, ctx.lang, { seconds: Math.abs(skew) }) : say(t.reachable, ctx.lang),
      problem: skewed ? ('clock-wrong' as const) : ('none' as const),
      gateway,
      addresses,
      port,
      reach,
      ...(skew === undefined ? {} : { skewSeconds: skew }),
    };
  },
});

export const vpnClientAction = defineAction({
  name: 'vpn.client',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(['none', 'not-configured', 'vpn-client-not-installed', 'vpn-client-not-running', 'unknown']),
      running: z.boolean(),
      client: z.string().optional(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeClient, lang),
  async run(_input, ctx) {
    const name = ctx.policy.vpnClientService;
    if (typeof name !== 'string' || !isSafeArgument(name)) return { ok: true, finding: say(t.notConfigured, ctx.lang), problem: 'not-configured' as const, running: false };
    const command = clientCommand(ctx.platform, name);
    const result = await runArgv(ctx, command.file, command.args, { timeoutMs: 5000, locale: ctx.platform === 'win32' ? 'keep' : 'c' });
    const state =
      result.notFound || result.timedOut
        ? ('unknown' as const)
        : ctx.platform === 'win32'
          ? parseScQuery(result.stdout, result.exitCode)
          : result.exitCode === 0
            ? ('running' as const)
            : result.exitCode === 1
              ? ('stopped' as const)
              : ('unknown' as const);
    switch (state) {
      case 'running':
        return { ok: true, finding: say(t.clientRunning, ctx.lang), problem: 'none' as const, running: true, client: name };
      case 'stopped':
        return { ok: false, finding: say(t.clientStopped, ctx.lang), problem: 'vpn-client-not-running' as const, running: false, client: name };
      case 'not-installed':
        return { ok: false, finding: say(t.clientMissing, ctx.lang), problem: 'vpn-client-not-installed' as const, running: false, client: name };
      case 'unknown':
        return { ok: false, finding: say(t.clientUnknown, ctx.lang), problem: 'unknown' as const, running: false, client: name };
    }
  },
});

export const vpnActions = [vpnGatewayAction, vpnClientAction];
