import { z } from 'zod';
import type { QuickReport } from './quick-report.types';

// Shape check for a stored or submitted report version. It checks structure only: integer and
// sign rules are plausibility rule P6, so that the clerk gets the rule id and the numbers back.
const count = z.number().finite();
const optionalCount = count.nullable();

export const contestCountsSchema = z.object({
  contestId: z.string().min(1),
  invalid: count,
  valid: count,
  votes: z.record(z.string(), count),
});

export const quickReportSchema: z.ZodType<QuickReport> = z.object({
  districtId: z.string().min(1),
  districtKind: z.enum(['polling', 'postal']),
  A: optionalCount,
  A1: optionalCount,
  A2: optionalCount,
  A3: optionalCount,
  B: count,
  B1: count,
  contests: z.array(contestCountsSchema),
  markedCount: optionalCount.optional(),
  comment: z.string().max(2000).nullable().optional(),
});
