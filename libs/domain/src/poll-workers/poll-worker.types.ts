// The vocabulary of poll-worker management (Wahlhelfer, DOMAIN.md 7.1, 7.6): shared by the API's
// tables, the contracts and the assignment proposal.
import type { BoardRole } from '../polling-day/board-quorum';

/** How the office got to know the person (R7.17). */
export const POLL_WORKER_SOURCES = ['sign-up', 'office', 'import', 'earlier-election'] as const;
export type PollWorkerSource = (typeof POLL_WORKER_SOURCES)[number];

/**
 * Board members must be eligible voters (BWahlG § 9(2) S. 1; BW Kommunal: KomWG § 14(1)). `register`:
 * found eligible in the election's register import; `declared`: lives outside the municipality and
 * declared eligibility; `ineligible`: not eligible, with a reason.
 */
export const ELIGIBILITY_STATES = ['unchecked', 'register', 'declared', 'ineligible'] as const;
export type EligibilityState = (typeof ELIGIBILITY_STATES)[number];

/**
 * Why a person cannot serve as a member: not in the roll though living in the municipality, too young
 * on election day (R1.5), declared not eligible (BWahlG § 9(2)), or a candidate or Vertrauensperson (§ 9(3), R7.3).
 */
export const POLL_WORKER_INELIGIBILITY_REASONS = ['not-in-roll', 'under-age', 'declared-not-eligible', 'candidate'] as const;
export type PollWorkerIneligibilityReason = (typeof POLL_WORKER_INELIGIBILITY_REASONS)[number];

/** Important reasons to refuse the honorary office (BWahlG § 11(1); BWO § 9; R7.4). */
export const REFUSAL_GROUNDS = [
  'government-member',
  'parliament-member',
  'age',
  'family-care',
  'urgent-work',
  'illness',
  'other-important',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** When a person can serve on election day. `count`: only from 18:00 for the count. */
export const AVAILABILITIES = ['all-day', 'morning', 'afternoon', 'count'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** The function of a seat; the same roles as the board's roster on the day (BWO § 6(2),(4)). */
export type BoardFunction = BoardRole;

/**
 * A seat's assignment: `proposed` by the office (or the proposal), `appointed` (letter sent),
 * `confirmed` by the person, `refused` (with a ground), `replaced` by a substitute (R7.6).
 */
export const ASSIGNMENT_STATES = ['proposed', 'appointed', 'confirmed', 'refused', 'replaced'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** States that hold a seat; a refused or replaced assignment frees it. */
export const ACTIVE_ASSIGNMENT_STATES = ['proposed', 'appointed', 'confirmed'] as const satisfies readonly AssignmentState[];
