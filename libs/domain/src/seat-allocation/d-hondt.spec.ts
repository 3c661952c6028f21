import { describe, expect, it } from 'vitest';
import { allocateDHondt } from './d-hondt';

describe('allocateDHondt', () => {
  it('should give A 5, B 4, C 1 when 10 seats go to 4200/3350/1450 votes (DOMAIN.md 6.3 comparison)', () => {
    const result = allocateDHondt({ seats: 10, votes: { A: 4200, B: 3350, C: 1450 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 5, B: 4, C: 1 }, lotRequired: null } });
  });

  it('should require a lot between A and B when A/2 equals B/1 at the last seat', () => {
    // 2 seats, A 100 and B 50: A/1 = 100 is certain; A/2 = 50 and B/1 = 50 tie for the second.
    const result = allocateDHondt({ seats: 2, votes: { A: 100, B: 50 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 1, B: 0 }, lotRequired: { lists: ['A', 'B'], seatsLeft: 1 } } });
    expect(allocateDHondt({ seats: 2, votes: { A: 100, B: 50 }, lots: ['B'] })).toEqual({
      ok: true,
      value: { seats: { A: 1, B: 1 }, lotRequired: null },
    });
  });

  it('should give both tied lists a seat when the tie fits into the remaining seats', () => {
    // 3 seats: A/1 = 100, then A/2 = 50 and B/1 = 50 both fit.
    expect(allocateDHondt({ seats: 3, votes: { A: 100, B: 50 } })).toEqual({
      ok: true,
      value: { seats: { A: 2, B: 1 }, lotRequired: null },
    });
  });
});
