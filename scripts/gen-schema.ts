/**
 * Generates, from the zod schemas and the full action registry (core/action-registry.ts):
 * troubleshooters/schema.json (troubleshooters), article.schema.json (knowledge articles),
 * test.schema.json (author tests, `*.test.yaml`) and docs/actions.md (the action reference).
 * Run: `npx tsx scripts/gen-schema.ts` (or with `--check` to fail on drift, as CI does via the unit test).
 * An action added anywhere in the registry appears in all of them on the next run; the drift test says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fullActionRegistry } from '../core/action-registry.ts';
import { troubleshooterJsonSchema } from '../core/engine/schema.ts';
import { articleJsonSchema } from '../core/engine/article-schema.ts';
import { authorTestJsonSchema } from '../core/engine/author-test-schema.ts';
import { actionReferenceMarkdown, actionReferences, actionSummary } from '../core/engine/action-reference.ts';
import { opNames } from '../broker/op-argv.ts';

export const schemaPath = fileURLToPath(new URL('../troubleshooters/schema.json', import.meta.url));
/** Knowledge articles (`kind: article`) have their own schema file next to it. */
export const articleSchemaPath = fileURLToPath(new URL('../troubleshooters/article.schema.json', import.meta.url));
/** Author tests (`*.test.yaml`). */
export const testSchemaPath = fileURLToPath(new URL('../troubleshooters/test.schema.json', import.meta.url));
export const actionDocPath = fileURLToPath(new URL('../docs/actions.md', import.meta.url));

/** Every registered action as the reference documents it (inputs, result fields, platforms, consent, broker). */
export function registryReference() {
  return actionReferences(fullActionRegistry(), opNames);
}

export function renderSchema(): string {
  const summaries = new Map(registryReference().map((r) => [r.name, actionSummary(r)]));
  const actions = fullActionRegistry()
    .list()
    .map((def) => ({ name: def.name, input: def.input, description: summaries.get(def.name) ?? '' }));
  return `${JSON.stringify(troubleshooterJsonSchema(actions), null, 2)}\n`;
}

export function renderArticleSchema(): string {
  return `${JSON.stringify(articleJsonSchema(), null, 2)}\n`;
}

export function renderTestSchema(): string {
  return `${JSON.stringify(authorTestJsonSchema(), null, 2)}\n`;
}

export function renderActionDoc(): string {
  return actionReferenceMarkdown(registryReference());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of [
    [schemaPath, renderSchema()],
    [articleSchemaPath, renderArticleSchema()],
    [testSchemaPath, renderTestSchema()],
    [actionDocPath, renderActionDoc()],
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
