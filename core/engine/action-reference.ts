/**
 * The action reference: what an author needs to know about every registered action (inputs,
 * result fields with types, platforms, consent, elevation), derived from the action definitions
 * themselves so it cannot drift. Used by `firstline actions [--json]`, docs/actions.md
 * (scripts/gen-schema.ts) and the descriptions in troubleshooters/schema.json.
 */
import { z } from 'zod';
import type { ActionRegistry } from './registry.ts';
import type { ActionDefinition } from './action.ts';

type JsonObject = Record<string, unknown>;

export type FieldReference = { path: string; type: string; required: boolean; default?: unknown; description?: string };

export type ActionReference = {
  name: string;
  platforms: string[];
  /** Changes the machine: the employee is asked first, and a dry run never executes it. */
  changesMachine: boolean;
  /** The elevation broker can make this change for an employee without administrator rights. */
  broker: boolean;
  inputs: FieldReference[];
  resultFields: FieldReference[];
  /** The JSON Schemas (draft-07) of `with:` and of the result. */
  input: JsonObject;
  result: JsonObject;
};

/** Never throws: a schema zod cannot express becomes `{}` (any). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  try {
    const out = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as JsonObject;
    delete out.$schema;
    return out;
  } catch {
    return {};
  }
}

/** A short, TypeScript-like type for a JSON Schema node: `'a' | 'b'`, `string[]`, `integer | null`. */
export function typeName(node: unknown): string {
  if (!node || typeof node !== 'object') return 'any';
  const s = node as JsonObject;
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v).replace(/"/g, "'")).join(' | ');
  if ('const' in s) return JSON.stringify(s.const).replace(/"/g, "'");
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return [...new Set(alternatives.map(typeName))].join(' | ');
  if (s.type === 'array') {
    const item = typeName(s.items);
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (typeof s.type === 'string') return s.type;
  return 'any';
}

/** Object properties, flattened to dotted paths (`printers[].name` for arrays of objects). */
export function fieldsOf(node: JsonObject, prefix = '', depth = 0): FieldReference[] {
  const properties = node.properties as Record<string, JsonObject> | undefined;
  if (!properties) return [];
  const required = new Set((node.required as string[] | undefined) ?? []);
  const fields: FieldReference[] = [];
  for (const [key, child] of Object.entries(properties)) {
    const path = `${prefix}${key}`;
    const field: FieldReference = { path, type: typeName(child), required: required.has(key) };
    if ('default' in child) field.default = child.default;
    if (typeof child.description === 'string') field.description = child.description;
    fields.push(field);
    if (depth >= 2) continue;
    if (child.type === 'object') fields.push(...fieldsOf(child, `${path}.`, depth + 1));
    const items = child.items as JsonObject | undefined;
    if (child.type === 'array' && items?.type === 'object') fields.push(...fieldsOf(items, `${path}[].`, depth + 1));
  }
  return fields;
}

export function actionReference(def: ActionDefinition, brokerOperations: readonly string[] = []): ActionReference {
  const input = jsonSchema(def.input, 'input');
  const result = jsonSchema(def.result, 'output');
  return {
    name: def.name,
    platforms: [...def.platforms],
    changesMachine: def.changesMachine,
    broker: brokerOperations.includes(def.name),
    inputs: fieldsOf(input),
    resultFields: fieldsOf(result),
    input,
    result,
  };
}

export function actionReferences(registry: ActionRegistry, brokerOperations: readonly string[] = []): ActionReference[] {
  return registry
    .list()
    .map((def) => actionReference(def, brokerOperations))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One line for editors (schema descriptions) and `firstline actions`. */
export function actionSummary(ref: ActionReference): string {
  const kind = ref.changesMachine ? `changes the machine (consent first${ref.broker ? '; the elevation broker can do it without admin rights' : ''})` : 'read-only';
  const result = ref.resultFields.filter((f) => !f.path.includes('.') && !f.path.includes('[')).map((f) => f.path);
  return `${kind}; ${ref.platforms.join(', ')}; result: ${result.join(', ') || '—'}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${cell(text)}\``;

function fieldTable(fields: readonly FieldReference[], withDefault: boolean): string[] {
  if (fields.length === 0) return ['(none)'];
  const head = withDefault ? ['| input | type | required | default |', '|---|---|---|---|'] : ['| field | type | always there |', '|---|---|---|'];
  const rows = fields.map((f) =>
    withDefault
      ? `| ${code(f.path)} | ${code(f.type)} | ${f.required ? 'yes' : 'no'} | ${f.default === undefined ? '' : code(JSON.stringify(f.default))} |`
      : `| ${code(f.path)} | ${code(f.type)} | ${f.required ? 'yes' : 'no'} |`,
  );
  return [...head, ...rows];
}

/** docs/actions.md. */
export function actionReferenceMarkdown(refs: readonly ActionReference[]): string {
  const lines = [
    '# Action reference',
    '',
    '<!-- generated by `npx tsx scripts/gen-schema.ts` from the action registry (core/action-registry.ts); do not edit -->',
    '',
    'Every action a troubleshooter step may name in `action:` (a check) or under `fix:`. `with:` takes the',
    "inputs; a check's `expect:` and later `when:` conditions read the result fields (`steps.<id>.result.<field>`).",
    'Inputs accept `${{ answers.<id> }}`, `${{ steps.<id>.result.<field> }}` and `${{ policy.<key> }}` templates.',
    'The same data, as JSON: `npm run firstline -- actions --json`.',
    '',
    '- **changes the machine**: the employee is asked for consent first, and a dry run never executes it.',
    '- **elevation broker**: when the step declares `elevation: required` and the employee has no',
    '  administrator rights, the broker can make this change for them (see docs/admin.md). Other actions',
    '  that need rights end with "needs IT\'s rights".',
    '',
    '| action | changes the machine | elevation broker | platforms |',
    '|---|---|---|---|',
    ...refs.map((r) => `| [${code(r.name)}](#${r.name.replace(/\./g, '')}) | ${r.changesMachine ? 'yes' : 'no'} | ${r.broker ? 'yes' : 'no'} | ${r.platforms.join(', ')} |`),
    '',
  ];
  for (const r of refs) {
    lines.push(
      `## ${r.name}`,
      '',
      `${r.changesMachine ? 'Changes the machine (consent first).' : 'Read-only.'} Platforms: ${r.platforms.join(', ')}.${r.broker ? ' The elevation broker can run it.' : ''}`,
      '',
    );
    lines.push('Inputs (`with:`):', '', ...fieldTable(r.inputs, true), '', 'Result fields:', '', ...fieldTable(r.resultFields, false), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
