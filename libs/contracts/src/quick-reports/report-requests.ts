import { contestCountsSchema } from '@wahl/domain';
import { z } from 'zod';
import { hasNoNul as noNul, NUL_MESSAGE } from '../common/text';

// Request bodies of the report routes. Numbers are checked for shape only; integer and sign rules
// are plausibility rule P6, answered with the rule id and the field.
const count = z.number().finite();
const PLAUSIBILITY_RULES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11', 'P12'] as const;

export const confirmationSchema = z.strictObject({
  rule: z.enum(PLAUSIBILITY_RULES),
  comment: z.string().trim().min(3, 'Bitte begründen Sie die Bestätigung (mindestens 3 Zeichen).').max(1000).refine(noNul, NUL_MESSAGE),
});

const reportFields = {
  /** Optional: the district's number or id; must match the path. */
  districtId: z.string().min(1).optional(),
  /** Optional: taken from the election; a different kind is rule P9. */
  districtKind: z.enum(['polling', 'postal']).optional(),
  A: count.nullable().optional(),
  A1: count.nullable().optional(),
  A2: count.nullable().optional(),
  A3: count.nullable().optional(),
  B: count,
  B1: count,
  contests: z.array(contestCountsSchema).max(20),
  markedCount: count.nullable().optional(),
  comment: z.string().max(2000).refine(noNul, NUL_MESSAGE).nullable().optional(),
  /** The version the entry is based on (0 before the first); alternatively the If-Match header. */
  expectedVersion: z.number().int().min(0).optional(),
  /** One comment per warning rule (P3, P7, P8) that the entering person confirms. */
  confirmations: z.array(confirmationSchema).max(PLAUSIBILITY_RULES.length).default([]),
};

export const submitReportSchema = z.strictObject(reportFields);
export type ReportBody = z.infer<typeof submitReportSchema>;

export const correctReportSchema = z.strictObject({
  ...reportFields,
  reason: z.string().trim().min(5, 'Bitte begründen Sie die Korrektur (mindestens 5 Zeichen).').max(2000).refine(noNul, NUL_MESSAGE),
});
export type CorrectionBody = z.infer<typeof correctReportSchema>;

export const rejectReportSchema = z.strictObject({
  reason: z.string().trim().min(5, 'Bitte begründen Sie die Zurückweisung (mindestens 5 Zeichen).').max(2000).refine(noNul, NUL_MESSAGE),
});

// An approval needs no body; an empty request body arrives as undefined.
export const approveReportSchema = z.preprocess(
  (body) => body ?? {},
  z.strictObject({ comment: z.string().trim().max(1000).refine(noNul, NUL_MESSAGE).optional() }),
);

/** `POST …/reports/check-code`: the code the board read out by phone (R7.16); spaces and dashes as read out are ignored. */
export const checkCodeSchema = z.strictObject({
  code: z
    .string()
    .transform((code) => code.replace(/[\s-]/gu, ''))
    .pipe(z.string().regex(/^[0-9]{4}$/u, 'Der Prüfcode hat vier Ziffern.')),
});
export type CheckCodeRequest = z.input<typeof checkCodeSchema>;

/** What a client sends to submit a report (before defaults): the web apps build this. */
export type ReportRequest = z.input<typeof submitReportSchema>;
/** What a client sends to correct a counted report. */
export type CorrectionRequest = z.input<typeof correctReportSchema>;
export type RejectionRequest = z.input<typeof rejectReportSchema>;
