/** Domain schemas that travel over IPC. Engine-owned schemas are re-exported, not copied. */
import { z } from 'zod';
import { runEventSchema, answerValueSchema } from '../core/engine/events.ts';
import { langs } from '../core/kernel/lang.ts';

export { runEventSchema, answerValueSchema };

export const langSchema = z.enum(langs);

export const troubleshooterSummarySchema = z.object({
  id: z.string(),
  /** Knowledge articles are listed (and searched) with the fixes; absent means a troubleshooter. */
  kind: z.enum(['troubleshooter', 'article']).optional(),
  title: z.string(),
  summary: z.string(),
  keywords: z.array(z.string()),
  category: z.string(),
  /** Titles/summaries/keywords in every language, so search matches across languages. */
  searchText: z.record(z.string(), z.string()),
});
export type TroubleshooterSummary = z.infer<typeof troubleshooterSummarySchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** 'electron' in the app, 'browser-host' in development/tests. */
  host: z.enum(['electron', 'browser-host']),
  lang: langSchema,
  supportContact: z
    .object({
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      url: z.string().optional(),
      /** Opening hours as the admin wrote them ("Mon-Fri 8:00-17:00"). */
      hours: z.string().optional(),
      /** Usual time to a first answer, in hours; the UI words it per language. */
      responseHours: z.number().optional(),
      /** An https:// page to start a call or ask for a call back. */
      callUrl: z.string().optional(),
    })
    .default({}),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** A knowledge article as the employee sees it: texts in one language, policy values filled in. */
export const articleViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  steps: z.array(
    z.object({
      text: z.string(),
      /** The image as a data: URL (the renderer never gets a path). */
      image: z.object({ src: z.string().startsWith('data:image/'), alt: z.string() }).optional(),
      /** The link's label; the renderer opens it by article id and step index. */
      link: z.object({ label: z.string() }).optional(),
    }),
  ),
  /** The employee's last "Did this help?" answer on this machine, if any. */
  helpful: z.boolean().nullable(),
});
export type ArticleView = z.infer<typeof articleViewSchema>;
