import type { PublicCouncilContestResult, PublicCouncilList, PublicCouncilResults } from '../../api/council-result.types';

// Public council results built by hand. The main one is DOMAIN.md R5.7's worked example: 12 seats,
// lists A 6.000, B 4.000, C 3.000 votes → Sainte-Laguë/Schepers A 5, B 4, C 3. Each list's votes
// are spread over its candidates so that the Unterverteilung (R5.8) is not simply the list order.

const candidate = (position: number, name: string, votes: number) => ({ position, name, votes });

const list = (
  fields: Omit<PublicCouncilList, 'unchangedBallots' | 'changedBallots' | 'unfilledSeats' | 'lotRequired'> & Partial<PublicCouncilList>,
): PublicCouncilList => ({
  unchangedBallots: 0,
  changedBallots: 0,
  unfilledSeats: 0,
  lotRequired: null,
  ...fields,
});

/** A 6.000 = 1.400 + 900 + 1.500 + 700 + 1.000 + 400 + 100; most votes first. */
const LIST_A = list({
  id: 'a',
  ballotPosition: 1,
  shortName: 'A',
  name: 'Liste A',
  color: '#f39200',
  votes: 6000,
  seats: 5,
  elected: [
    candidate(3, 'Clara Adler', 1500),
    candidate(1, 'Anton Albrecht', 1400),
    candidate(5, 'Emil Arndt', 1000),
    candidate(2, 'Berta Auer', 900),
    candidate(4, 'Dora Amann', 700),
  ],
  substitutes: [candidate(6, 'Fritz Abel', 400), candidate(7, 'Greta Alt', 100)],
});

/** B 4.000 = 1.300 + 1.000 + 900 + 500 + 300. */
const LIST_B = list({
  id: 'b',
  ballotPosition: 2,
  shortName: 'B',
  name: 'Liste B',
  color: '#000000',
  votes: 4000,
  seats: 4,
  elected: [
    candidate(1, 'Hanna Bauer', 1300),
    candidate(2, 'Ida Berger', 1000),
    candidate(4, 'Kurt Brandt', 900),
    candidate(3, 'Jonas Beck', 500),
  ],
  substitutes: [candidate(5, 'Lena Busch', 300)],
});

/** C 3.000 = 1.200 + 1.000 + 500 + 300. */
const LIST_C = list({
  id: 'c',
  ballotPosition: 3,
  shortName: 'C',
  name: 'Liste C',
  color: 'grün',
  votes: 3000,
  seats: 3,
  elected: [candidate(2, 'Nora Conrad', 1200), candidate(1, 'Max Claus', 1000), candidate(3, 'Otto Cramer', 500)],
  substitutes: [candidate(4, 'Paula Christ', 300)],
});

/** R5.7 worked example, provisional. 13.000 valid votes on 1.100 valid ballots (+ 12 invalid). */
export const WORKED_EXAMPLE_PROVISIONAL: PublicCouncilContestResult = {
  electionId: 'gr2024',
  electionName: 'Gemeinderatswahl 2024',
  contest: { id: 'gr', name: 'Gemeinderat', seats: 12, votesPerBallot: 12, maxVotesPerCandidate: 3 },
  status: 'provisional',
  final: false,
  declaredAt: null,
  notice: 'Vorläufiges Ergebnis: Die Auszählung ist nicht abgeschlossen; Stimmen, Sitze und Gewählte können sich noch ändern.',
  rules: { seatMethod: 'sainte-lague', excessVotesPerCandidate: 'void-excess', candidateTie: 'list-order' },
  ballots: {
    total: 1112,
    valid: 1100,
    invalid: 12,
    invalidByReason: { tooManyVotes: 4, tooManyForCandidate: 0, noVotes: 0, rejected: 8 },
    blankPaper: 3,
  },
  votes: { valid: 13000, void: 2, lost: 200 },
  seatsAllocated: true,
  // Ballot order on purpose: the page orders by seats.
  lists: [LIST_B, LIST_C, LIST_A],
  lotRequired: null,
  lots: null,
};

/** The same, declared final on 10 June 2024 at 12:03 UTC (14:03 in Karlsruhe). */
export const WORKED_EXAMPLE_FINAL: PublicCouncilContestResult = {
  ...WORKED_EXAMPLE_PROVISIONAL,
  status: 'final',
  final: true,
  declaredAt: '2024-06-10T12:03:00.000Z',
  notice: 'Endgültiges Ergebnis, vom Wahlamt festgestellt.',
};

/**
 * DOMAIN.md 6.1 tie example as a council: 3 seats, A 300, B 100, C 100. A's first quotient (300) is
 * certain; A/3 = 100, B/1 = 100 and C/1 = 100 tie for the last two seats → lot among A, B, C.
 */
export const TIE_PROVISIONAL: PublicCouncilContestResult = {
  ...WORKED_EXAMPLE_PROVISIONAL,
  electionName: 'Ortschaftsratswahl 2024',
  contest: { id: 'or', name: 'Ortschaftsrat', seats: 3, votesPerBallot: 3, maxVotesPerCandidate: 3 },
  ballots: {
    total: 100,
    valid: 100,
    invalid: 0,
    invalidByReason: { tooManyVotes: 0, tooManyForCandidate: 0, noVotes: 0, rejected: 0 },
    blankPaper: 0,
  },
  votes: { valid: 500, void: 0, lost: 0 },
  lists: [
    list({
      id: 'a',
      ballotPosition: 1,
      shortName: 'A',
      name: 'Liste A',
      color: '#f39200',
      votes: 300,
      seats: 1,
      elected: [candidate(1, 'Anton Albrecht', 300)],
      substitutes: [],
    }),
    list({
      id: 'b',
      ballotPosition: 2,
      shortName: 'B',
      name: 'Liste B',
      color: '#000000',
      votes: 100,
      seats: 0,
      elected: [],
      substitutes: [candidate(1, 'Hanna Bauer', 100)],
    }),
    list({
      id: 'c',
      ballotPosition: 3,
      shortName: 'C',
      name: 'Liste C',
      color: '#1aa037',
      votes: 100,
      seats: 0,
      elected: [],
      substitutes: [candidate(1, 'Max Claus', 100)],
    }),
  ],
  lotRequired: { lists: ['a', 'b', 'c'], seatsLeft: 2 },
};

/** A contest before the first batch: nothing allocated. */
export const EMPTY_PROVISIONAL: PublicCouncilContestResult = {
  ...WORKED_EXAMPLE_PROVISIONAL,
  ballots: {
    total: 0,
    valid: 0,
    invalid: 0,
    invalidByReason: { tooManyVotes: 0, tooManyForCandidate: 0, noVotes: 0, rejected: 0 },
    blankPaper: 0,
  },
  votes: { valid: 0, void: 0, lost: 0 },
  seatsAllocated: false,
  lists: [LIST_A, LIST_B, LIST_C].map((l) => ({
    ...l,
    votes: 0,
    seats: 0,
    elected: [],
    substitutes: [...l.elected, ...l.substitutes].map((c) => ({ ...c, votes: 0 })).sort((x, y) => x.position - y.position),
  })),
};

export const results = (...contests: PublicCouncilContestResult[]): PublicCouncilResults => ({
  electionId: contests[0]!.electionId,
  electionName: contests[0]!.electionName,
  contests,
});
