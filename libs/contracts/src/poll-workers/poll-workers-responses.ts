import {
  ASSIGNMENT_STATES,
  AVAILABILITIES,
  BOARD_ROLES,
  ELIGIBILITY_STATES,
  POLL_WORKER_INELIGIBILITY_REASONS,
  POLL_WORKER_SOURCES,
  REFUSAL_GROUNDS,
} from '@wahl/domain';
import { z } from 'zod';
import { ImportProblemSchema } from '../elections/definition-import';

// What the office sees of poll workers (issue #14). Never public: every route is office-only.

const functionSchema = z.enum(BOARD_ROLES);

export const AssignmentSummarySchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    districtId: z.string().nullable(),
    districtNumber: z.string().nullable(),
    function: functionSchema,
    state: z.enum(ASSIGNMENT_STATES),
    refusalGround: z.enum(REFUSAL_GROUNDS).nullable(),
    replacesId: z.string().nullable(),
    stateChangedAt: z.string(),
  })
  .readonly();
export type AssignmentSummary = z.infer<typeof AssignmentSummarySchema>;

export const PollWorkerRowSchema = z
  .object({
    id: z.string(),
    familyName: z.string(),
    givenNames: z.string(),
    birthDate: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    source: z.enum(POLL_WORKER_SOURCES),
    keepForNextElection: z.boolean(),
    chairExperience: z.boolean(),
    appointmentsCount: z.number().int(),
    note: z.string(),
    /** This election's pool entry; null when the person is known from earlier elections only. */
    pool: z
      .object({
        eligibility: z.enum(ELIGIBILITY_STATES),
        ineligibilityReason: z.enum(POLL_WORKER_INELIGIBILITY_REASONS).nullable(),
        homeDistrictId: z.string().nullable(),
        availability: z.enum(AVAILABILITIES),
        wishDistrictId: z.string().nullable(),
        wishColleagueId: z.string().nullable(),
        wishColleagueName: z.string(),
        wishFunction: functionSchema.nullable(),
      })
      .readonly()
      .nullable(),
    /** The active assignment at this election, if any. */
    assignment: AssignmentSummarySchema.nullable(),
  })
  .readonly();
export type PollWorkerRow = z.infer<typeof PollWorkerRowSchema>;

export const PollWorkerListSchema = z
  .object({
    rows: z.array(PollWorkerRowSchema).readonly(),
    /** All matching rows; `rows` holds at most the first 500. */
    total: z.number().int(),
  })
  .readonly();
export type PollWorkerList = z.infer<typeof PollWorkerListSchema>;

/** Same name and birth date, or same e-mail (issue #14): shown to merge by hand. */
export const DuplicateGroupSchema = z
  .object({
    reason: z.enum(['name-and-birth-date', 'email']),
    personIds: z.array(z.string()).readonly(),
    names: z.array(z.string()).readonly(),
  })
  .readonly();
export const DuplicatesSchema = z.object({ groups: z.array(DuplicateGroupSchema).readonly() }).readonly();
export type DuplicateGroup = z.infer<typeof DuplicateGroupSchema>;
export type Duplicates = z.infer<typeof DuplicatesSchema>;

export const PollWorkerImportPreviewSchema = z
  .object({
    rows: z.number().int(),
    /** A few names of the list, for the office to recognise it. */
    samples: z.array(z.string()).readonly(),
    /** Rows that match a person already known (same name and birth date or e-mail): updated, not doubled. */
    known: z.number().int(),
    problems: z.array(ImportProblemSchema).readonly(),
    canApply: z.boolean(),
  })
  .readonly();
export type PollWorkerImportPreview = z.infer<typeof PollWorkerImportPreviewSchema>;

export const PollWorkerImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() }).readonly();
export type PollWorkerImportResult = z.infer<typeof PollWorkerImportResultSchema>;

export const AskEarlierResultSchema = z.object({ added: z.number().int() }).readonly();
export type AskEarlierResult = z.infer<typeof AskEarlierResultSchema>;

/** One function of a district's board: how many seats, who holds them. */
export const BoardSeatsSchema = z
  .object({
    function: functionSchema,
    needed: z.number().int(),
    assignments: z.array(AssignmentSummarySchema).readonly(),
  })
  .readonly();

export const DistrictBoardSchema = z
  .object({
    districtId: z.string(),
    number: z.string(),
    name: z.string(),
    kind: z.enum(['polling', 'postal']),
    /** The polling station ("name, address"); null when none is set (postal boards). */
    station: z.string().nullable(),
    seats: z.array(BoardSeatsSchema).readonly(),
    /** Refusals whose seat is still a gap and has no substitute yet, to name one (R7.6). */
    refused: z.array(AssignmentSummarySchema).readonly(),
    /** Seats without an active assignment. */
    gaps: z.number().int(),
    /** Active assignments not yet confirmed by the person. */
    unconfirmed: z.number().int(),
  })
  .readonly();
export type DistrictBoard = z.infer<typeof DistrictBoardSchema>;

export const AssignmentOverviewSchema = z
  .object({
    boards: z.array(DistrictBoardSchema).readonly(),
    reserve: z.array(AssignmentSummarySchema).readonly(),
    totals: z
      .object({
        seats: z.number().int(),
        filled: z.number().int(),
        confirmed: z.number().int(),
        gaps: z.number().int(),
        /** Eligible people in the pool without a seat or reserve place. */
        available: z.number().int(),
      })
      .readonly(),
  })
  .readonly();
export type AssignmentOverview = z.infer<typeof AssignmentOverviewSchema>;

export const ProposalResultSchema = z
  .object({
    proposed: z.number().int(),
    /** Seats the proposal could not fill, per district and function. */
    gaps: z
      .array(
        z.object({ districtId: z.string(), districtNumber: z.string(), function: functionSchema, missing: z.number().int() }).readonly(),
      )
      .readonly(),
  })
  .readonly();
export type ProposalResult = z.infer<typeof ProposalResultSchema>;

/** The public sign-up answers the same whether the person was known or not (no existence leak). */
export const PollWorkerSignUpReceiptSchema = z.object({ received: z.literal(true) }).readonly();
export type PollWorkerSignUpReceipt = z.infer<typeof PollWorkerSignUpReceiptSchema>;

/** What the public sign-up page shows about the election (no personal data). */
export const PollWorkerSignUpInfoSchema = z
  .object({ electionName: z.string(), electionDay: z.string(), municipalityName: z.string() })
  .readonly();
export type PollWorkerSignUpInfo = z.infer<typeof PollWorkerSignUpInfoSchema>;

/**
 * The appointed members of one district's board, for its roster on the day (DOMAIN.md 7.1): names
 * and functions only; the board and the office see it, nobody else.
 */
export const BoardRosterSchema = z
  .object({
    members: z.array(z.object({ name: z.string(), function: functionSchema, confirmed: z.boolean() }).readonly()).readonly(),
  })
  .readonly();
export type BoardRoster = z.infer<typeof BoardRosterSchema>;
