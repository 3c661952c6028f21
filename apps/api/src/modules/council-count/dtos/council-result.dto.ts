import type { CouncilCandidate, CouncilListResult, CouncilResult, PublicCouncilContestResult } from '@wahl/contracts';
import {
  allocateCouncilSeats,
  DEFAULT_COUNCIL_POLICY,
  emptyCouncilTally,
  indexCouncilContest,
  type CouncilAllocationError,
  type CouncilAllocation,
  type CouncilContest,
  type CouncilContestIndex,
  type CouncilPolicy,
  type CouncilTally,
} from '@wahl/domain';
import type { ContestSums, StoredCouncilContest, StoredCouncilList } from '../council-count.repository';

/**
 * A stored contest with the domain's view of it. The domain names lists by their document key and
 * candidates as `<list key>#<list place>`, so its messages read like the ballot paper; the maps
 * translate to and from database ids.
 */
export type CouncilContestView = {
  readonly stored: StoredCouncilContest;
  readonly index: CouncilContestIndex;
  readonly listByKey: ReadonlyMap<string, StoredCouncilList>;
  readonly candidateByKey: ReadonlyMap<string, { readonly id: string; readonly position: number; readonly name: string }>;
  readonly candidateKeyById: ReadonlyMap<string, string>;
  readonly listKeyById: ReadonlyMap<string, string>;
};

export const candidateKey = (listKey: string, position: number): string => `${listKey}#${position}`;

export function toContestView(stored: StoredCouncilContest): CouncilContestView {
  const contest: CouncilContest = {
    seats: stored.seats ?? stored.votesPerBallot,
    maxVotesPerCandidate: stored.maxVotesPerCandidate,
    lists: stored.lists.map((list) => ({ id: list.key, candidates: list.candidates.map((c) => candidateKey(list.key, c.position)) })),
  };
  const candidateByKey = new Map<string, { id: string; position: number; name: string }>();
  const candidateKeyById = new Map<string, string>();
  for (const list of stored.lists) {
    for (const c of list.candidates) {
      candidateByKey.set(candidateKey(list.key, c.position), c);
      candidateKeyById.set(c.id, candidateKey(list.key, c.position));
    }
  }
  return {
    stored,
    index: indexCouncilContest(contest),
    listByKey: new Map(stored.lists.map((list) => [list.key, list])),
    candidateByKey,
    candidateKeyById,
    listKeyById: new Map(stored.lists.map((list) => [list.id, list.key])),
  };
}

/** The stored sums as a domain tally keyed like the domain contest. */
export function sumsToTally(view: CouncilContestView, sums: ContestSums): CouncilTally {
  const empty = emptyCouncilTally(view.index.contest);
  const papers = { ...empty.papers };
  for (const [listId, counts] of sums.papers) {
    const key = view.listKeyById.get(listId);
    if (key !== undefined) papers[key] = counts;
  }
  const candidateVotes = { ...empty.candidateVotes };
  for (const [candidateId, votes] of sums.votes) {
    const key = view.candidateKeyById.get(candidateId);
    if (key !== undefined) candidateVotes[key] = votes;
  }
  return {
    ballots: sums.ballots,
    validBallots: sums.validBallots,
    invalidBallots: {
      'too-many-votes': sums.invalid.tooManyVotes,
      'too-many-for-candidate': sums.invalid.tooManyForCandidate,
      'no-votes': sums.invalid.noVotes,
      rejected: sums.invalid.rejected,
    },
    blankPaperBallots: sums.blankPaperBallots,
    papers,
    candidateVotes,
    voidVotes: sums.voidVotes,
    lostVotes: sums.lostVotes,
  };
}

const PROVISIONAL_NOTICE =
  'Vorläufiges Ergebnis: Die Auszählung ist nicht abgeschlossen; Stimmen, Sitze und Gewählte können sich noch ändern.';
const FINAL_NOTICE = 'Endgültiges Ergebnis, vom Wahlamt festgestellt.';

export type ResultInput = {
  readonly view: CouncilContestView;
  readonly sums: ContestSums;
  readonly policy?: CouncilPolicy;
  readonly lots?: readonly string[];
  /** Set when this result is being declared final. */
  readonly declaredAt?: Date;
};

export type ResultComputation =
  | { readonly ok: true; readonly dto: CouncilResult; readonly allocation: CouncilAllocation | null }
  | { readonly ok: false; readonly errors: readonly CouncilAllocationError[] };

/** Counts and seats of a contest from its stored sums (R5.6–R5.8). */
export function computeCouncilResult(input: ResultInput): ResultComputation {
  const { view, sums } = input;
  const policy = input.policy ?? DEFAULT_COUNCIL_POLICY;
  const tally = sumsToTally(view, sums);
  const allocation = allocateCouncilSeats({
    contest: view.index.contest,
    candidateVotes: tally.candidateVotes,
    policy,
    ...(input.lots ? { lots: input.lots } : {}),
  });
  // Without any vote there is nothing to allocate yet; any other error is the caller's lots.
  const noVotes = !allocation.ok && allocation.error.every((e) => e.code === 'NO_VOTES');
  if (!allocation.ok && !noVotes) return { ok: false, errors: allocation.error };
  const allocated = allocation.ok ? allocation.value : null;

  const candidate = (key: string): CouncilCandidate => {
    const c = view.candidateByKey.get(key)!;
    return { position: c.position, name: c.name, votes: tally.candidateVotes[key] ?? 0 };
  };
  const lists = view.stored.lists.map((list, i): CouncilListResult => {
    const r = allocated?.lists[i];
    const papers = tally.papers[list.key] ?? { unchangedBallots: 0, changedBallots: 0 };
    return {
      id: list.key,
      ballotPosition: list.ballotPosition,
      shortName: list.shortName,
      name: list.name,
      color: list.color,
      votes: list.candidates.reduce((sum, c) => sum + (tally.candidateVotes[candidateKey(list.key, c.position)] ?? 0), 0),
      unchangedBallots: papers.unchangedBallots,
      changedBallots: papers.changedBallots,
      seats: r?.seats ?? 0,
      unfilledSeats: r?.unfilledSeats ?? 0,
      elected: (r?.elected ?? []).map(candidate),
      substitutes: (r?.substitutes ?? []).map(candidate),
      lotRequired: r?.lotRequired
        ? { positions: r.lotRequired.candidates.map((key) => view.candidateByKey.get(key)!.position), seatsLeft: r.lotRequired.seatsLeft }
        : null,
    };
  });
  const final = input.declaredAt !== undefined;
  const invalid = sums.invalid;
  const dto: CouncilResult = {
    electionId: view.stored.electionId,
    electionName: view.stored.electionName,
    contest: {
      id: view.stored.key,
      name: view.stored.name,
      seats: view.index.contest.seats,
      votesPerBallot: view.stored.votesPerBallot,
      maxVotesPerCandidate: view.stored.maxVotesPerCandidate,
    },
    status: final ? 'final' : 'provisional',
    final,
    declaredAt: input.declaredAt?.toISOString() ?? null,
    notice: final ? FINAL_NOTICE : PROVISIONAL_NOTICE,
    rules: { seatMethod: 'sainte-lague', ...policy },
    batches: sums.batches,
    ballots: {
      total: sums.ballots,
      valid: sums.validBallots,
      invalid: invalid.tooManyVotes + invalid.tooManyForCandidate + invalid.noVotes + invalid.rejected,
      invalidByReason: invalid,
      blankPaper: sums.blankPaperBallots,
    },
    votes: { valid: Object.values(tally.candidateVotes).reduce((a, b) => a + b, 0), void: sums.voidVotes, lost: sums.lostVotes },
    seatsAllocated: allocated !== null,
    lists,
    lotRequired: allocated?.lotRequired ? { lists: allocated.lotRequired.lists, seatsLeft: allocated.lotRequired.seatsLeft } : null,
    lots: input.lots ?? null,
  };
  return { ok: true, dto, allocation: allocated };
}

/** What anyone may read: aggregates only, nothing about batches or teams (R8.5). */
export function toPublicResult(dto: CouncilResult): PublicCouncilContestResult {
  const { batches: _batches, ...rest } = dto;
  return rest;
}
