import { describe, expect, it } from 'vitest';
import { changedBallotEntryErrors, evaluateChangedBallot, indexCouncilContest } from './council-ballot';
import type { CouncilContest } from './council.types';

// 8 seats, 8 votes per ballot, up to 3 per candidate (R5.1, R5.2).
const contest: CouncilContest = {
  seats: 8,
  maxVotesPerCandidate: 3,
  lists: [
    { id: 'A', candidates: ['a1', 'a2', 'a3', 'a4', 'a5'] },
    { id: 'B', candidates: ['b1', 'b2', 'b3'] },
  ],
};
const index = indexCouncilContest(contest);

describe('evaluateChangedBallot', () => {
  it('should count cumulated and panached votes when 8 votes go to candidates of two lists (R5.2, R5.3)', () => {
    const judged = evaluateChangedBallot(index, {
      paper: 'A',
      marks: [
        { candidate: 'a1', votes: 3 },
        { candidate: 'a2', votes: 2 },
        { candidate: 'b1', votes: 3 },
      ],
    });
    expect(judged).toEqual({
      valid: true,
      votes: new Map([
        ['a1', 3],
        ['a2', 2],
        ['b1', 3],
      ]),
      voidVotes: 0,
    });
  });

  it('should give votes only to marked candidates when fewer votes than seats are used (R5.4 positive marking)', () => {
    const judged = evaluateChangedBallot(index, { paper: 'B', marks: [{ candidate: 'a4', votes: 1 }] });
    expect(judged).toEqual({ valid: true, votes: new Map([['a4', 1]]), voidVotes: 0 });
  });

  it('should make the ballot invalid when 9 votes are given for 8 seats (R5.5)', () => {
    const judged = evaluateChangedBallot(index, {
      paper: 'A',
      marks: [
        { candidate: 'a1', votes: 3 },
        { candidate: 'a2', votes: 3 },
        { candidate: 'b1', votes: 3 },
      ],
    });
    expect(judged).toEqual({ valid: false, reason: 'too-many-votes' });
  });

  it('should void only the excess when a candidate gets 4 votes under the default policy', () => {
    const judged = evaluateChangedBallot(index, {
      paper: 'A',
      marks: [
        { candidate: 'a1', votes: 4 },
        { candidate: 'a2', votes: 3 },
      ],
    });
    expect(judged).toEqual({
      valid: true,
      votes: new Map([
        ['a1', 3],
        ['a2', 3],
      ]),
      voidVotes: 1,
    });
  });

  it('should make the ballot invalid when a candidate gets 4 votes under the policy invalidate-ballot', () => {
    const policy = { excessVotesPerCandidate: 'invalidate-ballot', candidateTie: 'list-order' } as const;
    const judged = evaluateChangedBallot(index, { paper: 'A', marks: [{ candidate: 'a1', votes: 4 }] }, policy);
    expect(judged).toEqual({ valid: false, reason: 'too-many-for-candidate' });
  });

  it('should judge the total as marked when the excess would bring it under the seats (9 marked, 8 seats)', () => {
    // 5 + 4 = 9 votes marked; voiding the excess would leave 6, but the voter gave more votes than seats.
    const judged = evaluateChangedBallot(index, {
      paper: null,
      marks: [
        { candidate: 'a1', votes: 5 },
        { candidate: 'b2', votes: 4 },
      ],
    });
    expect(judged).toEqual({ valid: false, reason: 'too-many-votes' });
  });

  it('should make a changed ballot without any vote invalid', () => {
    expect(evaluateChangedBallot(index, { paper: 'A', marks: [] })).toEqual({ valid: false, reason: 'no-votes' });
  });
});

describe('changedBallotEntryErrors', () => {
  it('should report an unknown paper, an unknown candidate, a candidate twice and a zero vote with their paths', () => {
    const errors = changedBallotEntryErrors(
      index,
      {
        paper: 'X',
        marks: [
          { candidate: 'zz', votes: 1 },
          { candidate: 'a1', votes: 1 },
          { candidate: 'a1', votes: 0 },
        ],
      },
      '$.changed[2]',
    );
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['UNKNOWN_LIST', '$.changed[2].paper'],
      ['UNKNOWN_CANDIDATE', '$.changed[2].marks[0].candidate'],
      ['DUPLICATE_CANDIDATE', '$.changed[2].marks[2].candidate'],
      ['INVALID_COUNT', '$.changed[2].marks[2].votes'],
    ]);
  });

  it('should accept the blank paper (no list) and well-formed marks', () => {
    expect(changedBallotEntryErrors(index, { paper: null, marks: [{ candidate: 'b3', votes: 2 }] }, '$')).toEqual([]);
  });
});
