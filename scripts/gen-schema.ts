/**
 * Generates troubleshooters/schema.json from the zod schema in core/engine/schema.ts.
 * Run: `npx tsx scripts/gen-schema.ts` (or with `--check` to fail on drift, as CI does via the unit test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinActions } from '../core/engine/builtin-actions.ts';
import { troubleshooterJsonSchema } from '../core/engine/schema.ts';
import { articleJsonSchema } from '../core/engine/article-schema.ts';

export const schemaPath = fileURLToPath(new URL('../troubleshooters/schema.json', import.meta.url));
/** Knowledge articles (`kind: article`) have their own schema file next to it. */
export const articleSchemaPath = fileURLToPath(new URL('../troubleshooters/article.schema.json', import.meta.url));

export function renderSchema(): string {
  return `${JSON.stringify(troubleshooterJsonSchema(builtinActions), null, 2)}\n`;
}

export function renderArticleSchema(): string {
  return `${JSON.stringify(articleJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of [
    [schemaPath, renderSchema()],
    [articleSchemaPath, renderArticleSchema()],
  ] as const) {
    if (process.argv.includes('--check')) {
      if (readFileSync(file, 'utf8') !== text) {
        console.error(`${file} is out of date; run: npx tsx scripts/gen-schema.ts`);
        process.exit(1);
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
}
