import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCommand } from '../../../cli/commands/run.ts';
import { renderEvent } from '../../../cli/commands/run-io.ts';
import { defineAction } from '../../../core/engine/action.ts';
import { formatConditionTrace, traceCondition, tracedValue } from '../../../core/engine/condition-trace.ts';
import { parseCondition, type ConditionScope } from '../../../core/engine/condition.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { createRegistry } from '../../../core/engine/registry.ts';
import { run } from '../../../core/engine/runner.ts';
import { platforms } from '../../../core/kernel/platform.ts';
import { buildDraft } from '../../../core/tickets/draft.ts';
import { createTicketRedactor } from '../../../core/tickets/redaction.ts';
import type { MachineSnapshot } from '../../../core/tickets/snapshot.ts';
import { captureIo } from '../cli/helpers.ts';
import { collect, testPorts } from './helpers.ts';

const CANARY = 'CANARY-wifi-s3cr3t-42';
const head = ['id: t', 'version: "1.0.0"', 'title: { en: T, nl: T, fr: T, de: T }', 'summary: { en: S, nl: S, fr: S, de: S }', 'platforms: [linux, darwin, win32]', 'category: test'];

const read = defineAction({
  name: 'test.read',
  input: z.strictObject({}),
  result: z.object({ ok: z.boolean(), network: z.string(), bars: z.number(), extra: z.object({ band: z.string() }) }),
  platforms,
  changesMachine: false,
  run: async () => ({ ok: true, network: `Office ${CANARY}`, bars: 2, extra: { band: '5GHz' } }),
});
const registry = createRegistry([read]);

const steps = `
  - id: wifi
    type: check
    title: { en: Wi-Fi }
    action: test.read
  - id: weak
    type: info
    title: { en: Weak }
    text: { en: Move closer. }
    when: steps.wifi.result.bars == 1 or steps.wifi.result.network == 'Home' or steps.wifi.result.bars == 1
  - id: pick
    type: ask
    title: { en: Pick }
    prompt: { en: Sure? }
    answer: yesno
    when: platform == 'darwin'
  - id: missing
    type: info
    title: { en: Missing }
    text: { en: M }
    when: answers.pick == true and steps.wifi.result.extra != null and platform == 'win32'
  - id: shown
    type: info
    title: { en: Shown }
    text: { en: S }
    when: platform == 'linux'`;

function load() {
  const result = loadTroubleshooterText([...head, 'steps:', steps].join('\n'), 'inline.yaml', registry);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return result.troubleshooter;
}

async function skippedRun(): Promise<RunEvent[]> {
  return collect(run(load(), testPorts(), { registry, catalogDir: '.', platform: 'linux', redact: { secrets: [CANARY] } }));
}

const finishedSteps = (events: readonly RunEvent[]) => events.flatMap((e) => (e.type === 'step-finished' ? [e] : []));

describe('skip traces: the run events', () => {
  it('records the condition and every value it read (once, in order written, secrets redacted) on a skipped step', async () => {
    const events = await skippedRun();
    const byId = (id: string) => finishedSteps(events).find((e) => e.stepId === id);
    const [weak, missing, shown] = [byId('weak'), byId('missing'), byId('shown')];
    expect(weak).toMatchObject({ stepId: 'weak', status: 'skipped' });
    expect(weak?.skip).toEqual({
      reason: 'condition',
      when: "steps.wifi.result.bars == 1 or steps.wifi.result.network == 'Home' or steps.wifi.result.bars == 1",
      values: [
        { ref: 'steps.wifi.result.bars', value: 2 },
        { ref: 'steps.wifi.result.network', value: 'Office [REDACTED]' },
      ],
    });
    expect(JSON.stringify(events)).not.toContain(CANARY);
    // A value never set reads as null (the grammar compares it so); an object is shown as JSON.
    expect(missing?.skip?.values).toEqual([
      { ref: 'answers.pick', value: null },
      { ref: 'steps.wifi.result.extra', value: '{"band":"5GHz"}' },
      { ref: 'platform', value: 'linux' },
    ]);
    // A step that ran has no trace.
    expect(shown).toMatchObject({ stepId: 'shown', status: 'passed' });
    expect(shown?.skip).toBeUndefined();
  });

  it('keeps the trace small: long values cut, at most 20 reads', () => {
    const scope: ConditionScope = { platform: 'linux', lang: 'en', steps: {}, answers: { a: 'x'.repeat(500) }, policy: {} };
    const when = Array.from({ length: 25 }, (_, i) => `answers.a${i} == 1`).join(' or ');
    const parsed = parseCondition(when);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(traceCondition(when, parsed.refs, scope).values).toHaveLength(20);
    expect(String(tracedValue('x'.repeat(500))).length).toBe(200);
    expect(tracedValue(undefined)).toBeNull();
    expect(tracedValue(false)).toBe(false);
    expect(tracedValue(['a', 1])).toBe('["a",1]');
  });

  it('formats one line for people: the condition, then ref = value pairs', () => {
    expect(formatConditionTrace({ when: "platform == 'win32'", values: [{ ref: 'platform', value: 'linux' }] })).toBe(`platform == 'win32' (platform = "linux")`);
    expect(formatConditionTrace({ when: 'true == false', values: [] })).toBe('true == false');
  });
});

describe('skip traces: the CLI run output', () => {
  it('renders a skipped step with its condition and the values read', async () => {
    const weak = finishedSteps(await skippedRun()).find((e) => e.stepId === 'weak') as RunEvent;
    expect(renderEvent(weak)).toBe(
      `    => skipped — when steps.wifi.result.bars == 1 or steps.wifi.result.network == 'Home' or steps.wifi.result.bars == 1 (steps.wifi.result.bars = 2, steps.wifi.result.network = "Office [REDACTED]") was false`,
    );
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-skip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`firstline run` prints why a step was skipped (dry run, another platform)', async () => {
    const file = path.join(dir, 'skip.yaml');
    writeFileSync(
      file,
      [
        ...head,
        'steps:',
        '  - id: win',
        '    type: info',
        '    title: { en: Windows only }',
        '    text: { en: W }',
        "    when: platform == 'win32'",
        '  - id: mac',
        '    type: info',
        '    title: { en: Mac }',
        '    text: { en: M }',
        "    when: platform == 'darwin'",
      ].join('\n'),
    );
    const out = captureIo();
    const code = await runCommand([file, '--dry-run', '--no-history', '--platform', 'darwin', '--catalog', dir], out.io);
    expect(out.stderr()).toBe('');
    expect(out.stdout().split('\n')).toContain(`    => skipped — when platform == 'win32' (platform = "darwin") was false`);
    expect(code).toBe(0);
  });
});

describe('skip traces: the ticket', () => {
  const snapshot: MachineSnapshot = {
    os: 'Linux',
    osVersion: '6',
    hostname: 'pc-1',
    user: 'emp',
    uptimeSeconds: 60,
    disks: [],
    network: [],
  } as unknown as MachineSnapshot;

  it("lists a skipped step's condition and values in the diagnosis, in the ticket's language, redacted", async () => {
    const events = await skippedRun();
    const input = { clientId: 'c1', now: new Date('2026-12-01T00:00:00Z'), events, troubleshooter: { id: 't', title: 'T' }, snapshot, titleLimit: 80 };
    const en = buildDraft({ ...input, lang: 'en' }, createTicketRedactor({ secrets: [CANARY] }));
    expect(en.details).toContain(
      `Skipped, condition not met: answers.pick == true and steps.wifi.result.extra != null and platform == 'win32' (answers.pick = null, steps.wifi.result.extra = "{\\"band\\":\\"5GHz\\"}", platform = "linux")`,
    );
    expect(en.details).not.toContain(CANARY);
    const nl = buildDraft({ ...input, lang: 'nl' }, createTicketRedactor({ secrets: [CANARY] }));
    expect(nl.details).toContain('Overgeslagen, voorwaarde niet vervuld: steps.wifi.result.bars == 1');
    // The full transcript attached to the ticket carries the structured trace too.
    expect(en.attachments[0]?.content).toContain('"skip":{"reason":"condition"');
  });
});
