import { describe, expect, it } from 'vitest';
import { allocateHareNiemeyer } from './hare-niemeyer';

describe('allocateHareNiemeyer', () => {
  it('should give A 5, B 4, C 1 when 10 seats go to 4200/3350/1450 votes (DOMAIN.md 6.3 comparison)', () => {
    // Quotas 4.667 / 3.722 / 1.611: floors 4+3+1, remainders B .722 then A .667 take seats 9 and 10.
    const result = allocateHareNiemeyer({ seats: 10, votes: { A: 4200, B: 3350, C: 1450 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 5, B: 4, C: 1 }, lotRequired: null } });
  });

  it('should require a lot between A and C for seat 10 when their remainders are equal (DOMAIN.md 6.3 tie)', () => {
    // Quotas 4.6222 / 3.7556 / 1.6222: B's remainder takes seat 9; A and C both have 560/900.
    const result = allocateHareNiemeyer({ seats: 10, votes: { A: 4160, B: 3380, C: 1460 } });
    expect(result).toEqual({ ok: true, value: { seats: { A: 4, B: 4, C: 1 }, lotRequired: { lists: ['A', 'C'], seatsLeft: 1 } } });
  });

  it('should complete the tie when C won the drawing of lots', () => {
    const result = allocateHareNiemeyer({ seats: 10, votes: { A: 4160, B: 3380, C: 1460 }, lots: ['C'] });
    expect(result).toEqual({ ok: true, value: { seats: { A: 4, B: 4, C: 2 }, lotRequired: null } });
  });
});
