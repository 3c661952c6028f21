import { quickReportSchema } from '@wahl/domain';
import { z } from 'zod';
import { DISTRICT_KINDS, DISTRICT_STATES } from './district-states';

// Response shapes of the quick-report routes and the office socket events of election night.

export const DistrictStateSchema = z.enum(DISTRICT_STATES);
export const DistrictKindSchema = z.enum(DISTRICT_KINDS);

export const PollingStationRefSchema = z.object({ name: z.string(), address: z.string() }).readonly();
export type PollingStationRef = z.infer<typeof PollingStationRefSchema>;

export const BoardDistrictSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    name: z.string(),
    kind: DistrictKindSchema,
    pollingStation: PollingStationRefSchema.nullable(),
  })
  .readonly();
export type BoardDistrict = z.infer<typeof BoardDistrictSchema>;

/** One input of the entry form: a Kennbuchstabe (or `markedCount`, `comment`) with its German label. */
export const FormFieldSchema = z.object({ letter: z.string(), label: z.string(), path: z.string(), required: z.boolean() }).readonly();
export type FormField = z.infer<typeof FormFieldSchema>;

export const FormListSchema = z
  .object({
    letter: z.string(),
    label: z.string(),
    path: z.string(),
    required: z.boolean(),
    key: z.string(),
    shortName: z.string(),
    name: z.string(),
    color: z.string(),
    ballotPosition: z.number(),
  })
  .readonly();
export type FormList = z.infer<typeof FormListSchema>;

export const FormContestSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    invalid: FormFieldSchema,
    valid: FormFieldSchema,
    lists: z.array(FormListSchema).readonly(),
  })
  .readonly();
export type FormContest = z.infer<typeof FormContestSchema>;

const ElectionRefSchema = z.object({ id: z.string(), name: z.string(), electionDay: z.string() }).readonly();

/** The entry form of a district for the mobile screen (Kennbuchstaben in form order). */
export const ReportFormSchema = z
  .object({
    election: ElectionRefSchema,
    district: BoardDistrictSchema,
    /** A1, A2, A3, A, B, B1 (a postal district has no A fields, R2.5). */
    fields: z.array(FormFieldSchema).readonly(),
    contests: z.array(FormContestSchema).readonly(),
    /** Stimmabgabevermerke + eingenommene Wahlscheine (P7). */
    extra: z.array(FormFieldSchema).readonly(),
    /** A1, A2, A3 of the closed roll (BWO § 24) to prefill; A1 + A2 is checked as P2. Null while the roll is open and for a postal district. */
    rollClosing: z.object({ A1: z.number().int(), A2: z.number().int(), A3: z.number().int() }).readonly().nullable(),
  })
  .readonly();
export type ReportForm = z.infer<typeof ReportFormSchema>;

/** A plausibility finding with the confirming comment (null if not confirmed). */
export const ConfirmedWarningSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(['error', 'warning']),
    fields: z.array(z.string()).readonly(),
    message: z.string(),
    comment: z.string().nullable(),
  })
  .readonly();
export type ConfirmedWarning = z.infer<typeof ConfirmedWarningSchema>;

export const REPORT_OUTCOMES = ['entered', 'confirmed', 'flagged', 'approved', 'rejected', 'corrected', 'code-confirmed'] as const;
export const ReportOutcomeSchema = z.enum(REPORT_OUTCOMES);
export type ReportOutcome = z.infer<typeof ReportOutcomeSchema>;

/** The answer to every write on a district's report. */
export const ReportActionResultSchema = z
  .object({
    electionId: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    outcome: ReportOutcomeSchema,
    /** The version this action stored or decided. */
    version: z.number(),
    state: DistrictStateSchema,
    currentVersion: z.number(),
    /** The version in the totals, null if none. */
    countedVersion: z.number().nullable(),
    /** Flagged: the version the new entry differs from (see the compare route). */
    comparedWith: z.number().nullable(),
    warnings: z.array(ConfirmedWarningSchema).readonly(),
    message: z.string(),
    /** awaiting-code, to a board member only: the four-digit code to read out to the office by phone (R7.16). */
    checkCode: z.string().nullable(),
  })
  .readonly();
export type ReportActionResult = z.infer<typeof ReportActionResultSchema>;

export const ReportVersionSchema = z
  .object({
    version: z.number(),
    kind: z.enum(['entry', 'correction']),
    report: quickReportSchema,
    warnings: z.array(ConfirmedWarningSchema).readonly(),
    reason: z.string().nullable(),
    enteredBy: z.object({ id: z.string(), name: z.string(), role: z.string() }).readonly(),
    enteredAt: z.string(),
  })
  .readonly();
export type ReportVersion = z.infer<typeof ReportVersionSchema>;

export const ReportHistorySchema = z
  .object({
    electionId: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    districtName: z.string(),
    kind: DistrictKindSchema,
    state: DistrictStateSchema,
    stateLabel: z.string(),
    currentVersion: z.number(),
    countedVersion: z.number().nullable(),
    comparedVersion: z.number().nullable(),
    rejectionReason: z.string().nullable(),
    /** awaiting-code: the confirmed version that waits for its check code (R7.16). */
    codeVersion: z.number().nullable(),
    /** awaiting-code, to a board member only: the code to read out to the office. */
    checkCode: z.string().nullable(),
    versions: z.array(ReportVersionSchema).readonly(),
  })
  .readonly();
export type ReportHistory = z.infer<typeof ReportHistorySchema>;

export const FieldDifferenceSchema = z
  .object({ field: z.string(), path: z.string(), left: z.number().nullable(), right: z.number().nullable() })
  .readonly();
export type FieldDifference = z.infer<typeof FieldDifferenceSchema>;

export const ReportComparisonSchema = z
  .object({
    electionId: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    state: DistrictStateSchema,
    left: ReportVersionSchema,
    right: ReportVersionSchema,
    identical: z.boolean(),
    differences: z.array(FieldDifferenceSchema).readonly(),
  })
  .readonly();
export type ReportComparison = z.infer<typeof ReportComparisonSchema>;

/** Socket event `election-night:district` (office): state and versions only, never numbers. */
export const DistrictStatusEventSchema = z
  .object({
    electionId: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    state: DistrictStateSchema,
    currentVersion: z.number(),
    countedVersion: z.number().nullable(),
    updatedAt: z.string(),
  })
  .readonly();
export type DistrictStatusEvent = z.infer<typeof DistrictStatusEventSchema>;
