/**
 * `firstline actions [--json] [name]` — the actions troubleshooters may use: inputs, result fields,
 * platforms, whether they change the machine and whether the elevation broker can run them. The same
 * reference as docs/actions.md (core/engine/action-reference.ts), from the same registry as the app.
 */
import { parseArgs } from 'node:util';
import { actionReferences, type FieldReference } from '../../core/engine/action-reference.ts';
import { opNames } from '../../broker/op-argv.ts';
import { didYouMean } from '../../core/util/did-you-mean.ts';
import type { CommandIo } from '../command.ts';
import { cliRegistry } from '../registry.ts';

const usage = 'Usage: firstline actions [--json] [<action>]   (the full reference: docs/actions.md)';

const fieldLine = (f: FieldReference) => `      ${f.path}${f.required ? '' : '?'}: ${f.type}${f.default === undefined ? '' : ` = ${JSON.stringify(f.default)}`}`;

export async function actionsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(usage);
    return 0;
  }
  let refs = actionReferences(cliRegistry(), opNames);
  if (positionals.length > 0) {
    const wanted = new Set(positionals);
    const unknown = positionals.filter((name) => !refs.some((r) => r.name === name));
    for (const name of unknown)
      io.err(
        `Unknown action "${name}".${didYouMean(
          name,
          refs.map((r) => r.name),
        )}`,
      );
    if (unknown.length > 0) return 2;
    refs = refs.filter((r) => wanted.has(r.name));
  }
  if (values.json) {
    io.out(JSON.stringify(refs, null, 2));
    return 0;
  }
  for (const r of refs) {
    io.out(`${r.name.padEnd(28)} ${r.changesMachine ? 'changes machine' : 'read-only      '}  ${r.platforms.join(', ')}${r.broker ? '  (elevation broker)' : ''}`);
    io.out(`    with:${r.inputs.length === 0 ? ' (none)' : ''}`);
    for (const f of r.inputs) io.out(fieldLine(f));
    io.out('    result:');
    for (const f of r.resultFields) io.out(fieldLine(f));
  }
  return 0;
}
