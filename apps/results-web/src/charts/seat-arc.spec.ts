import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARC_RADIUS, arcLayout, rowCapacities, seatArc, seatsPerRow } from './seat-arc';

// DOMAIN.md R5.7 worked example: 12 seats, A 5, B 4, C 3.
const WORKED = [
  { key: 'a', color: '#f39200', seats: 5 },
  { key: 'b', color: '#000000', seats: 4 },
  { key: 'c', color: '#1aa037', seats: 3 },
];

const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);

describe('seatArc', () => {
  it('should draw the 12 seats of the worked example on one row, A from the left, then B, then C', () => {
    // One row: 12 = π·r/s + 1 with r = 100 − s/2 → s = 100 / (11/π + 1/2) = 24,99.
    expect(arcLayout(12)).toEqual({ rows: 1, spacing: expect.closeTo(24.99, 2), innerRadius: expect.closeTo(75.01, 2) });
    const arc = seatArc(WORKED);
    expect(arc.rows).toBe(1);
    expect(arc.dots).toHaveLength(12);
    expect(arc.dots.map((dot) => dot.group)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    // Left to right as seen from the centre: the angles never increase.
    const [cx, cy] = [arc.width / 2, ARC_RADIUS + 2];
    const angles = arc.dots.map((dot) => Math.atan2(cy - dot.y, dot.x - cx));
    expect([...angles].sort((a, b) => b - a)).toEqual(angles);
    // The first dot sits on the base line at the left end, the last at the right end.
    expect(arc.dots[0]!.y).toBe(cy);
    expect(arc.dots[0]!.x).toBeLessThan(cx);
    expect(arc.dots[11]!.y).toBe(cy);
    expect(arc.dots[11]!.x).toBeGreaterThan(cx);
  });

  it('should pack larger councils in more rows with a free middle: 26 in 2, 48 (Karlsruhe) in 3, 60 (Stuttgart) in 4', () => {
    expect([26, 48, 60, 120].map((seats) => arcLayout(seats).rows)).toEqual([2, 3, 4, 5]);
    for (const seats of [26, 48, 60, 120]) {
      const layout = arcLayout(seats);
      // The rows' capacities add up to the seats: every row evenly filled.
      expect(rowCapacities(layout).reduce((a, b) => a + b, 0)).toBeCloseTo(seats, 6);
      expect(layout.innerRadius).toBeGreaterThanOrEqual(32);
    }
    expect(seatArc([{ key: 'x', color: '#000', seats: 48 }]).dots).toHaveLength(48);
  });

  it('should give small councils one row with dots no larger than the spacing allows, room to spare', () => {
    expect(arcLayout(2)).toEqual({ rows: 1, spacing: 30, innerRadius: 70 });
    // 8 seats would pack at s = 100 / (7/π + 1/2) = 36,6; capped, the row holds π·85/30 + 1 = 9,9.
    expect(arcLayout(8)).toEqual({ rows: 1, spacing: 30, innerRadius: 70 });
    expect(rowCapacities(arcLayout(8))[0]).toBeCloseTo(9.9, 1);
  });

  it('should spread seats over the rows by capacity (largest remainder)', () => {
    // Equal remainders: the row nearer the rim, which has more room, takes the seat.
    expect(seatsPerRow(12, [4.5, 7.5])).toEqual([5, 7]);
    expect(seatsPerRow(48, [19.1, 15.9, 13])).toEqual([19, 16, 13]);
    expect(seatsPerRow(0, [5, 9])).toEqual([0, 0]);
    expect(seatsPerRow(14, [5, 9])).toEqual([5, 9]);
  });

  it('should draw no dot without seats', () => {
    expect(seatArc([]).dots).toEqual([]);
    expect(seatArc([{ key: 'a', color: '#000', seats: 0 }]).dots).toEqual([]);
  });

  it('should give every seat one dot inside the half circle, dots never overlapping, groups in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }), (seats) => {
        const arc = seatArc(seats.map((n, i) => ({ key: String(i), color: '#000', seats: n })));
        const total = seats.reduce((a, b) => a + b, 0);
        expect(arc.dots).toHaveLength(total);
        // Groups take consecutive dots in their order, each as many as it has seats.
        const groups = arc.dots.map((dot) => dot.group);
        expect(groups).toEqual(seats.flatMap((n, i) => Array<number>(n).fill(i)));
        const centre = { x: arc.width / 2, y: ARC_RADIUS + 2 };
        const outside = arc.dots.filter(
          (dot) => dot.y > centre.y || distance(dot, centre) + arc.dotRadius > ARC_RADIUS + 0.05 || dot.y + arc.dotRadius > arc.height,
        );
        expect(outside).toEqual([]);
        let closest = Infinity;
        for (let i = 0; i < arc.dots.length; i++) {
          for (let j = i + 1; j < arc.dots.length; j++) closest = Math.min(closest, distance(arc.dots[i]!, arc.dots[j]!));
        }
        if (arc.dots.length > 1) expect(closest).toBeGreaterThanOrEqual(2 * arc.dotRadius - 0.05);
      }),
      { numRuns: 150 },
    );
  });
});
