import type { ListId } from '../seat-allocation/seat-allocation.types';
import {
  DEFAULT_COUNCIL_POLICY,
  type CandidateId,
  type ChangedBallotEvaluation,
  type ChangedCouncilBallot,
  type CouncilContest,
  type CouncilEntryError,
  type CouncilPolicy,
} from './council.types';

/** Lookups over a contest, built once and reused for every ballot of a batch. */
export type CouncilContestIndex = {
  readonly contest: CouncilContest;
  readonly lists: ReadonlySet<ListId>;
  /** Candidate → its list. */
  readonly candidateList: ReadonlyMap<CandidateId, ListId>;
};

export function indexCouncilContest(contest: CouncilContest): CouncilContestIndex {
  const candidateList = new Map<CandidateId, ListId>();
  for (const list of contest.lists) for (const candidate of list.candidates) candidateList.set(candidate, list.id);
  return { contest, lists: new Set(contest.lists.map((list) => list.id)), candidateList };
}

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Entry mistakes on one changed ballot: unknown list or candidate, a candidate twice, votes not a positive whole number. */
export function changedBallotEntryErrors(index: CouncilContestIndex, ballot: ChangedCouncilBallot, path: string): CouncilEntryError[] {
  const errors: CouncilEntryError[] = [];
  if (ballot.paper !== null && !index.lists.has(ballot.paper)) {
    errors.push({
      code: 'UNKNOWN_LIST',
      path: `${path}.paper`,
      message: `Den Wahlvorschlag „${ballot.paper}“ gibt es auf diesem Stimmzettel nicht.`,
    });
  }
  const seen = new Set<CandidateId>();
  ballot.marks.forEach((mark, m) => {
    const at = `${path}.marks[${m}]`;
    if (!index.candidateList.has(mark.candidate)) {
      errors.push({
        code: 'UNKNOWN_CANDIDATE',
        path: `${at}.candidate`,
        message: `Die Bewerberin oder den Bewerber „${mark.candidate}“ gibt es auf diesem Stimmzettel nicht.`,
      });
    } else if (seen.has(mark.candidate)) {
      errors.push({
        code: 'DUPLICATE_CANDIDATE',
        path: `${at}.candidate`,
        message: `„${mark.candidate}“ ist auf diesem Stimmzettel mehrfach erfasst; bitte die Stimmen zusammen eintragen.`,
      });
    }
    seen.add(mark.candidate);
    if (!isPositiveInteger(mark.votes)) {
      errors.push({ code: 'INVALID_COUNT', path: `${at}.votes`, message: 'Die Stimmenzahl muss eine ganze Zahl größer als 0 sein.' });
    }
  });
  return errors;
}

/**
 * Judges one changed ballot whose entry is free of mistakes (see changedBallotEntryErrors).
 * Only marked candidates get votes (positive marking, R5.4, KomWG § 19); candidates of any list may be
 * marked (R5.3). R5.5: more votes in total than seats → invalid; the total is taken as marked, i.e.
 * before any excess for a single candidate is voided (the voter gave more votes than they have).
 * More than the maximum for one candidate (R5.2) follows `policy.excessVotesPerCandidate`.
 */
export function evaluateChangedBallot(
  index: CouncilContestIndex,
  ballot: ChangedCouncilBallot,
  policy: CouncilPolicy = DEFAULT_COUNCIL_POLICY,
): ChangedBallotEvaluation {
  const { seats, maxVotesPerCandidate } = index.contest;
  let marked = 0;
  let excess = 0;
  for (const mark of ballot.marks) {
    marked += mark.votes;
    if (mark.votes > maxVotesPerCandidate) excess += mark.votes - maxVotesPerCandidate;
  }
  if (marked === 0) return { valid: false, reason: 'no-votes' };
  if (marked > seats) return { valid: false, reason: 'too-many-votes' };
  if (excess > 0 && policy.excessVotesPerCandidate === 'invalidate-ballot') return { valid: false, reason: 'too-many-for-candidate' };
  const votes = new Map<CandidateId, number>();
  for (const mark of ballot.marks) votes.set(mark.candidate, Math.min(mark.votes, maxVotesPerCandidate));
  return { valid: true, votes, voidVotes: excess };
}
