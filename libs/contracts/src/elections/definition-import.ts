import { MAX_IMPORT_CHARS } from '@wahl/domain';
import { z } from 'zod';
import { noNulString } from '../common/text';
import { ElectionCountsSchema } from './election-summary';

// Imports into an election in preparation (issue #12): the file's text with what it is, first as a
// preview (what it would create, every problem by line and field), then applied in one transaction.
// POST /api/elections/:id/imports/preview and …/imports/apply.

export const DEFINITION_IMPORT_KINDS = ['districts', 'candidates', 'streets'] as const;

/** The contest a candidates file fills; created when the election has none with this key. */
export const ImportContestSchema = z.strictObject({
  key: z.string().trim().min(1, 'Bitte eine Kennung angeben.').max(100, 'Höchstens 100 Zeichen.'),
  name: noNulString().trim().min(1, 'Bitte einen Namen angeben.').max(200, 'Höchstens 200 Zeichen.'),
  ballotType: z.enum(['candidate', 'list', 'council']),
  /** Council ballots (R5.1): as many votes as seats. */
  seats: z.number().int('Muss eine ganze Zahl sein.').min(1, 'Muss mindestens 1 sein.').max(200, 'Höchstens 200.').optional(),
});
export type ImportContest = z.infer<typeof ImportContestSchema>;

export const DefinitionImportRequestSchema = z.strictObject({
  /** `districts`: Wahlgebietseinteilungen (OWD); `candidates`: Kandidaten (OWD); `streets`: street directory CSV. */
  kind: z.enum(DEFINITION_IMPORT_KINDS),
  fileName: noNulString().max(300, 'Höchstens 300 Zeichen.').optional(),
  csv: noNulString().max(MAX_IMPORT_CHARS, 'Die Datei ist zu groß.'),
  contest: ImportContestSchema.optional(),
});
export type DefinitionImportRequest = z.infer<typeof DefinitionImportRequestSchema>;

export const ImportProblemSchema = z
  .object({
    /** 1-based line of the file; 0 for the file as a whole or the resulting election (then `field` is its JSON path). */
    line: z.number().int(),
    field: z.string().nullable(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
  })
  .readonly();
export type ImportProblemEntry = z.infer<typeof ImportProblemSchema>;

export const DefinitionImportPreviewSchema = z
  .object({
    kind: z.enum(DEFINITION_IMPORT_KINDS),
    /** The election's counts now and after the import. */
    before: ElectionCountsSchema,
    after: ElectionCountsSchema,
    /** A few of what the file creates, for the office to recognise it (names). */
    samples: z.array(z.string()).readonly(),
    problems: z.array(ImportProblemSchema).readonly(),
    /** No error stands: applying stores exactly this. */
    canApply: z.boolean(),
  })
  .readonly();
export type DefinitionImportPreview = z.infer<typeof DefinitionImportPreviewSchema>;
