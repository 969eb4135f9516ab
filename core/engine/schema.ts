/**
 * The troubleshooter format. This zod schema is the single source of truth: the loader validates
 * with it and `scripts/gen-schema.ts` generates `troubleshooters/schema.json` (editor completion,
 * CI validation) from it. A unit test fails when the committed JSON Schema drifts.
 *
 * Modelled on GitHub Actions steps: closed key sets (`additionalProperties: false`), a per-step
 * `timeout`, `continue-on-error`, and a small `when:` condition language (see condition.ts).
 * Keys are kebab-case like the rest of the YAML.
 */
import { z } from 'zod';
import { defaultLang, langs, type Lang } from '../kernel/lang.ts';
import { platforms } from '../kernel/platform.ts';
import { decorateForEditors } from './schema-editor.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Step ids are referenced from `when:` as `steps.<id>` / `answers.<id>`, so keep them simple. */
const stepIdPattern = /^[a-z][a-z0-9_-]*$/;

/** One key per language: English required, the others optional (in `langs` order, which the JSON Schema keeps). */
function perLang<R extends z.ZodType, O extends z.ZodType>(required: R, optional: O) {
  return Object.fromEntries(langs.map((lang) => [lang, lang === defaultLang ? required : optional])) as { [K in Lang]: K extends typeof defaultLang ? R : O };
}

/** A user-facing text. `en` is required; `nl`, `fr`, `de` fall back to `en` (the loader warns). */
export const localizedSchema = z.strictObject(perLang(z.string().min(1), z.string().min(1).optional())).meta({ id: 'localized', description: 'Text in English (required), Dutch, French and German.' });
export type Localized = z.infer<typeof localizedSchema>;

const wordList = z.array(z.string().min(1));
export const localizedListSchema = z.strictObject(perLang(wordList.min(1), wordList.optional())).meta({ description: 'Search words per language; `en` is required.' });

export const platformSchema = z.enum(platforms);

/** Duration like `500ms`, `30s`, `2m`. */
export const durationSchema = z
  .string()
  .regex(/^[1-9][0-9]*(?:ms|s|m)$/, 'Use a duration like "30s", "500ms" or "2m".')
  .meta({ description: 'Duration such as "30s", "500ms" or "2m".' });

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One assertion on the check action's result; every operator given must hold. */
export const expectationSchema = z
  .strictObject({
    field: z.string().min(1).meta({ description: 'Result field, dotted for nested values (e.g. "data.ssid").' }),
    equals: scalar.optional(),
    'not-equals': scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    matches: z.string().optional().meta({ description: 'Regular expression the value (as text) must match.' }),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .meta({ description: 'Judges one field of the check result.' });
export type Expectation = z.infer<typeof expectationSchema>;

const actionName = z.string().regex(/^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/, 'Action names are dotted kebab-case, e.g. "printer.clear-queue".');

/**
 * Input values for an action. Validated against the action's own input schema at load time.
 * Strings may contain `${{ answers.<id> }}`, `${{ steps.<id>.result.<field> }}` or `${{ policy.<key> }}`;
 * the value is substituted as data (one argv element at most), never parsed by a shell.
 */
const withSchema = z.record(z.string(), z.unknown()).meta({ description: 'Inputs for the action.' });

export const fixActionSchema = z.strictObject({
  action: actionName,
  with: withSchema.optional(),
  description: localizedSchema.optional().meta({ description: 'What this changes, shown before consent.' }),
});
export type FixAction = z.infer<typeof fixActionSchema>;

const common = {
  id: z.string().regex(stepIdPattern, 'Step ids start with a letter and use a-z, 0-9, "-" or "_".'),
  title: localizedSchema,
  when: z.string().min(1).optional().meta({ description: "Condition, e.g. \"platform == 'win32' and steps.wifi.outcome == 'failed'\"." }),
  timeout: durationSchema.optional(),
  elevation: z.enum(['none', 'required']).optional(),
  'continue-on-error': z.boolean().optional(),
};

export const checkStepSchema = z.strictObject({
  ...common,
  type: z.literal('check'),
  action: actionName,
  with: withSchema.optional(),
  expect: z.array(expectationSchema).min(1).optional().meta({
    description: 'All must hold for the check to pass. Without it the check passes when the action reports ok.',
  }),
  fix: z.array(fixActionSchema).min(1).optional().meta({ description: 'Run when the check fails; the check then re-runs.' }),
  finding: z.strictObject({ pass: localizedSchema.optional(), fail: localizedSchema.optional() }).optional().meta({ description: 'Plain-language sentence for the employee and the ticket.' }),
});

const choiceSchema = z.strictObject({ value: z.string().min(1), label: localizedSchema });

export const askStepSchema = z.strictObject({
  ...common,
  type: z.literal('ask'),
  prompt: localizedSchema,
  answer: z.enum(['yesno', 'choice', 'text']),
  choices: z.array(choiceSchema).min(1).optional().meta({ description: 'Required when answer is "choice" (unless choices-from gives them).' }),
  'choices-from': z
    .string()
    .regex(/^\$\{\{[^}]+\}\}$/, 'choices-from is one template, e.g. "${{ steps.status.result.printerChoices }}".')
    .optional()
    .meta({
      description: 'Choices listed by an earlier check (a list of {value, label}), e.g. the printers this computer has. When it lists nothing, the question asks for text instead (pattern applies).',
    }),
  pattern: z.string().optional().meta({ description: 'Regular expression the whole text answer must match.' }),
  'max-length': z.number().int().positive().optional(),
  'invalid-message': localizedSchema.optional(),
});

const httpsUrl = z.string().regex(/^https:\/\/[^\s]+$/, 'Links must be https:// URLs.');
const policyKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, 'Policy keys use letters, digits, ".", "-" and "_".');

/** Either a literal https URL or the name of a policy key holding one (e.g. the password-reset URL). */
export const linkTargetSchema = z.strictObject({
  url: httpsUrl.optional(),
  'url-from-policy': policyKey.optional(),
  label: localizedSchema.optional(),
});

export const infoStepSchema = z.strictObject({
  ...common,
  type: z.literal('info'),
  text: localizedSchema,
  link: linkTargetSchema.optional(),
  article: z.string().regex(kebab, 'Article ids are kebab-case, e.g. "projector".').optional().meta({
    description: 'Id of a knowledge article (kind: article) the employee can open from this step.',
  }),
});

export const linkStepSchema = z.strictObject({
  ...common,
  type: z.literal('link'),
  url: httpsUrl.optional(),
  'url-from-policy': policyKey.optional(),
  text: localizedSchema.optional(),
});

/**
 * Hand-over to IT. Two audiences, two texts (issue #12/#14): `employee` says in plain words what
 * happened and what comes next; `it` names the cause and what IT should do, and goes into the
 * ticket with the findings. `cause` is the machine-readable cause (a fixed word or a template
 * such as `${{ steps.diagnose.result.problem }}`) carried by the run's last event. `reason` is the
 * older single text; it is treated as the IT text.
 */
export const escalateStepSchema = z.strictObject({
  ...common,
  type: z.literal('escalate'),
  employee: localizedSchema.optional().meta({ description: 'What the employee reads: plain words, no jargon, what happens next.' }),
  it: localizedSchema.optional().meta({ description: 'What IT reads in the ticket: the cause found and what IT should do.' }),
  reason: localizedSchema.optional().meta({ description: 'Older form of "it" (text for IT). Use "employee" and "it".' }),
  cause: z.string().min(1).max(200).optional().meta({ description: 'Machine-readable cause, e.g. "proxy-blocking" or "${{ steps.diagnose.result.problem }}".' }),
});
export type EscalateStep = z.infer<typeof escalateStepSchema>;

export const stepSchema = z.discriminatedUnion('type', [checkStepSchema, askStepSchema, infoStepSchema, linkStepSchema, escalateStepSchema]);
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['type'];
export type CheckStep = z.infer<typeof checkStepSchema>;
export type AskStep = z.infer<typeof askStepSchema>;

/**
 * What a ticket opened from this troubleshooter needs besides the run and the basic machine facts.
 * The troubleshooter says so; the ticket service never guesses from the category.
 */
export const ticketAttachments = ['printer-snapshot'] as const;
export type TicketAttachment = (typeof ticketAttachments)[number];
export const ticketNeedsSchema = z
  .strictObject({
    attach: z
      .array(z.enum(ticketAttachments))
      .refine((list) => new Set(list).size === list.length, 'List each attachment once.')
      .meta({ description: 'Extra facts collected for the ticket. printer-snapshot: the printers and the default printer (slow on some machines, so only when asked).' }),
  })
  .meta({ description: 'What a ticket opened from this troubleshooter needs.' });
export type TicketNeeds = z.infer<typeof ticketNeedsSchema>;

export const troubleshooterSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(kebab, 'Ids are kebab-case, e.g. "printer-queue".'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'Versions look like "1.0.0" (quote them in YAML).')
      .meta({ description: 'Semantic version, quoted: "1.0.0".' }),
    title: localizedSchema,
    summary: localizedSchema,
    keywords: localizedListSchema.optional(),
    platforms: z.array(platformSchema).min(1),
    category: z.string().regex(kebab, 'Categories are kebab-case, e.g. "network".').meta({
      description: 'Helpdesk category this maps to when a ticket is opened.',
    }),
    urgency: z.enum(['low', 'normal', 'high']).optional(),
    ticket: ticketNeedsSchema.optional(),
    policy: z.array(policyKey).optional().meta({ description: 'Policy keys this troubleshooter reads.' }),
    steps: z.array(stepSchema).min(1),
  })
  .meta({
    title: 'Firstline troubleshooter',
    description: 'A guided fix: checks, fixes with verification, questions, links and escalation.',
  });
export type Troubleshooter = z.infer<typeof troubleshooterSchema>;

type JsonObject = Record<string, unknown>;
/** What the JSON Schema needs to know about an action (an ActionDefinition fits); `description` is shown on completion. */
export type ActionSchemaSource = { name: string; input: z.ZodType; description?: string };

/**
 * The JSON Schema shipped at troubleshooters/schema.json. Draft-07: the version editors' YAML
 * language servers (yaml-language-server) support fully. `action:` is limited to the `actions`
 * given (scripts/gen-schema.ts passes the full registry) and `with:` gets each action's input
 * schema through `if`/`then`, so editors complete and check both (schema-editor.ts).
 */
export function troubleshooterJsonSchema(actions: readonly ActionSchemaSource[] = []): JsonObject {
  const schema = z.toJSONSchema(troubleshooterSchema, { target: 'draft-7' }) as JsonObject;
  return decorateForEditors(
    schema,
    actions.map((a) => ({
      name: a.name,
      input: withoutMeta(z.toJSONSchema(a.input, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonObject),
      ...(a.description ? { description: a.description } : {}),
    })),
  );
}

/** Drops `$schema` and string `pattern`s: a `${{ answers.x }}` template is valid input the pattern would flag (lint checks after substitution rules). */
function withoutMeta(schema: unknown): JsonObject {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k, x]) => k !== '$schema' && !(k === 'pattern' && typeof x === 'string'))
        .map(([k, x]) => [k, walk(x)]),
    );
  };
  return walk(schema) as JsonObject;
}
