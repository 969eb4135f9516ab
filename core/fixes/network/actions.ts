/** The network actions: one read-only diagnosis and four fixes, least invasive first. */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { fixResultSchema, runFirstAvailable, runSequence, sequenceOutcome, type FixResult, type SequenceResult } from '../shared/result.ts';
import { say, type Texts } from '../shared/text.ts';
import { isSafeArgument } from '../shared/exec.ts';
import { probesConfigFromPolicy } from './config.ts';
import { flushDnsCommands, reconnectCommands, renewDhcpCommands, resetStackCommands } from './commands.ts';
import { diagnose, problems } from './diagnose.ts';
import { probeIds, runProbes } from './probes.ts';
import { readLocalState, readWifi } from './read-state.ts';
import { networkTexts as t } from './texts.ts';

const probeSchema = z.object({
  id: z.enum(probeIds),
  status: z.enum(['pass', 'fail', 'timeout', 'not-available', 'not-configured']),
  detail: z.string().optional(),
  durationMs: z.number(),
  via: z.string().optional(),
  proxyFault: z.boolean().optional(),
});

export const diagnoseAction = defineAction({
  name: 'network.diagnose',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      problem: z.enum(problems),
      finding: z.string(),
      ssid: z.string().optional(),
      probes: z.array(probeSchema),
      durationMs: z.number(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeDiagnose, lang),
  async run(_input, ctx) {
    const started = performance.now();
    const probed = await runProbes(ctx, probesConfigFromPolicy(ctx.policy));
    const verdict = diagnose(probed.probes, ctx.lang, probed.proxy?.servers ?? []);
    const ssid = probed.wifi?.available && probed.wifi.associated ? probed.wifi.ssid : undefined;
    return { ...verdict, ...(ssid ? { ssid } : {}), probes: probed.probes, durationMs: Math.round(performance.now() - started) };
  },
});

const optionalName = z.string().min(1).max(256).refine(isSafeArgument, { message: 'must not start with "-"' }).optional();

function outcome(ctx: ActionContext, seq: SequenceResult, success: Texts, extra: Partial<FixResult> = {}): FixResult {
  return sequenceOutcome(seq, { success: say(success, ctx.lang), notAvailable: say(t.notAvailable, ctx.lang), failed: (reason) => say(t.commandFailed, ctx.lang, { reason }) }, extra);
}

export const reconnectWifiAction = defineAction({
  name: 'network.reconnect-wifi',
  input: () => z.object({ device: optionalName, profile: optionalName }).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeReconnect, lang),
  async run(input, ctx) {
    const wifi = await readWifi(ctx, Math.min(ctx.timeoutMs, 5000));
    if (!wifi.available && !input.device) return { ok: false, available: false, finding: say(t.noWifi, ctx.lang, { reason: wifi.reason }) };
    const known = wifi.available ? wifi : undefined;
    // Only a profile the OS already reported (or IT configured) is used; never a scanned network name.
    const commands = reconnectCommands(ctx.platform, { device: input.device ?? known?.device, profile: input.profile ?? known?.profile });
    if (!commands) return { ok: false, available: false, finding: say(t.pickNetwork, ctx.lang) };
    return outcome(ctx, await runSequence(ctx, commands), t.reconnected);
  },
});

export const flushDnsAction = defineAction({
  name: 'network.flush-dns',
  input: () => z.object({}).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeFlushDns, lang),
  async run(_input, ctx) {
    const last = await runFirstAvailable(ctx, flushDnsCommands(ctx.platform));
    if (last.notFound) return { ok: false, available: false, finding: say(t.noDnsCache, ctx.lang) };
    return outcome(ctx, last, t.flushed);
  },
});

async function primaryDevice(ctx: ActionContext): Promise<string | undefined> {
  const wifi = await readWifi(ctx, Math.min(ctx.timeoutMs, 5000)).catch(() => undefined);
  if (wifi?.available && wifi.device) return wifi.device;
  const local = await readLocalState(ctx, Math.min(ctx.timeoutMs, 5000)).catch(() => undefined);
  return local?.adapters.find((a) => a.up)?.name;
}

export const renewDhcpAction = defineAction({
  name: 'network.renew-dhcp',
  input: () => z.object({ device: optionalName }).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeRenew, lang),
  async run(input, ctx) {
    const device = input.device ?? (ctx.platform === 'win32' ? undefined : await primaryDevice(ctx));
    const commands = renewDhcpCommands(ctx.platform, device);
    if (!commands) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang) };
    return outcome(ctx, await runSequence(ctx, commands), t.renewed);
  },
});

export const resetStackAction = defineAction({
  name: 'network.reset-stack',
  input: () => z.object({}).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeReset, lang),
  async run(_input, ctx) {
    const plan = resetStackCommands(ctx.platform);
    if (!plan) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang) };
    const done = ctx.platform === 'win32' ? t.resetDone : t.serviceRestarted;
    return outcome(ctx, await runSequence(ctx, plan.commands), done, plan.restartRequired ? { restartRequired: true } : {});
  },
});

export const networkActions = [diagnoseAction, reconnectWifiAction, flushDnsAction, renewDhcpAction, resetStackAction];
