/**
 * `firstline run <id|file.yaml> [--dry-run] [--json] [--answer step=value ...] [--lang xx] [--yes]
 *  [--catalog dir] [--policy file] [--platform os]`
 *
 * Exit codes: 0 resolved, 1 not-resolved or needs-human, 2 error (also usage errors), 3 cancelled.
 * With --json every run event is printed as one JSON line (NDJSON) on stdout (a dry run ends with
 * one {"type":"plan"} line, run-plan.ts dryRunPlanSchema); human text goes to
 * stderr. Consent: --yes gives it; otherwise it is asked on a terminal and refused when stdin is not
 * a terminal, so a script can never change a machine by accident.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Platform } from '../../core/kernel/platform.ts';
import type { AnswerValue, Outcome, RunEvent } from '../../core/engine/events.ts';
import { loadCatalog } from '../../core/engine/catalog-dir.ts';
import { loadTroubleshooterFile } from '../../core/engine/loader.ts';
import { run } from '../../core/engine/runner.ts';
import { createRunHistory, historyRecord } from '../../app/history.ts';
import type { CommandIo } from '../command.ts';
import { appDataDir } from '../data-dir.ts';
import { cliRegistry } from '../registry.ts';
import { defaultCatalogFolder } from '../catalog-folder.ts';
import { didYouMean } from '../../core/util/did-you-mean.ts';
import { createCliPorts, renderEvent } from './run-io.ts';
import { planJson, renderPlan } from './run-plan.ts';
import { formatDiagnostic } from '../../core/kernel/diagnostics.ts';
import { parseLang } from './shared.ts';
import { policyFromDocument } from '../../core/policy/document.ts';

export const runUsage = `Usage: firstline run <id|file.yaml> [--dry-run] [--json] [--answer step=value ...] [--lang en|nl|fr|de]
                     [--yes] [--catalog <dir> (default: this folder's catalog)] [--policy <file.json|yaml>] [--platform win32|darwin|linux (dry run only)]
                     [--no-history] [--data-dir <dir>]
  A real run (not --dry-run) is added to this machine's run history (the app's history.json, or
  <dir>/history.json), marked as started from the CLI; --no-history leaves it out.`;

const exitCodes: Record<Outcome, number> = { resolved: 0, 'not-resolved': 1, 'needs-human': 1, error: 2, cancelled: 3 };

export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      answer: { type: 'string', multiple: true },
      lang: { type: 'string' },
      catalog: { type: 'string' },
      policy: { type: 'string' },
      platform: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'no-history': { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
  });
  if (values.help || positionals.length !== 1) {
    (values.help ? io.out : io.err)(runUsage);
    return values.help ? 0 : 2;
  }
  const target = positionals[0] as string;
  const lang = parseLang(values.lang);
  const answers: Record<string, AnswerValue> = {};
  for (const pair of values.answer ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--answer takes step=value (got "${pair}").`);
    answers[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const platform = (values.platform ?? process.platform) as Platform;
  if (values.platform && !values['dry-run']) throw new Error('--platform only works with --dry-run.');
  if (!['win32', 'darwin', 'linux'].includes(platform)) throw new Error(`Unsupported platform "${platform}".`);

  let policy: Record<string, unknown> = {};
  if (values.policy) {
    const raw: unknown = parseYaml(await readFile(values.policy, 'utf8'));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${values.policy} must hold a mapping of policy keys.`);
    // The same resolver as the app's policy file layer: invalid values are refused, and said so.
    const effective = policyFromDocument(raw as Record<string, unknown>, values.policy);
    for (const issue of effective.issues) io.err(`policy: ${issue.key}: ${issue.message}`);
    policy = effective.values as Record<string, unknown>;
  }

  const registry = cliRegistry();
  let loaded;
  if (/\.ya?ml$/i.test(target)) {
    const result = await loadTroubleshooterFile(target, registry);
    if (!result.ok) {
      for (const d of result.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(d));
      return 2;
    }
    loaded = { troubleshooter: result.troubleshooter, catalogDir: path.dirname(target) };
  } else {
    const folder = values.catalog ?? defaultCatalogFolder();
    const catalog = await loadCatalog(folder, registry);
    loaded = catalog.entries.find((e) => e.troubleshooter.id === target);
    if (!loaded) {
      // A broken file is left out of the catalog: show why, it is probably the one that was meant.
      for (const d of catalog.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(d));
      io.err(
        `No troubleshooter "${target}" in ${folder}.${didYouMean(
          target,
          catalog.entries.map((e) => e.troubleshooter.id),
        )} Try: firstline list ${folder}`,
      );
      return 2;
    }
  }
  const ts = loaded.troubleshooter;
  if (!ts.platforms.includes(platform)) {
    io.err(`"${ts.id}" is not available on ${platform} (it supports ${ts.platforms.join(', ')}).`);
    return 2;
  }

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const ports = createCliPorts({ io, yes: values.yes ?? false, json: values.json ?? false, onInterrupt: onSigint });
  let outcome: Outcome = 'error';
  const events: RunEvent[] = [];
  try {
    const stream = run(ts, ports, {
      registry,
      catalogDir: loaded.catalogDir,
      lang,
      platform,
      policy,
      answers,
      env: process.env,
      dryRun: values['dry-run'] ?? false,
      signal: controller.signal,
    });
    for await (const event of stream) {
      events.push(event);
      if (values.json) io.out(JSON.stringify(event));
      else {
        const line = renderEvent(event);
        if (line) io.out(line);
      }
      if (event.type === 'run-finished') outcome = event.outcome;
    }
  } finally {
    process.off('SIGINT', onSigint);
    ports.close();
  }
  // A dry run shows the whole plan, not only the path it took (JSON keeps to the event stream).
  // With --json the stream ends with one `{"type":"plan"}` line: the same plan as data (dryRunPlanSchema).
  if (values['dry-run'] && !values.json) for (const line of ['', ...renderPlan(ts, events, lang)]) io.out(line);
  if (values['dry-run'] && values.json) io.out(JSON.stringify(planJson(ts, events, lang, platform)));
  if (!values['no-history']) await recordCliRun(events, ts.category, values['data-dir'] ?? appDataDir(), io);
  return exitCodes[outcome];
}

/** Same history as the app (dry runs are never recorded); a history that cannot be written never fails the run. */
async function recordCliRun(events: readonly RunEvent[], category: string, dataDir: string, io: CommandIo): Promise<void> {
  const record = historyRecord(events, () => category);
  if (!record) return;
  try {
    const history = await createRunHistory({ dataDir });
    await history.record({ ...record, via: 'cli' });
    // A one-shot process: leave one complete history.json behind. If that fails, the run is still
    // in the journal next to it, which the app and `firstline report` read.
    await history.compact().catch(() => undefined);
  } catch (error) {
    io.err(`Run history not written (${path.join(dataDir, 'history.json')}): ${(error as Error).message}`);
  }
}
