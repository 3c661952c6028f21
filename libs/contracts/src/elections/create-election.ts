import { deadlinesSchema } from '@wahl/domain';
import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { noNulString } from '../common/text';
import { ElectionKindSchema } from './election-summary';

// Creating an election on the office's screen (POST /api/elections/new). The API turns it into a
// draft definition (libs/domain election-draft.ts) and checks that with the definition's own rules
// (Sunday, deadlines before the day), whose errors name the same fields as this form.

/** Where the new election's districts, stations, street directory and lists come from. */
export const ElectionSourceSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('empty') }),
  z.strictObject({ from: z.literal('election'), electionId: UuidSchema }),
]);
export type ElectionSource = z.infer<typeof ElectionSourceSchema>;

export const CreateElectionRequestSchema = z.strictObject({
  kind: ElectionKindSchema,
  name: noNulString().trim().min(1, 'Bitte einen Namen angeben.').max(200, 'Höchstens 200 Zeichen.'),
  electionDay: z.iso.date({ error: 'Kein gültiges Kalenderdatum (Format JJJJ-MM-TT).' }),
  /** Only the deadlines that differ from the ones R0.1 derives from kind and day. */
  deadlines: deadlinesSchema.optional(),
  source: ElectionSourceSchema,
});
export type CreateElectionRequest = z.infer<typeof CreateElectionRequestSchema>;
