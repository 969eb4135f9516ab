/**
 * Writes the admin templates (ADMX/ADML, example .mobileconfig, example policy.json, policy JSON
 * Schema) into build/policy/ and the settings table into docs/admin.md, all from
 * core/policy/schema.ts. Run after changing the schema:
 *   npx tsx scripts/gen-admin-templates.ts
 * test/unit/policy/templates.test.ts fails when the committed files drift.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withPolicyTable } from '../core/policy/templates/docs-table.ts';
import { generateAdminTemplates, templatesDir } from '../core/policy/templates/index.ts';

const root = path.resolve(import.meta.dirname, '..');
for (const [rel, content] of Object.entries(generateAdminTemplates())) {
  const file = path.join(root, templatesDir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path.relative(root, file)}`);
}
const docs = path.join(root, 'docs/admin.md');
writeFileSync(docs, withPolicyTable(readFileSync(docs, 'utf8')));
console.log('updated the policy table in docs/admin.md');
