/**
 * Writes the admin templates (ADMX/ADML, example .mobileconfig, example policy.json, policy JSON
 * Schema) into build/policy/ and the settings table into docs/admin.md, all from
 * core/policy/schema.ts. Run after changing the schema:
 *   npx tsx scripts/gen-admin-templates.ts           write the files
 *   npx tsx scripts/gen-admin-templates.ts --check   exit 1 if a committed file differs (writes nothing)
 * test/unit/policy/templates.test.ts fails when the committed files drift. For a policy of your own,
 * use `firstline policy export` instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withPolicyTable } from '../core/policy/templates/docs-table.ts';
import { generateAdminTemplates, templatesDir } from '../core/policy/templates/index.ts';

const usage = `Usage: npx tsx scripts/gen-admin-templates.ts [--check]
  Regenerates build/policy/* and the policy table in docs/admin.md from core/policy/schema.ts.
  --check  only compare; exit 1 and name the files that differ.
  For your own policy values use: npm run firstline -- policy export <file> --mobileconfig|--reg|--json`;

let values: { check?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const docs = path.join(root, 'docs/admin.md');
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const outputs: [string, string][] = Object.entries(generateAdminTemplates()).map(([rel, content]) => [path.join(root, templatesDir, rel), content]);
outputs.push([docs, withPolicyTable(read(docs) ?? '')]);

let stale = 0;
for (const [file, content] of outputs) {
  if (read(file) === content) continue;
  stale++;
  if (values.check) {
    console.log(`differs: ${path.relative(root, file)}`);
    continue;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path.relative(root, file)}`);
}
if (stale === 0) console.log('all admin templates are up to date');
process.exitCode = values.check && stale > 0 ? 1 : 0;
