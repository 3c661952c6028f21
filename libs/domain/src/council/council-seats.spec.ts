import { describe, expect, it } from 'vitest';
import { allocateCouncilSeats } from './council-seats';
import type { CouncilContest } from './council.types';

const contest: CouncilContest = {
  seats: 5,
  maxVotesPerCandidate: 3,
  lists: [
    { id: 'A', candidates: ['a1', 'a2', 'a3', 'a4', 'a5'] },
    { id: 'B', candidates: ['b1', 'b2', 'b3'] },
    { id: 'C', candidates: ['c1', 'c2'] },
  ],
};
// The totals of the hand-computed batch in council-tally.spec.ts: A 57, B 18, C 6.
const votes = { a1: 13, a2: 13, a3: 11, a4: 10, a5: 10, b1: 9, b2: 5, b3: 4, c1: 4, c2: 2 };

describe('allocateCouncilSeats', () => {
  it('should give A 4 and B 1 seat and elect by votes, the tie at A’s last seat going by list order (R5.7, R5.8)', () => {
    // Quotients /1, /3, /5, /7: A 57, 19, 11.4, 8.14 | B 18, 6 | C 6 → 57 A, 19 A, 18 B, 11.4 A, 8.14 A.
    const result = allocateCouncilSeats({ contest, candidateVotes: votes });
    expect(result).toEqual({
      ok: true,
      value: {
        seats: 5,
        lotRequired: null,
        lists: [
          { list: 'A', votes: 57, seats: 4, elected: ['a1', 'a2', 'a3', 'a4'], substitutes: ['a5'], unfilledSeats: 0, lotRequired: null },
          { list: 'B', votes: 18, seats: 1, elected: ['b1'], substitutes: ['b2', 'b3'], unfilledSeats: 0, lotRequired: null },
          { list: 'C', votes: 6, seats: 0, elected: [], substitutes: ['c1', 'c2'], unfilledSeats: 0, lotRequired: null },
        ],
      },
    });
  });

  it('should elect a candidate lower on the list who has more votes', () => {
    const result = allocateCouncilSeats({ contest, candidateVotes: { ...votes, a5: 14 } });
    if (!result.ok) throw new Error('unexpected error');
    // A now has 61: seats stay A 4, B 1 (61/7 = 8.7 > 6); a5 leads the list.
    expect(result.value.lists[0]).toMatchObject({ seats: 4, elected: ['a5', 'a1', 'a2', 'a3'], substitutes: ['a4'] });
  });

  it('should report the tie at A’s last seat under the policy lot, and complete it with the recorded winner', () => {
    const policy = { excessVotesPerCandidate: 'void-excess', candidateTie: 'lot' } as const;
    const open = allocateCouncilSeats({ contest, candidateVotes: votes, policy });
    if (!open.ok) throw new Error('unexpected error');
    expect(open.value.lists[0]).toEqual({
      list: 'A',
      votes: 57,
      seats: 4,
      elected: ['a1', 'a2', 'a3'],
      substitutes: ['a4', 'a5'],
      unfilledSeats: 0,
      lotRequired: { list: 'A', candidates: ['a4', 'a5'], seatsLeft: 1 },
    });
    const drawn = allocateCouncilSeats({ contest, candidateVotes: votes, policy, candidateLots: { A: ['a5'] } });
    if (!drawn.ok) throw new Error('unexpected error');
    expect(drawn.value.lists[0]).toMatchObject({ elected: ['a1', 'a2', 'a3', 'a5'], substitutes: ['a4'], lotRequired: null });
  });

  it('should refuse candidate lots for a list without a tie or naming someone outside the tie', () => {
    const policy = { excessVotesPerCandidate: 'void-excess', candidateTie: 'lot' } as const;
    const result = allocateCouncilSeats({ contest, candidateVotes: votes, policy, candidateLots: { A: ['a1'], B: ['b2'] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.path)).toEqual(['$.candidateLots.A[0]', '$.candidateLots.B']);
  });

  it('should give A 5, B 4, C 3 in the 12-seat worked example of DOMAIN.md 5 with 6000/4000/3000 votes', () => {
    const twelve: CouncilContest = {
      seats: 12,
      maxVotesPerCandidate: 3,
      lists: [
        { id: 'A', candidates: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] },
        { id: 'B', candidates: ['b1', 'b2', 'b3', 'b4', 'b5'] },
        { id: 'C', candidates: ['c1', 'c2', 'c3', 'c4'] },
      ],
    };
    const result = allocateCouncilSeats({
      contest: twelve,
      candidateVotes: {
        a1: 2000,
        a2: 1500,
        a3: 1000,
        a4: 700,
        a5: 500,
        a6: 300,
        b1: 1000,
        b2: 1000,
        b3: 1000,
        b4: 600,
        b5: 400,
        c1: 900,
        c2: 800,
        c3: 700,
        c4: 600,
      },
    });
    if (!result.ok) throw new Error('unexpected error');
    expect(result.value.lists.map((l) => [l.list, l.votes, l.seats])).toEqual([
      ['A', 6000, 5],
      ['B', 4000, 4],
      ['C', 3000, 3],
    ]);
    expect(result.value.lists.map((l) => l.elected)).toEqual([
      ['a1', 'a2', 'a3', 'a4', 'a5'],
      ['b1', 'b2', 'b3', 'b4'],
      ['c1', 'c2', 'c3'],
    ]);
  });

  it('should report a lot between lists and seat only the certain candidates (DOMAIN.md 6.1 tie: 300/100/100 for 3 seats)', () => {
    const three: CouncilContest = {
      seats: 3,
      maxVotesPerCandidate: 3,
      lists: [
        { id: 'A', candidates: ['a1', 'a2', 'a3'] },
        { id: 'B', candidates: ['b1'] },
        { id: 'C', candidates: ['c1'] },
      ],
    };
    const candidateVotes = { a1: 200, a2: 60, a3: 40, b1: 100, c1: 100 };
    const open = allocateCouncilSeats({ contest: three, candidateVotes });
    if (!open.ok) throw new Error('unexpected error');
    expect(open.value.lotRequired).toEqual({ lists: ['A', 'B', 'C'], seatsLeft: 2 });
    expect(open.value.lists.map((l) => [l.list, l.seats, l.elected])).toEqual([
      ['A', 1, ['a1']],
      ['B', 0, []],
      ['C', 0, []],
    ]);
    const drawn = allocateCouncilSeats({ contest: three, candidateVotes, lots: ['B', 'C'] });
    if (!drawn.ok) throw new Error('unexpected error');
    expect(drawn.value.lotRequired).toBeNull();
    expect(drawn.value.lists.map((l) => [l.list, l.seats, l.elected])).toEqual([
      ['A', 1, ['a1']],
      ['B', 1, ['b1']],
      ['C', 1, ['c1']],
    ]);
  });

  it('should leave seats unfilled when a list wins more seats than it has candidates', () => {
    const short: CouncilContest = {
      seats: 4,
      maxVotesPerCandidate: 3,
      lists: [
        { id: 'A', candidates: ['a1'] },
        { id: 'B', candidates: ['b1', 'b2'] },
      ],
    };
    // A 300: 300, 100, 60; B 100: 100, 33.3 → A 3, B 1; A has one candidate.
    const result = allocateCouncilSeats({ contest: short, candidateVotes: { a1: 300, b1: 60, b2: 40 } });
    if (!result.ok) throw new Error('unexpected error');
    expect(result.value.lists.map((l) => [l.list, l.seats, l.elected, l.unfilledSeats])).toEqual([
      ['A', 3, ['a1'], 2],
      ['B', 1, ['b1'], 0],
    ]);
  });

  it('should return the seat allocation error when no list has a vote', () => {
    const result = allocateCouncilSeats({ contest, candidateVotes: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.code).toBe('NO_VOTES');
  });
});
