import { describe, expect, it } from 'vitest';
import { allocateSainteLague } from './sainte-lague';

describe('allocateSainteLague', () => {
  it('should give A 5, B 4, C 3 when 12 seats go to 6000/4000/3000 votes (R5.7 worked example)', () => {
    const result = allocateSainteLague({ seats: 12, votes: { A: 6000, B: 4000, C: 3000 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 5, B: 4, C: 3 }, lotRequired: null } });
  });

  it('should give A 4, B 4, C 2 when 10 seats go to 4200/3350/1450 votes (DOMAIN.md 6.3 comparison)', () => {
    const result = allocateSainteLague({ seats: 10, votes: { A: 4200, B: 3350, C: 1450 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 4, B: 4, C: 2 }, lotRequired: null } });
  });

  it('should require a lot among A, B and C for the last 2 seats when 3 seats go to 300/100/100 (DOMAIN.md 6.1 tie)', () => {
    // Quotients: 300 (A/1) is certain; 100 (A/3), 100 (B/1), 100 (C/1) tie for the two remaining seats.
    const result = allocateSainteLague({ seats: 3, votes: { A: 300, B: 100, C: 100 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 1, B: 0, C: 0 }, lotRequired: { lists: ['A', 'B', 'C'], seatsLeft: 2 } } });
  });

  it.each([
    [['B', 'C'], { A: 1, B: 1, C: 1 }],
    [['A', 'B'], { A: 2, B: 1, C: 0 }],
    [['C', 'A', 'B'], { A: 2, B: 0, C: 1 }],
  ])('should complete the tie example when the drawing of lots was %j', (lots, seats) => {
    const result = allocateSainteLague({ seats: 3, votes: { A: 300, B: 100, C: 100 }, lots });
    expect(result).toEqual({ ok: true, value: { seats, lotRequired: null } });
  });

  it('should let a list exactly at a 5 % threshold take part and exclude one just below', () => {
    const threshold = { numerator: 1n, denominator: 20n };
    // 50 of 1000 is exactly 5 %: d = 50 gives A 19, B 1.
    expect(allocateSainteLague({ seats: 20, votes: { A: 950, B: 50 }, threshold })).toEqual({
      ok: true,
      value: { seats: { A: 19, B: 1 }, lotRequired: null },
    });
    // 49 of 1000 is below 5 %: B takes no part, A gets every seat.
    expect(allocateSainteLague({ seats: 20, votes: { A: 951, B: 49 }, threshold })).toEqual({
      ok: true,
      value: { seats: { A: 20, B: 0 }, lotRequired: null },
    });
  });

  it('should decide a near-tie that floating-point division would call a tie', () => {
    // A/5 and B/3 are the same double (both ≈ 1.8014e15) but A·3 > B·5, so A wins the 4th seat.
    const votes = { A: 9007198630029124, B: 5404319178017474 };
    expect(votes.A / 5).toBe(votes.B / 3);
    expect(allocateSainteLague({ seats: 4, votes })).toEqual({ ok: true, value: { seats: { A: 3, B: 1 }, lotRequired: null } });
  });

  it('should give nobody a seat when no seats are to be allocated', () => {
    expect(allocateSainteLague({ seats: 0, votes: { A: 10, B: 0 } })).toEqual({
      ok: true,
      value: { seats: { A: 0, B: 0 }, lotRequired: null },
    });
  });
});
