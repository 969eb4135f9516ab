/**
 * Runs a troubleshooter through the real engine (loader + runner + Node exec adapter) with ports
 * that never wait for a person: no question, consent or elevation is expected in a benchmark, so
 * any request for one fails the run loudly instead of hanging.
 */
import type { RunEvent, Outcome } from '../../core/engine/events.ts';
import { loadTroubleshooterText } from '../../core/engine/loader.ts';
import type { ExecPort } from '../../core/engine/ports.ts';
import type { ActionRegistry } from '../../core/engine/registry.ts';
import { run } from '../../core/engine/runner.ts';
import type { Troubleshooter } from '../../core/engine/schema.ts';

export function loadOrThrow(yamlText: string, file: string, registry: ActionRegistry): Troubleshooter {
  const loaded = loadTroubleshooterText(yamlText, file, registry);
  if (!loaded.ok) throw new Error(`generated troubleshooter did not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.troubleshooter;
}

export async function runToEnd(
  troubleshooter: Troubleshooter,
  exec: ExecPort,
  options: { registry: ActionRegistry; catalogDir: string; policy?: Record<string, unknown>; env?: Record<string, string | undefined> },
): Promise<{ outcome: Outcome; events: RunEvent[] }> {
  const refuse = (what: string) => () => Promise.reject(new Error(`benchmark troubleshooter asked for ${what}`));
  const events: RunEvent[] = [];
  const stream = run(
    troubleshooter,
    { exec, elevation: { request: refuse('elevation') }, interaction: { ask: refuse('an answer'), consent: refuse('consent') }, urlOpener: { open: refuse('a link') } },
    { registry: options.registry, catalogDir: options.catalogDir, lang: 'en', policy: options.policy ?? {}, env: options.env ?? process.env },
  );
  for (;;) {
    const next = await stream.next();
    if (next.done) return { outcome: next.value, events };
    events.push(next.value);
  }
}
