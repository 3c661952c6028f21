import { describe, expect, it } from 'vitest';
import { allocateSeats } from './seat-allocation';

describe('allocateSeats input checks', () => {
  it('should list every bad value with its path when seats and votes are invalid', () => {
    const result = allocateSeats('sainte-lague', { seats: -1, votes: { A: 1.5, B: -3, C: 7 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((error) => [error.code, error.path])).toEqual([
      ['INVALID_SEATS', '$.seats'],
      ['INVALID_VOTES', '$.votes.A'],
      ['INVALID_VOTES', '$.votes.B'],
    ]);
  });

  it('should refuse a threshold above 1', () => {
    const result = allocateSeats('dhondt', { seats: 2, votes: { A: 1 }, threshold: { numerator: 3n, denominator: 2n } });
    expect(result.ok || result.error[0]?.code).toBe('INVALID_THRESHOLD');
  });

  it('should refuse to allocate seats when no taking-part list has a vote', () => {
    const result = allocateSeats('hare-niemeyer', { seats: 3, votes: { A: 0, B: 0 } });
    expect(result.ok || result.error[0]?.code).toBe('NO_VOTES');
    const belowThreshold = allocateSeats('sainte-lague', {
      seats: 3,
      votes: { A: 0, B: 4 },
      threshold: { numerator: 2n, denominator: 1n },
    });
    expect(belowThreshold.ok).toBe(false);
  });

  it('should refuse a drawing of lots when no tie needs one', () => {
    const result = allocateSeats('sainte-lague', { seats: 12, votes: { A: 6000, B: 4000, C: 3000 }, lots: ['A'] });
    expect(result.ok || result.error.map((error) => error.code)).toEqual(['INVALID_LOTS']);
  });

  it('should refuse a drawing of lots that names an untied list, a list twice or too few winners', () => {
    const votes = { A: 300, B: 100, C: 100, D: 10 };
    const untied = allocateSeats('sainte-lague', { seats: 3, votes, lots: ['B', 'D'] });
    expect(untied.ok || untied.error.map((error) => error.path)).toEqual(['$.lots[1]']);
    const twice = allocateSeats('sainte-lague', { seats: 3, votes, lots: ['B', 'B'] });
    expect(twice.ok || twice.error.map((error) => error.path)).toEqual(['$.lots[1]']);
    const tooFew = allocateSeats('sainte-lague', { seats: 3, votes, lots: ['B'] });
    expect(tooFew.ok || tooFew.error.map((error) => error.path)).toEqual(['$.lots']);
  });
});
