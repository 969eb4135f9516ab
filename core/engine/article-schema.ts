/**
 * The knowledge-article format: the second kind of catalog entry (issue #15). A short how-to for
 * what no script should do (connect a projector, pair a headset, report a phishing e-mail):
 * numbered steps, optional images shipped in the catalog, links through the same allowlist as
 * troubleshooters. It lives next to troubleshooters in a catalog folder, is told apart by
 * `kind: article`, and goes through the same loader, lint, signing and verification.
 * `scripts/gen-schema.ts` generates `troubleshooters/article.schema.json` from it.
 */
import { z } from 'zod';
import { linkTargetSchema, localizedListSchema, localizedSchema, platformSchema } from './schema.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const policyKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, 'Policy keys use letters, digits, ".", "-" and "_".');

/** Image formats a browser shows without running anything (no SVG: it can carry script). */
export const articleImagePattern = /^(?![\\/])(?!.*\.\.)[A-Za-z0-9_./-]+\.(?:png|jpe?g|webp|gif)$/i;
/** An image larger than this is refused at lint and at run time (it travels over IPC as data). */
export const maxArticleImageBytes = 512 * 1024;

export const articleImageSchema = z
  .strictObject({
    path: z
      .string()
      .regex(articleImagePattern, 'Images are .png, .jpg, .webp or .gif files relative to the catalog folder, without "..".')
      .meta({ description: 'Image file relative to the catalog folder, e.g. "images/projector-win-p.png".' }),
    alt: localizedSchema.meta({ description: 'What the image shows, for screen readers.' }),
  })
  .meta({ description: 'An image shipped in the catalog.' });

export const articleStepSchema = z
  .strictObject({
    text: localizedSchema.meta({
      description: 'One instruction. "${{ policy.<key> }}" inserts a policy value (the key must be listed under "policy:").',
    }),
    'if-policy-missing': localizedSchema.optional().meta({
      description: 'Shown instead of "text" when a policy value the step uses is not set. Without it, such a step is left out.',
    }),
    platforms: z.array(platformSchema).min(1).optional().meta({ description: 'Show this step only on these platforms.' }),
    image: articleImageSchema.optional(),
    link: linkTargetSchema.optional(),
  })
  .meta({ description: 'One numbered step of the how-to.' });
export type ArticleStep = z.infer<typeof articleStepSchema>;

export const articleSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('article').meta({ description: 'Marks this file as a knowledge article, not a troubleshooter.' }),
    id: z.string().regex(kebab, 'Ids are kebab-case, e.g. "projector".'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'Versions look like "1.0.0" (quote them in YAML).'),
    title: localizedSchema,
    summary: localizedSchema,
    keywords: localizedListSchema.optional(),
    platforms: z.array(platformSchema).min(1).optional().meta({ description: 'Where the article is offered; all platforms when left out.' }),
    category: z.string().regex(kebab, 'Categories are kebab-case, e.g. "workplace".').meta({
      description: 'Helpdesk category used when the employee contacts IT from this article.',
    }),
    urgency: z.enum(['low', 'normal', 'high']).optional().meta({ description: 'Urgency of a ticket opened from this article.' }),
    policy: z.array(policyKey).optional().meta({ description: 'Policy keys this article reads.' }),
    steps: z.array(articleStepSchema).min(1).max(20),
  })
  .meta({ title: 'Firstline knowledge article', description: 'A short how-to with numbered steps, ending with "Did this help?".' });
export type Article = z.infer<typeof articleSchema>;

export function articleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(articleSchema, { target: 'draft-7' }) as Record<string, unknown>;
}
