import { DEADLINE_KEYS, ELECTION_KINDS } from '@wahl/domain';
import { z } from 'zod';

// What the office sees of an election without loading the whole document (GET /api/elections …).

export const ElectionKindSchema = z.enum(ELECTION_KINDS);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Derived from kind and day (R0.1) with the document's overrides applied. */
export const ElectionDeadlinesSchema = z
  .object({
    rollCutoffDay: isoDay,
    cardDeadline: isoDay,
    inspectionStart: isoDay,
    inspectionEnd: isoDay,
    applicationDeadline: isoDay,
    rollClosingEarliest: isoDay,
    rollClosingLatest: isoDay,
    postalApplicationDeadline: isoDay,
  })
  .readonly();

/** How many rows of each kind the stored definition has. */
export const ElectionCountsSchema = z
  .object({
    /** Stadtbezirke and Stadtteile (optional level between municipality and districts). */
    areas: z.number().int(),
    pollingStations: z.number().int(),
    pollingDistricts: z.number().int(),
    postalDistricts: z.number().int(),
    contests: z.number().int(),
    lists: z.number().int(),
    candidates: z.number().int(),
    streets: z.number().int(),
    streetSegments: z.number().int(),
    previousResults: z.number().int(),
  })
  .readonly();
export type ElectionCounts = z.infer<typeof ElectionCountsSchema>;

export const ElectionSummarySchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    kind: ElectionKindSchema,
    name: z.string(),
    electionDay: isoDay,
    municipality: z.object({ ags: z.string(), name: z.string() }).readonly(),
    constituency: z.object({ number: z.string(), name: z.string() }).readonly().nullable(),
    deadlines: ElectionDeadlinesSchema,
    /** Which of the deadlines the document overrides. */
    overriddenDeadlines: z.array(z.enum(DEADLINE_KEYS)).readonly(),
    counts: ElectionCountsSchema,
    /** ISO instant. */
    createdAt: z.string(),
  })
  .readonly();
export type ElectionSummary = z.infer<typeof ElectionSummarySchema>;

export const ElectionSummaryListSchema = z.array(ElectionSummarySchema);

/** The answer to importing a definition (POST /api/elections): the stored election. */
export const ElectionIdSchema = z.object({ id: z.string() }).readonly();
