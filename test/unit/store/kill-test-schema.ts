import { z } from 'zod';

export const killTestSchema = z.object({
  version: z.literal(1),
  items: z.array(z.object({ n: z.number().int(), payload: z.string() })).max(100),
});
