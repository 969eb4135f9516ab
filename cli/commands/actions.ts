/** `firstline actions [--json]` — the actions troubleshooters may use, with platforms and whether they change the machine. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { CommandIo } from '../command.ts';
import { cliRegistry } from '../registry.ts';

export async function actionsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out('Usage: firstline actions [--json]');
    return 0;
  }
  const rows = cliRegistry()
    .list()
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((def) => {
      let input: unknown;
      try {
        input = z.toJSONSchema(def.input, { unrepresentable: 'any' });
      } catch {
        input = undefined;
      }
      return { name: def.name, platforms: def.platforms, changesMachine: def.changesMachine, input };
    });
  if (values.json) io.out(JSON.stringify(rows, null, 2));
  else for (const r of rows) io.out(`${r.name.padEnd(28)} ${r.changesMachine ? 'changes machine' : 'read-only      '}  ${r.platforms.join(', ')}`);
  return 0;
}
