import { err, ok, type Result } from '../result';
import { allocateSeats } from '../seat-allocation/seat-allocation';
import type { ListId, SeatAllocationError } from '../seat-allocation/seat-allocation.types';
import { councilListVotes } from './council-tally';
import {
  DEFAULT_COUNCIL_POLICY,
  type CandidateId,
  type CandidateLotRequired,
  type CouncilAllocation,
  type CouncilAllocationInput,
  type CouncilList,
  type CouncilListResult,
  type CouncilPolicy,
} from './council.types';

export type CouncilAllocationError =
  SeatAllocationError | { readonly code: 'INVALID_CANDIDATE_LOTS'; readonly path: string; readonly message: string };

export type CouncilAllocationResult = Result<CouncilAllocation, readonly CouncilAllocationError[]>;

type Ranked = { readonly id: CandidateId; readonly votes: number };

/** Most votes first; equal votes in list order (the array is in list order and the sort is stable). */
function rankByVotes(list: CouncilList, votes: Readonly<Record<CandidateId, number>>): Ranked[] {
  return list.candidates.map((id) => ({ id, votes: votes[id] ?? 0 })).sort((a, b) => b.votes - a.votes);
}

type Unterverteilung = Omit<CouncilListResult, 'list' | 'votes' | 'seats'>;

/**
 * R5.8 (KomWG § 26): the list's seats go to its candidates with the most votes; the rest become
 * substitutes in order of votes. Equal votes at the list's last seat [UNCERTAIN in DOMAIN.md]:
 * `list-order` (default) elects the candidate higher on the list; `lot` reports the tie and
 * completes it with the recorded winners. Substitutes with equal votes always keep list order.
 * More seats than candidates: every candidate is elected, the remaining seats stay unfilled.
 */
function distributeInList(
  list: CouncilList,
  seats: number,
  votes: Readonly<Record<CandidateId, number>>,
  policy: CouncilPolicy,
  lots: readonly CandidateId[] | undefined,
  errors: CouncilAllocationError[],
): Unterverteilung {
  const ranked = rankByVotes(list, votes);
  const filled = Math.min(seats, ranked.length);
  const unfilledSeats = seats - filled;
  const byVotes = ranked.map((r) => r.id);
  const plain = { elected: byVotes.slice(0, filled), substitutes: byVotes.slice(filled), unfilledSeats, lotRequired: null };
  const lotPath = `$.candidateLots.${list.id}`;

  const cutVotes = filled > 0 && filled < ranked.length ? ranked[filled - 1]!.votes : null;
  const tied = cutVotes !== null && ranked[filled]!.votes === cutVotes;
  if (policy.candidateTie === 'list-order' || !tied) {
    if (lots !== undefined)
      errors.push({
        code: 'INVALID_CANDIDATE_LOTS',
        path: lotPath,
        message: 'Für diesen Wahlvorschlag ist kein Losentscheid erforderlich.',
      });
    return plain;
  }

  const sure = ranked.filter((r) => r.votes > cutVotes).map((r) => r.id);
  const group = ranked.filter((r) => r.votes === cutVotes).map((r) => r.id);
  const lotRequired: CandidateLotRequired = { list: list.id, candidates: group, seatsLeft: filled - sure.length };
  if (lots === undefined) {
    const below = ranked.filter((r) => r.votes < cutVotes).map((r) => r.id);
    return { elected: sure, substitutes: [...group, ...below], unfilledSeats, lotRequired };
  }
  const seen = new Set<CandidateId>();
  lots.forEach((id, i) => {
    if (!group.includes(id))
      errors.push({
        code: 'INVALID_CANDIDATE_LOTS',
        path: `${lotPath}[${i}]`,
        message: `„${id}“ ist nicht am Stimmengleichstand um den letzten Sitz beteiligt.`,
      });
    else if (seen.has(id))
      errors.push({ code: 'INVALID_CANDIDATE_LOTS', path: `${lotPath}[${i}]`, message: `„${id}“ ist im Losentscheid mehrfach genannt.` });
    seen.add(id);
  });
  if (lots.length < lotRequired.seatsLeft) {
    errors.push({
      code: 'INVALID_CANDIDATE_LOTS',
      path: lotPath,
      message: `Der Losentscheid muss ${lotRequired.seatsLeft} Gewinner nennen, er nennt ${lots.length}.`,
    });
  }
  const winners = lots.slice(0, lotRequired.seatsLeft);
  const elected = [...sure, ...winners];
  const won = new Set(elected);
  return { elected, substitutes: byVotes.filter((id) => !won.has(id)), unfilledSeats, lotRequired: null };
}

/**
 * Seats of a council election: Oberverteilung of the seats to the lists by Sainte-Laguë/Schepers
 * over the list totals (R5.7, KomWG § 25(1); no threshold), then Unterverteilung inside each list to
 * its candidates by votes (R5.8). Lots are never drawn silently: a tie between lists is reported
 * as `lotRequired` (the tied lists' candidates then get only the certain seats), a tie inside a
 * list under policy `lot` as the list's `lotRequired`.
 */
export function allocateCouncilSeats(input: CouncilAllocationInput): CouncilAllocationResult {
  const policy = input.policy ?? DEFAULT_COUNCIL_POLICY;
  const { contest, candidateVotes } = input;
  const listVotes = councilListVotes(contest, candidateVotes);
  const upper = allocateSeats('sainte-lague', { seats: contest.seats, votes: listVotes, ...(input.lots ? { lots: input.lots } : {}) });
  if (!upper.ok) return err(upper.error);

  const errors: CouncilAllocationError[] = [];
  const known = new Set<ListId>(contest.lists.map((list) => list.id));
  for (const id of Object.keys(input.candidateLots ?? {})) {
    if (!known.has(id))
      errors.push({ code: 'INVALID_CANDIDATE_LOTS', path: `$.candidateLots.${id}`, message: `Den Wahlvorschlag „${id}“ gibt es nicht.` });
  }
  const lists = contest.lists.map((list): CouncilListResult => {
    const seats = upper.value.seats[list.id] ?? 0;
    const inner = distributeInList(list, seats, candidateVotes, policy, input.candidateLots?.[list.id], errors);
    return { list: list.id, votes: listVotes[list.id] ?? 0, seats, ...inner };
  });
  if (errors.length) return err(errors);
  return ok({ seats: contest.seats, lists, lotRequired: upper.value.lotRequired });
}
