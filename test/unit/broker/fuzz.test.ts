/**
 * Fuzz of the request format (fast-check, 3 × 1,000 cases): whatever arrives on the socket, the
 * broker answers with a well-formed response and runs nothing but the closed list's argv with a
 * queue or adapter the machine itself lists — asserted on the recording command runner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../core/kernel/platform.ts';
import { handleRequest } from '../../../broker/handle.ts';
import { opNames, opPlan, type OpArgv } from '../../../broker/op-argv.ts';
import { responseSchema } from '../../../broker/protocol.ts';
import { adapters, fakeDeps, queues } from './fake-machine.ts';

function allowedArgv(platform: Platform): Set<string> {
  const allowed = new Set<string>();
  for (const op of opNames) {
    for (const args of [{}, ...queues.map((queue) => ({ queue })), ...adapters.map((adapter) => ({ adapter }))]) {
      for (const sequence of opPlan(op, platform, args) ?? []) for (const argv of sequence) allowed.add(JSON.stringify(argv));
    }
  }
  return allowed;
}

const evil = fc.oneof(
  fc.constantFrom('-E', '--help', 'office;reboot', 'office\nreboot', 'office\u0000', '../../etc/shadow', '$(id)', '`id`', 'office && id', ' office', 'office '),
  fc.constantFrom(...queues, ...adapters),
  fc.constantFrom(...queues, ...adapters),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ minLength: 200, maxLength: 5000 }),
);
const opName = fc.oneof(fc.constantFrom(...opNames), fc.constantFrom('shell', 'printer.resume ', 'PRINTER.RESUME', 'printer', '__proto__', 'constructor'), fc.string({ maxLength: 30 }));
const args = fc.oneof(
  fc.record({ queue: evil }),
  fc.record({ adapter: evil }),
  fc.record({ queue: evil, adapter: evil }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);
const nearlyValid = fc
  .record({ v: fc.constant(1), type: fc.constant('run'), op: fc.oneof({ arbitrary: fc.constantFrom(...opNames), weight: 3 }, { arbitrary: opName, weight: 1 }), args })
  .map((r) => JSON.stringify(r));
const structured = fc
  .record({ v: fc.oneof(fc.constant(1), fc.integer()), type: fc.constantFrom('run', 'status', 'exec'), op: opName, args }, { requiredKeys: ['v', 'type'] })
  .map((r) => JSON.stringify(r));
const anyLine = fc.oneof(
  { arbitrary: nearlyValid, weight: 6 },
  { arbitrary: structured, weight: 2 },
  { arbitrary: fc.json({ maxDepth: 3 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
);

describe.each<Platform>(['linux', 'darwin', 'win32'])('broker request fuzz on %s', (platform) => {
  const allowed = allowedArgv(platform);

  it('answers every request well-formed and runs only closed-list argv with names the machine lists', async () => {
    const ran: OpArgv[] = [];
    let results = 0;
    await fc.assert(
      fc.asyncProperty(anyLine, fc.option(fc.integer({ min: 0, max: 70_000 }), { nil: undefined }), async (requestLine, uid) => {
        const { deps, commands } = fakeDeps(platform);
        const reply = await handleRequest(requestLine, uid === undefined ? undefined : { uid }, deps);
        expect(responseSchema.safeParse(reply).success).toBe(true);
        if (reply.type === 'result') results++;
        for (const argv of commands) {
          ran.push(argv);
          expect(allowed.has(JSON.stringify(argv)), JSON.stringify(argv)).toBe(true);
        }
        if (uid === undefined) expect(commands).toEqual([]);
      }),
      { numRuns: 1000, seed: 13 },
    );
    // The generator does reach real operations, so the property is not vacuous.
    expect(results).toBeGreaterThan(20);
    expect(ran.length).toBeGreaterThan(20);
  });
});
