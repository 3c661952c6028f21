import { err, ok } from '../result';
import type { ListId } from '../seat-allocation/seat-allocation.types';
import { changedBallotEntryErrors, evaluateChangedBallot, indexCouncilContest, type CouncilContestIndex } from './council-ballot';
import {
  DEFAULT_COUNCIL_POLICY,
  INVALID_BALLOT_REASONS,
  type CandidateId,
  type CouncilBatch,
  type CouncilContest,
  type CouncilEntryError,
  type CouncilPaperCounts,
  type CouncilPolicy,
  type CouncilTally,
  type CouncilTallyResult,
  type InvalidBallotReason,
} from './council.types';

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const noInvalid = (): Record<InvalidBallotReason, number> =>
  Object.fromEntries(INVALID_BALLOT_REASONS.map((reason) => [reason, 0])) as Record<InvalidBallotReason, number>;

/** The tally of no ballots: every list and candidate present with 0. */
export function emptyCouncilTally(contest: CouncilContest): CouncilTally {
  return {
    ballots: 0,
    validBallots: 0,
    invalidBallots: noInvalid(),
    blankPaperBallots: 0,
    papers: Object.fromEntries(contest.lists.map((list) => [list.id, { unchangedBallots: 0, changedBallots: 0 }])),
    candidateVotes: Object.fromEntries(contest.lists.flatMap((list) => list.candidates.map((candidate) => [candidate, 0]))),
    voidVotes: 0,
    lostVotes: 0,
  };
}

const addRecords = <K extends string>(a: Readonly<Record<K, number>>, b: Readonly<Record<K, number>>): Record<K, number> => {
  const sum: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b) as [string, number][]) sum[key] = (sum[key] ?? 0) + value;
  return sum as Record<K, number>;
};

/** Field-by-field sum: counting teams' batches combine in any order (R5.6). */
export function mergeCouncilTallies(a: CouncilTally, b: CouncilTally): CouncilTally {
  const papers: Record<ListId, CouncilPaperCounts> = { ...a.papers };
  for (const [list, counts] of Object.entries(b.papers)) {
    const before = papers[list] ?? { unchangedBallots: 0, changedBallots: 0 };
    papers[list] = {
      unchangedBallots: before.unchangedBallots + counts.unchangedBallots,
      changedBallots: before.changedBallots + counts.changedBallots,
    };
  }
  return {
    ballots: a.ballots + b.ballots,
    validBallots: a.validBallots + b.validBallots,
    invalidBallots: addRecords(a.invalidBallots, b.invalidBallots),
    blankPaperBallots: a.blankPaperBallots + b.blankPaperBallots,
    papers,
    candidateVotes: addRecords(a.candidateVotes, b.candidateVotes),
    voidVotes: a.voidVotes + b.voidVotes,
    lostVotes: a.lostVotes + b.lostVotes,
  };
}

function batchEntryErrors(index: CouncilContestIndex, batch: CouncilBatch): CouncilEntryError[] {
  const errors: CouncilEntryError[] = [];
  for (const [list, count] of Object.entries(batch.unchanged)) {
    if (!index.lists.has(list)) {
      errors.push({
        code: 'UNKNOWN_LIST',
        path: `$.unchanged.${list}`,
        message: `Den Wahlvorschlag „${list}“ gibt es auf diesem Stimmzettel nicht.`,
      });
    } else if (!isCount(count)) {
      errors.push({
        code: 'INVALID_COUNT',
        path: `$.unchanged.${list}`,
        message: 'Die Zahl der unveränderten Stimmzettel muss eine ganze Zahl größer oder gleich 0 sein.',
      });
    }
  }
  batch.changed.forEach((ballot, b) => errors.push(...changedBallotEntryErrors(index, ballot, `$.changed[${b}]`)));
  if (!isCount(batch.rejected)) {
    errors.push({
      code: 'INVALID_COUNT',
      path: '$.rejected',
      message: 'Die Zahl der zurückgewiesenen Stimmzettel muss eine ganze Zahl größer oder gleich 0 sein.',
    });
  }
  return errors;
}

/**
 * Counts one batch (R5.6). An unchanged list ballot gives one vote to each of the list's candidates
 * top-down up to the number of seats; with fewer candidates the surplus votes are lost (R5.4).
 * Changed ballots are judged one by one (evaluateChangedBallot). Panached votes stay with the
 * candidate, and so with the candidate's list; the ballot itself counts for the paper's list.
 * Entry mistakes make the whole batch an error: nothing of it is counted.
 */
export function tallyCouncilBatch(
  contest: CouncilContest | CouncilContestIndex,
  batch: CouncilBatch,
  policy: CouncilPolicy = DEFAULT_COUNCIL_POLICY,
): CouncilTallyResult {
  const index = 'candidateList' in contest ? contest : indexCouncilContest(contest);
  const errors = batchEntryErrors(index, batch);
  if (errors.length) return err(errors);
  const { seats } = index.contest;

  const invalid = noInvalid();
  invalid.rejected = batch.rejected;
  const papers = new Map<ListId, { unchangedBallots: number; changedBallots: number }>(
    index.contest.lists.map((list) => [list.id, { unchangedBallots: 0, changedBallots: 0 }]),
  );
  const votes = new Map<CandidateId, number>();
  for (const list of index.contest.lists) for (const candidate of list.candidates) votes.set(candidate, 0);
  let validBallots = 0;
  let blankPaperBallots = 0;
  let voidVotes = 0;
  let lostVotes = 0;

  for (const list of index.contest.lists) {
    const count = batch.unchanged[list.id] ?? 0;
    if (count === 0) continue;
    papers.get(list.id)!.unchangedBallots += count;
    validBallots += count;
    const receiving = list.candidates.slice(0, seats);
    for (const candidate of receiving) votes.set(candidate, votes.get(candidate)! + count);
    lostVotes += (seats - receiving.length) * count;
  }

  for (const ballot of batch.changed) {
    const judged = evaluateChangedBallot(index, ballot, policy);
    if (!judged.valid) {
      invalid[judged.reason] += 1;
      continue;
    }
    validBallots += 1;
    voidVotes += judged.voidVotes;
    if (ballot.paper === null) blankPaperBallots += 1;
    else papers.get(ballot.paper)!.changedBallots += 1;
    for (const [candidate, given] of judged.votes) votes.set(candidate, votes.get(candidate)! + given);
  }

  const invalidCount = INVALID_BALLOT_REASONS.reduce((sum, reason) => sum + invalid[reason], 0);
  return ok({
    ballots: validBallots + invalidCount,
    validBallots,
    invalidBallots: invalid,
    blankPaperBallots,
    papers: Object.fromEntries(papers),
    candidateVotes: Object.fromEntries(votes),
    voidVotes,
    lostVotes,
  });
}

/** List total = sum of the votes of all its candidates (R5.6), for every list of the contest. */
export function councilListVotes(contest: CouncilContest, candidateVotes: Readonly<Record<CandidateId, number>>): Record<ListId, number> {
  return Object.fromEntries(
    contest.lists.map((list) => [list.id, list.candidates.reduce((sum, candidate) => sum + (candidateVotes[candidate] ?? 0), 0)]),
  );
}

/** Number of ballots a tally holds that the law counts as invalid (R5.6 "C"). */
export const invalidBallotCount = (tally: CouncilTally): number =>
  INVALID_BALLOT_REASONS.reduce((sum, reason) => sum + tally.invalidBallots[reason], 0);
