/**
 * Generates troubleshooters/schema.json from the zod schema in core/engine/schema.ts.
 * Run: `npx tsx scripts/gen-schema.ts` (or with `--check` to fail on drift, as CI does via the unit test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinActions } from '../core/engine/builtin-actions.ts';
import { troubleshooterJsonSchema } from '../core/engine/schema.ts';

export const schemaPath = fileURLToPath(new URL('../troubleshooters/schema.json', import.meta.url));

export function renderSchema(): string {
  return `${JSON.stringify(troubleshooterJsonSchema(builtinActions), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderSchema();
  if (process.argv.includes('--check')) {
    const current = readFileSync(schemaPath, 'utf8');
    if (current !== text) {
      console.error('troubleshooters/schema.json is out of date; run: npx tsx scripts/gen-schema.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(schemaPath, text);
    console.log(`wrote ${schemaPath}`);
  }
}
