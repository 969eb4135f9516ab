/**
 * How a run ended. Its own module, apart from the run events (events.ts builds ~150 schemas),
 * because the run history reads it at every start (issue #17, `npm run bench -- start`).
 */
import { z } from 'zod';

export const outcomeSchema = z.enum(['resolved', 'not-resolved', 'cancelled', 'needs-human', 'error']);
