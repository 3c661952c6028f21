import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCouncilSeats } from './council-seats';
import { councilListVotes, emptyCouncilTally, invalidBallotCount, mergeCouncilTallies, tallyCouncilBatch } from './council-tally';
import type { ChangedCouncilBallot, CouncilBatch, CouncilContest, CouncilTally } from './council.types';

// Small contests so that cumulation, splitting, over-voting and ties all come up often.
const contestArbitrary: fc.Arbitrary<CouncilContest> = fc
  .record({ seats: fc.integer({ min: 1, max: 9 }), sizes: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }) })
  .map(({ seats, sizes }) => ({
    seats,
    maxVotesPerCandidate: 3,
    // A list has at most as many candidates as seats (R5.4).
    lists: sizes.map((size, l) => ({ id: `L${l}`, candidates: Array.from({ length: size % (seats + 1) }, (_, c) => `L${l}c${c}`) })),
  }));

function ballotArbitrary(contest: CouncilContest): fc.Arbitrary<ChangedCouncilBallot> {
  const candidates = contest.lists.flatMap((list) => list.candidates);
  const paper = fc.option(fc.constantFrom(...contest.lists.map((list) => list.id)), { nil: null });
  const marks = candidates.length
    ? fc.uniqueArray(fc.record({ candidate: fc.constantFrom(...candidates), votes: fc.integer({ min: 1, max: 4 }) }), {
        selector: (m) => m.candidate,
        maxLength: 6,
      })
    : fc.constant([]);
  return fc.record({ paper, marks });
}

function batchArbitrary(contest: CouncilContest): fc.Arbitrary<CouncilBatch> {
  return fc.record({
    unchanged: fc.record(Object.fromEntries(contest.lists.map((list) => [list.id, fc.nat({ max: 5 })]))),
    changed: fc.array(ballotArbitrary(contest), { maxLength: 12 }),
    rejected: fc.nat({ max: 3 }),
  });
}

const caseArbitrary = contestArbitrary.chain((contest) =>
  fc.tuple(fc.constant(contest), fc.array(batchArbitrary(contest), { minLength: 1, maxLength: 4 })),
);

function tally(contest: CouncilContest, batch: CouncilBatch): CouncilTally {
  const result = tallyCouncilBatch(contest, batch);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

describe('council counting properties', () => {
  it('should give the same tally whatever way the ballots are split into batches and in whatever order they merge', () => {
    fc.assert(
      fc.property(caseArbitrary, ([contest, batches]) => {
        const whole: CouncilBatch = {
          unchanged: Object.fromEntries(contest.lists.map((list) => [list.id, sum(batches.map((b) => b.unchanged[list.id] ?? 0))])),
          changed: batches.flatMap((b) => b.changed),
          rejected: sum(batches.map((b) => b.rejected)),
        };
        const merged = batches.map((b) => tally(contest, b)).reduce(mergeCouncilTallies, emptyCouncilTally(contest));
        const reversed = [...batches]
          .reverse()
          .map((b) => tally(contest, b))
          .reduce(mergeCouncilTallies, emptyCouncilTally(contest));
        expect(merged).toEqual(tally(contest, whole));
        expect(reversed).toEqual(merged);
      }),
    );
  });

  it('should keep the count record consistent: ballots = valid + invalid, papers + blank = valid, votes + lost + void ≤ seats × valid', () => {
    fc.assert(
      fc.property(caseArbitrary, ([contest, batches]) => {
        for (const batch of batches) {
          const t = tally(contest, batch);
          expect(t.ballots).toBe(t.validBallots + invalidBallotCount(t));
          expect(t.ballots).toBe(sum(Object.values(batch.unchanged)) + batch.changed.length + batch.rejected);
          const papers = Object.values(t.papers);
          expect(sum(papers.map((p) => p.unchangedBallots + p.changedBallots)) + t.blankPaperBallots).toBe(t.validBallots);
          const votes = sum(Object.values(t.candidateVotes));
          expect(votes).toBe(sum(Object.values(councilListVotes(contest, t.candidateVotes))));
          expect(votes + t.lostVotes + t.voidVotes).toBeLessThanOrEqual(contest.seats * t.validBallots);
          for (const given of Object.values(t.candidateVotes))
            expect(given).toBeLessThanOrEqual(contest.maxVotesPerCandidate * t.validBallots);
        }
      }),
    );
  });

  it('should elect exactly the seats, partition every list into elected and substitutes, and never seat fewer votes over more', () => {
    fc.assert(
      fc.property(caseArbitrary, ([contest, batches]) => {
        const t = batches.map((b) => tally(contest, b)).reduce(mergeCouncilTallies, emptyCouncilTally(contest));
        const result = allocateCouncilSeats({ contest, candidateVotes: t.candidateVotes });
        if (!result.ok) {
          // Only possible when no list has a vote.
          expect(sum(Object.values(t.candidateVotes))).toBe(0);
          return;
        }
        const { lists, lotRequired } = result.value;
        expect(sum(lists.map((l) => l.seats)) + (lotRequired?.seatsLeft ?? 0)).toBe(contest.seats);
        contest.lists.forEach((list, i) => {
          const r = lists[i]!;
          expect(r.elected.length + r.unfilledSeats).toBe(r.seats);
          expect([...r.elected, ...r.substitutes].sort()).toEqual([...list.candidates].sort());
          const lowestElected = Math.min(...r.elected.map((c) => t.candidateVotes[c]!));
          for (const s of r.substitutes) expect(t.candidateVotes[s]!).toBeLessThanOrEqual(lowestElected);
          const subVotes = r.substitutes.map((c) => t.candidateVotes[c]!);
          expect(subVotes).toEqual([...subVotes].sort((a, b) => b - a));
        });
      }),
    );
  });

  it('should give each list the same seats and candidates when the lists are given in another order', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.func(fc.integer()), ([contest, batches], key) => {
        const t = batches.map((b) => tally(contest, b)).reduce(mergeCouncilTallies, emptyCouncilTally(contest));
        const shuffled = { ...contest, lists: [...contest.lists].sort((a, b) => key(a.id) - key(b.id)) };
        const a = allocateCouncilSeats({ contest, candidateVotes: t.candidateVotes });
        const b = allocateCouncilSeats({ contest: shuffled, candidateVotes: t.candidateVotes });
        expect(a.ok).toBe(b.ok);
        if (!a.ok || !b.ok) return;
        const byList = (lists: typeof a.value.lists) => Object.fromEntries(lists.map((l) => [l.list, l]));
        expect(byList(b.value.lists)).toEqual(byList(a.value.lists));
        expect(b.value.lotRequired).toEqual(a.value.lotRequired);
      }),
    );
  });
});
