import { describe, expect, it } from 'vitest';
import { closingTotals, correctedByLateCertificates } from './roll-closing';

describe('closingTotals (R1.21, P1, P2)', () => {
  it('should give the worked example of DOMAIN.md 4.3: district 0101 with 1,200 + 300 + 0 = 1,500', () => {
    expect(closingTotals([{ A1: 1200, A2: 300, A3: 0 }])).toEqual({ A1: 1200, A2: 300, A3: 0, rollTotal: 1500, A: 1500 });
  });

  it('should add A3 to A but not to the closing count of the roll', () => {
    // Two districts; two persons not in the roll received a Wahlschein under BWO § 25(2) in the second.
    const totals = closingTotals([
      { A1: 812, A2: 143, A3: 0 },
      { A1: 1034, A2: 257, A3: 2 },
    ]);
    expect(totals).toEqual({ A1: 1846, A2: 400, A3: 2, rollTotal: 2246, A: 2248 });
  });

  it('should give zeros for an election without districts', () => {
    expect(closingTotals([])).toEqual({ A1: 0, A2: 0, A3: 0, rollTotal: 0, A: 0 });
  });
});

describe('correctedByLateCertificates (R1.16, BWO § 53(2))', () => {
  it('should move three late Wahlscheine from A1 to A2 and keep the closing count', () => {
    const corrected = correctedByLateCertificates({ A1: 1200, A2: 300, A3: 1 }, 3);
    expect(corrected).toEqual({ A1: 1197, A2: 303, A3: 1 });
    expect(corrected.A1 + corrected.A2).toBe(1500);
  });

  it('should never move more voters than A1 holds', () => {
    expect(correctedByLateCertificates({ A1: 2, A2: 5, A3: 0 }, 4)).toEqual({ A1: 0, A2: 7, A3: 0 });
  });
});
