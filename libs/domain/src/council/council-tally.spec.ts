import { describe, expect, it } from 'vitest';
import { councilListVotes, emptyCouncilTally, invalidBallotCount, mergeCouncilTallies, tallyCouncilBatch } from './council-tally';
import type { CouncilBatch, CouncilContest, CouncilTally } from './council.types';

// 5 seats; list B has fewer candidates than seats, so unchanged B ballots lose 2 votes each (R5.4).
const contest: CouncilContest = {
  seats: 5,
  maxVotesPerCandidate: 3,
  lists: [
    { id: 'A', candidates: ['a1', 'a2', 'a3', 'a4', 'a5'] },
    { id: 'B', candidates: ['b1', 'b2', 'b3'] },
    { id: 'C', candidates: ['c1', 'c2'] },
  ],
};

const batch: CouncilBatch = {
  unchanged: { A: 10, B: 4 },
  changed: [
    {
      paper: 'A',
      marks: [
        { candidate: 'a1', votes: 3 },
        { candidate: 'b1', votes: 2 },
      ],
    },
    {
      paper: 'B',
      marks: [
        { candidate: 'b1', votes: 3 },
        { candidate: 'b2', votes: 1 },
        { candidate: 'c1', votes: 1 },
      ],
    },
    {
      paper: null,
      marks: [
        { candidate: 'c1', votes: 3 },
        { candidate: 'c2', votes: 2 },
      ],
    },
    {
      paper: 'A',
      marks: [
        { candidate: 'a2', votes: 4 },
        { candidate: 'a3', votes: 1 },
      ],
    },
    {
      paper: 'C',
      marks: [
        { candidate: 'a1', votes: 3 },
        { candidate: 'c1', votes: 3 },
      ],
    },
    { paper: 'B', marks: [] },
  ],
  rejected: 2,
};

function tally(input: CouncilBatch): CouncilTally {
  const result = tallyCouncilBatch(contest, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('tallyCouncilBatch', () => {
  it('should sum unchanged and changed ballots per candidate, list and paper (hand-computed, R5.4–R5.6)', () => {
    const result = tally(batch);
    // Unchanged: A ×10 → a1..a5 +10 each; B ×4 → b1..b3 +4 each, 2 × 4 = 8 votes lost.
    // Changed: a1 +3, b1 +2 | b1 +3, b2 +1, c1 +1 | c1 +3, c2 +2 (blank paper) | a2 +3 (1 void), a3 +1 |
    // 6 votes for 5 seats → invalid | no vote → invalid.
    expect(result.candidateVotes).toEqual({ a1: 13, a2: 13, a3: 11, a4: 10, a5: 10, b1: 9, b2: 5, b3: 4, c1: 4, c2: 2 });
    expect(councilListVotes(contest, result.candidateVotes)).toEqual({ A: 57, B: 18, C: 6 });
    expect(result.papers).toEqual({
      A: { unchangedBallots: 10, changedBallots: 2 },
      B: { unchangedBallots: 4, changedBallots: 1 },
      C: { unchangedBallots: 0, changedBallots: 0 },
    });
    expect(result.blankPaperBallots).toBe(1);
    expect(result.validBallots).toBe(18);
    expect(result.invalidBallots).toEqual({ 'too-many-votes': 1, 'too-many-for-candidate': 0, 'no-votes': 1, rejected: 2 });
    expect(invalidBallotCount(result)).toBe(4);
    expect(result.ballots).toBe(22);
    expect(result.voidVotes).toBe(1);
    expect(result.lostVotes).toBe(8);
    // Every valid ballot here used all 5 votes: 18 × 5 = 81 counted + 8 lost + 1 void.
    expect(57 + 18 + 6 + result.lostVotes + result.voidVotes).toBe(18 * 5);
  });

  it('should give the same totals when the batch is split in two and merged', () => {
    const first: CouncilBatch = { unchanged: { A: 3 }, changed: batch.changed.slice(0, 2), rejected: 0 };
    const second: CouncilBatch = { unchanged: { A: 7, B: 4 }, changed: batch.changed.slice(2), rejected: 2 };
    expect(mergeCouncilTallies(tally(first), tally(second))).toEqual(tally(batch));
    expect(mergeCouncilTallies(emptyCouncilTally(contest), tally(batch))).toEqual(tally(batch));
  });

  it('should refuse the whole batch with every entry mistake when an unknown list or a negative count is entered', () => {
    const result = tallyCouncilBatch(contest, {
      unchanged: { A: -1, Z: 2 },
      changed: [{ paper: 'A', marks: [{ candidate: 'x9', votes: 1 }] }],
      rejected: 0.5,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => [e.code, e.path])).toEqual([
      ['INVALID_COUNT', '$.unchanged.A'],
      ['UNKNOWN_LIST', '$.unchanged.Z'],
      ['UNKNOWN_CANDIDATE', '$.changed[0].marks[0].candidate'],
      ['INVALID_COUNT', '$.rejected'],
    ]);
  });
});
