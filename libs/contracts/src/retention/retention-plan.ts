import { z } from 'zod';
import { RETENTION_CATEGORIES } from '@wahl/domain';
import { noNulString } from '../common/text';
import { LEGAL_HOLD_REASONS } from './legal-hold-reasons';

// R8.4 (BWO § 90): what of an election's personal data is deleted when, the legal hold, and runs.

export const setLegalHoldSchema = z.strictObject({
  reason: z.enum(LEGAL_HOLD_REASONS, 'Erwartet wird „wahlpruefung“ oder „strafverfahren“.'),
  /** File number or order that requires keeping the documents (no personal data needed). */
  note: noNulString().trim().min(3, 'Bitte nennen Sie Aktenzeichen oder Anordnung (mindestens 3 Zeichen).').max(500),
});
export type SetLegalHoldRequest = z.infer<typeof setLegalHoldSchema>;

export const LegalHoldSchema = z
  .object({ reason: z.enum(LEGAL_HOLD_REASONS), note: z.string(), setBy: z.string(), setAt: z.string() })
  .readonly();
export type LegalHold = z.infer<typeof LegalHoldSchema>;

export const RetentionCategorySchema = z.enum(RETENTION_CATEGORIES);

export const RetentionCategoryPlanSchema = z
  .object({
    category: RetentionCategorySchema,
    label: z.string(),
    /** First German calendar day on which the category may be deleted. */
    dueDay: z.string(),
    due: z.boolean(),
    /** Rows stored now. */
    rows: z.number().int(),
    /** Rows a run would delete now (0 while not due or held). */
    wouldDelete: z.number().int(),
    lastRun: z.object({ at: z.string(), by: z.string(), deleted: z.number().int() }).readonly().nullable(),
  })
  .readonly();
export type RetentionCategoryPlan = z.infer<typeof RetentionCategoryPlanSchema>;

/** `GET …/retention`: the plan and the dry run in one. */
export const RetentionPlanSchema = z
  .object({
    electionId: z.string(),
    electionDay: z.string(),
    today: z.string(),
    hold: LegalHoldSchema.nullable(),
    categories: z.array(RetentionCategoryPlanSchema).readonly(),
  })
  .readonly();
export type RetentionPlan = z.infer<typeof RetentionPlanSchema>;

/** `POST …/retention/run`: rows deleted per category (0 for one not due or already empty). */
export const RetentionRunResultSchema = z
  .object({
    electionId: z.string(),
    ranAt: z.string(),
    deleted: z.array(z.object({ category: RetentionCategorySchema, rows: z.number().int() }).readonly()).readonly(),
  })
  .readonly();
export type RetentionRunResult = z.infer<typeof RetentionRunResultSchema>;
