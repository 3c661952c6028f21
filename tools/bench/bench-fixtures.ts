import type { Contest } from '@wahl/domain';

// The ballots and quick reports of the election-night benches (bench:entry, bench:land): an
// Erst- and Zweitstimme ballot and plausible, warning-free reports drawn from a fixed seed.

/** Deterministic numbers in [0, 1), so that runs are comparable (xorshift32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const ERST = ['cdu', 'spd', 'gruene', 'fdp', 'afd', 'linke'];
const ZWEIT = ['cdu', 'spd', 'gruene', 'fdp', 'afd', 'linke', 'bsw', 'volt'];
const WEIGHTS = [28, 16, 14, 5, 20, 8, 6, 3];

const list = (id: string, position: number, candidate: boolean) => ({
  id,
  ballotPosition: position,
  shortName: id.toUpperCase(),
  name: `Partei ${id.toUpperCase()}`,
  color: '#336699',
  candidates: candidate ? [{ position: 1, familyName: `Kandidat ${id}`, givenNames: 'Alex' }] : [],
});

/** Erststimme (one candidate per party) and Zweitstimme (party lists). */
export const ERST_ZWEIT_CONTESTS: readonly Contest[] = [
  {
    id: 'erststimme',
    name: 'Erststimme',
    ballotType: 'candidate',
    votesPerBallot: 1,
    maxVotesPerCandidate: 1,
    lists: ERST.map((id, i) => list(id, i + 1, true)),
  },
  {
    id: 'zweitstimme',
    name: 'Zweitstimme',
    ballotType: 'list',
    votesPerBallot: 1,
    maxVotesPerCandidate: 1,
    lists: ZWEIT.map((id, i) => list(id, i + 1, false)),
  },
];

/** Quick reports for the ballots above, drawn from `random`. */
export function quickReports(random: () => number): (kind: 'polling' | 'postal') => Record<string, unknown> {
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

  /** `total` votes split over the lists by weight, with some noise; the parts sum to `total` (P6). */
  const split = (total: number, ids: readonly string[]): Record<string, number> => {
    const weights = ids.map((_, i) => WEIGHTS[i]! * (0.7 + 0.6 * random()));
    const sum = weights.reduce((a, b) => a + b, 0);
    const votes = weights.map((w) => Math.floor((total * w) / sum));
    votes[0]! += total - votes.reduce((a, b) => a + b, 0);
    return Object.fromEntries(ids.map((id, i) => [id, votes[i]!]));
  };

  /** A plausible report without warnings: turnout 50–75 %, about 1 % invalid, B − B1 ≤ A1 (P3). */
  return (kind) => {
    const contests = (B: number) =>
      [
        ['erststimme', ERST],
        ['zweitstimme', ZWEIT],
      ].map(([contestId, ids]) => {
        const invalid = Math.floor(B * 0.01);
        return { contestId, invalid, valid: B - invalid, votes: split(B - invalid, ids as string[]) };
      });
    if (kind === 'postal') {
      const B = between(300, 900);
      return { A1: null, A2: null, A3: null, A: null, B, B1: B, contests: contests(B) };
    }
    const A1 = between(900, 1800);
    const A2 = between(50, 400);
    const B = Math.round((A1 + A2) * (0.5 + 0.25 * random()));
    const B1 = Math.max(B - Math.floor(A1 * 0.8), Math.round(A2 * 0.8));
    return { A1, A2, A3: 0, A: A1 + A2, B, B1, contests: contests(B) };
  };
}
