import type { ElectionDefinition } from '../src/election/election-definition.types';

// A small, valid Bundestag definition for tests: 3 polling districts and 1 postal district,
// 2 polling stations, Erst- and Zweitstimme with 2 lists each, 3 streets, a previous result.
export function sampleBundestagDefinition(): ElectionDefinition {
  const address = (street: string, houseNumber: string) => ({ street, houseNumber, postalCode: '76999', city: 'Musterstadt' });
  return {
    schemaVersion: 1,
    kind: 'bundestag',
    name: 'Bundestagswahl 2025',
    electionDay: '2025-02-23',
    municipality: { ags: '08999001', name: 'Musterstadt' },
    constituency: { number: '271', name: 'Musterkreis' },
    pollingStations: [
      { id: 'W1', name: 'Grundschule Nord', address: address('Schulweg', '1'), openingHours: '08:00–18:00', barrierFree: true },
      {
        id: 'W2',
        name: 'Rathaus',
        address: address('Marktplatz', '1'),
        openingHours: '08:00–18:00',
        barrierFree: false,
        barrierFreeNote: 'Eingang über den Hof',
      },
    ],
    districts: [
      { number: '001', name: 'Nord', kind: 'polling', pollingStationId: 'W1', postalDistrict: '901', inhabitants: 1800 },
      { number: '002', name: 'Mitte', kind: 'polling', pollingStationId: 'W2', postalDistrict: '901' },
      { number: '003', name: 'Süd', kind: 'polling', pollingStationId: 'W2' },
      { number: '901', name: 'Briefwahl 1', kind: 'postal' },
    ],
    contests: [
      {
        id: 'erst',
        name: 'Erststimme',
        ballotType: 'candidate',
        votesPerBallot: 1,
        maxVotesPerCandidate: 1,
        lists: [
          {
            id: 'cdu',
            ballotPosition: 1,
            shortName: 'CDU',
            name: 'Christlich Demokratische Union Deutschlands',
            color: '#000000',
            candidates: [{ position: 1, familyName: 'Muster', givenNames: 'Anna' }],
          },
          {
            id: 'spd',
            ballotPosition: 2,
            shortName: 'SPD',
            name: 'Sozialdemokratische Partei Deutschlands',
            color: '#E3000F',
            candidates: [{ position: 1, familyName: 'Beispiel', givenNames: 'Ben', title: 'Dr.' }],
          },
        ],
      },
      {
        id: 'zweit',
        name: 'Zweitstimme',
        ballotType: 'list',
        votesPerBallot: 1,
        maxVotesPerCandidate: 1,
        lists: [
          {
            id: 'cdu',
            ballotPosition: 1,
            shortName: 'CDU',
            name: 'Christlich Demokratische Union Deutschlands',
            color: '#000000',
            candidates: [],
          },
          {
            id: 'spd',
            ballotPosition: 2,
            shortName: 'SPD',
            name: 'Sozialdemokratische Partei Deutschlands',
            color: '#E3000F',
            candidates: [],
          },
        ],
      },
    ],
    streets: [
      {
        key: '0100',
        name: 'Hauptstraße',
        postalCode: '76999',
        segments: [
          { from: '1', to: '49', parity: 'odd', district: '001' },
          { from: '2', to: '50', parity: 'even', district: '002' },
          { from: '51', to: '99', parity: 'all', district: '003' },
        ],
      },
      { key: '0200', name: 'Schulweg', postalCode: '76999', segments: [{ from: '1', to: '30', parity: 'all', district: '001' }] },
      {
        key: '0300',
        name: 'Marktplatz',
        postalCode: '76999',
        segments: [
          { from: '1', to: '12b', parity: 'all', district: '002' },
          { from: '12c', to: '20', parity: 'all', district: '003' },
        ],
      },
    ],
    previousElection: {
      name: 'Bundestagswahl 2021',
      electionDay: '2021-09-26',
      results: [
        {
          area: 'municipality',
          contest: 'zweit',
          eligible: 4000,
          voters: 3100,
          invalid: 30,
          valid: 3070,
          votes: { cdu: 1200, spd: 1300, fdp: 570 },
        },
      ],
    },
  };
}

/** A BW Gemeinderat definition: 8 seats, 8 votes, up to 3 per candidate (R5.1, R5.2). */
export function sampleCouncilDefinition(): ElectionDefinition {
  const { constituency: _constituency, previousElection: _previous, ...base } = sampleBundestagDefinition();
  const candidates = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ position: i + 1, familyName: `Name${i + 1}`, givenNames: 'Vorname' }));
  return {
    ...base,
    kind: 'gemeinderat-bw',
    name: 'Gemeinderatswahl 2024',
    electionDay: '2024-06-09',
    contests: [
      {
        id: 'gr',
        name: 'Gemeinderat',
        ballotType: 'council',
        votesPerBallot: 8,
        maxVotesPerCandidate: 3,
        seats: 8,
        lists: [
          { id: 'fw', ballotPosition: 1, shortName: 'FW', name: 'Freie Wähler', color: '#f39200', candidates: candidates(8) },
          { id: 'cdu', ballotPosition: 2, shortName: 'CDU', name: 'CDU', color: '#000000', candidates: candidates(5) },
        ],
      },
    ],
  };
}
