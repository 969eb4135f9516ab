/**
 * What editors need on top of the zod-generated JSON Schema (issue 16): `action:` limited to the
 * registered actions, each with a description; `with:` checked per action; every key described;
 * each step variant titled so completion's five skeletons are told apart. Applied by
 * troubleshooterJsonSchema (schema.ts) with the full action registry (scripts/gen-schema.ts).
 */
type JsonObject = Record<string, unknown>;

/** What the JSON Schema needs to know about an action; `description` is shown on completion. */
export type EditorAction = { name: string; input: JsonObject; description?: string };

/** Keys zod leaves without a description, by name (the same key means the same thing everywhere). */
const keyDescriptions: Record<string, string> = {
  $schema: 'The JSON Schema editors use; tools ignore it.',
  id: 'Identifier, unique in its scope (kebab-case; step ids start with a letter and are referenced as steps.<id> / answers.<id>).',
  title: 'Short text shown as the heading, per language.',
  summary: 'One sentence shown under the title in search results, per language.',
  keywords: 'Words employees might type when searching, per language.',
  platforms: 'Operating systems this applies to: win32, darwin, linux.',
  urgency: 'Urgency the ticket gets: low, normal (default) or high.',
  steps: 'The steps, run in order; each may be skipped by its `when:` condition.',
  type: 'Step kind: check (action + expect + fix), ask (a question), info (text), link (open an https page) or escalate (hand over to IT).',
  action: 'The action to run (see docs/actions.md or `firstline actions`).',
  with: "The action's inputs; templates ${{ answers.<id> }}, ${{ steps.<id>.result.<field> }}, ${{ policy.<key> }} are substituted as data.",
  timeout: 'Time limit for the step\'s actions ("30s", "500ms", "2m"); default 60s. Waiting for the employee does not count.',
  elevation: '"required" when the fix needs administrator rights (asked after consent; the elevation broker may do it).',
  'continue-on-error': 'When true, the run goes on after this step fails (for diagnosis; never counts as fixed).',
  equals: 'The field equals this value.',
  'not-equals': 'The field differs from this value.',
  in: 'The field is one of these values.',
  gt: 'The field is greater than this number.',
  gte: 'The field is greater than or equal to this number.',
  lt: 'The field is less than this number.',
  lte: 'The field is less than or equal to this number.',
  pass: 'Shown when the check passed.',
  fail: 'Shown when the check failed.',
  prompt: 'The question, per language.',
  answer: 'Kind of answer: yesno (true/false), choice (one of `choices`) or text.',
  value: 'The value recorded as answers.<id> (use it in `when:`).',
  label: 'What the employee reads, per language.',
  'max-length': 'Longest text answer accepted, in characters.',
  'invalid-message': 'Shown when a text answer does not match `pattern`.',
  text: 'Text shown to the employee, per language.',
  link: 'A link shown with the text: `url` (https) or `url-from-policy` (a policy key holding one), and a label.',
  url: 'An https:// URL (must be allowed by policy to open).',
  'url-from-policy': 'Name of a policy key holding the https URL (e.g. passwordResetUrl); a missing value tells the employee to contact IT.',
  en: 'English (required).',
  nl: 'Dutch (falls back to English).',
  fr: 'French (falls back to English).',
  de: 'German (falls back to English).',
};

const stepTitles: Record<string, string> = {
  check: 'check step: run an action, judge its result, fix and re-check',
  ask: 'ask step: a yes/no, choice or text question',
  info: 'info step: plain instructions, optional link or article',
  link: 'link step: open an https page (or one from policy)',
  escalate: 'escalate step: hand over to IT with a ticket',
};

function describeKeys(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describeKeys);
  if (!node || typeof node !== 'object') return;
  const obj = node as JsonObject;
  const properties = obj.properties as Record<string, JsonObject> | undefined;
  if (properties && typeof properties === 'object') {
    for (const [key, child] of Object.entries(properties)) {
      const description = keyDescriptions[key];
      if (description && child && typeof child === 'object' && typeof child.description !== 'string') child.description = description;
    }
  }
  Object.values(obj).forEach(describeKeys);
}

/**
 * The whole-file snippet editors offer on an empty file (yaml-language-server `defaultSnippets`):
 * a check that runs and an escalation with both texts, in the four languages, `version` quoted so
 * YAML keeps it text. A test fills in the defaults and lints the result clean.
 */
const four = (placeholder: string) => `{ en: ${placeholder}, nl: ${placeholder}, fr: ${placeholder}, de: ${placeholder} }`;
export const wholeFileSnippet = [
  'id: ${1:my-fix}',
  'version: "${2:1.0.0}"',
  `title: ${four('${3:What the employee sees on the tile}')}`,
  `summary: ${four('${4:One sentence on what this fixes}')}`,
  `keywords: ${four('[${5:word}]')}`,
  'platforms: [win32, darwin, linux]',
  'category: ${6:other}',
  'steps:',
  '  - id: ${7:check}',
  '    type: check',
  `    title: ${four('${8:What is checked}')}`,
  '    action: command.exists',
  '    with: { command: ${9:sh} }',
  '    expect: [{ field: exists, equals: true }]',
  '  - id: ask-it',
  '    type: escalate',
  `    title: ${four('${10:Ask IT}')}`,
  `    employee: ${four('${11:What the employee reads}')}`,
  `    it: ${four('${12:What IT reads in the ticket}')}`,
  '',
].join('\n');

export function decorateForEditors(schema: JsonObject, actions: readonly EditorAction[]): JsonObject {
  describeKeys(schema);
  schema.defaultSnippets = [{ label: 'Firstline troubleshooter', description: 'A whole troubleshooter: one check and the escalation to IT.', bodyText: wholeFileSnippet }];
  const steps = (schema.properties as JsonObject).steps as JsonObject;
  const variants = ((steps.items as JsonObject).oneOf as JsonObject[]) ?? [];
  for (const variant of variants) {
    const kind = (((variant.properties as JsonObject).type as JsonObject).const as string) ?? '';
    if (stepTitles[kind]) variant.title = stepTitles[kind];
  }
  if (actions.length === 0) return schema;
  const sorted = [...actions].sort((a, b) => a.name.localeCompare(b.name));
  const names = sorted.map((a) => a.name);
  const descriptions = sorted.map((a) => `**${a.name}** — ${a.description ?? ''}`.trim());
  const inputs = sorted.map((a) => ({
    if: { properties: { action: { const: a.name } }, required: ['action'] },
    then: { properties: { with: { ...a.input, description: `Inputs of ${a.name}.` } } },
  }));
  const check = variants.find((o) => ((o.properties as JsonObject).type as JsonObject).const === 'check');
  if (!check) return schema;
  const fixItems = ((check.properties as JsonObject).fix as JsonObject).items as JsonObject;
  for (const target of [check, fixItems]) {
    target.allOf = inputs;
    const action = (target.properties as JsonObject).action as JsonObject;
    delete action.pattern;
    delete action.examples;
    // An unknown or misspelt action is a diagnostic in the editor; completion lists every one with what it does.
    action.enum = names;
    action.enumDescriptions = sorted.map((a) => a.description ?? '');
    action.markdownEnumDescriptions = descriptions;
  }
  return schema;
}
