// R1.21 (BWO § 24(1)): closing the roll fixes, per polling district, the number of eligible voters;
// DOMAIN.md 4.1 names the parts: A1 entered without "W", A2 entered with "W" (Wahlschein issued),
// A3 not entered but holding a Wahlschein under BWO § 25(2). A = A1 + A2 + A3 (P1); the board's
// closing count is A1 + A2 (P2), A3 is known to the municipality only.

export type ClosingDistrictCounts = {
  readonly A1: number;
  readonly A2: number;
  readonly A3: number;
};

export type ClosingTotals = ClosingDistrictCounts & {
  /** A1 + A2: the roll's closing count of the district (P2). */
  readonly rollTotal: number;
  /** A1 + A2 + A3: eligible voters in total (P1). */
  readonly A: number;
};

/** The closing figures of one district or, summed, of the whole roll (P11: A3 added once). */
export function closingTotals(parts: readonly ClosingDistrictCounts[]): ClosingTotals {
  const sum = (key: keyof ClosingDistrictCounts): number => parts.reduce((total, part) => total + part[key], 0);
  const A1 = sum('A1');
  const A2 = sum('A2');
  const A3 = sum('A3');
  return { A1, A2, A3, rollTotal: A1 + A2, A: A1 + A2 + A3 };
}

/**
 * R1.16 (BWO § 53(2)): a Wahlschein issued after closing to a voter in the roll moves that voter from
 * A1 to A2; the Wahlvorsteher corrects the closing certificate by the Nachtragsliste. A3 and the
 * closing count stay.
 */
export function correctedByLateCertificates(atClosing: ClosingDistrictCounts, lateCertificates: number): ClosingDistrictCounts {
  const moved = Math.min(Math.max(lateCertificates, 0), atClosing.A1);
  return { A1: atClosing.A1 - moved, A2: atClosing.A2 + moved, A3: atClosing.A3 };
}
