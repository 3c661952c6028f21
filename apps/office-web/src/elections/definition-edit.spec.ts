import { validateElectionDefinition, type ElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { districtFrom, districtProblems, listProblems } from './definition-edit';

const rules = { validateElectionDefinition };
const candidate = (position: number, familyName: string) => ({ position, familyName, givenNames: 'Eva' });
/** A small council election: one station, one polling district, one list of two. */
const doc = (): ElectionDefinition => ({
  schemaVersion: 1,
  kind: 'gemeinderat-bw',
  name: 'Gemeinderatswahl 2024',
  electionDay: '2024-06-09',
  municipality: { ags: '08999001', name: 'Kleinhausen' },
  pollingStations: [
    {
      id: 'schule',
      name: 'Schule',
      address: { street: 'Schulweg', houseNumber: '1', postalCode: '76000', city: 'Kleinhausen' },
      openingHours: '08:00–18:00',
      barrierFree: true,
    },
  ],
  districts: [{ number: '001', name: 'Nord', kind: 'polling', pollingStationId: 'schule' }],
  contests: [
    {
      id: 'gemeinderat',
      name: 'Gemeinderat',
      ballotType: 'council',
      votesPerBallot: 2,
      maxVotesPerCandidate: 3,
      seats: 2,
      lists: [
        {
          id: 'a',
          ballotPosition: 1,
          shortName: 'A',
          name: 'Liste A',
          color: '#123456',
          candidates: [candidate(1, 'Ernst'), candidate(2, 'Mohn')],
        },
      ],
    },
  ],
  streets: [],
});

describe('definition edits', () => {
  it('should accept an edited district and name an unknown station and a non-number of inhabitants at their fields', () => {
    const d = doc();
    const district = d.districts[0]!;
    const fields = {
      name: 'Nord (Turnhalle)',
      pollingStationId: district.kind === 'polling' ? district.pollingStationId : '',
      area: '',
      postalDistrict: '',
      inhabitants: '1200',
    };
    expect(districtProblems(rules, d, district.number, districtFrom(district, fields))).toEqual(new Map());
    const broken = districtFrom(district, { ...fields, name: '', pollingStationId: 'rathaus', inhabitants: 'viele' });
    expect(districtProblems(rules, d, district.number, broken)).toEqual(
      new Map([
        ['name', 'Darf nicht leer sein.'],
        ['inhabitants', 'Erwartet: Zahl; gefunden: Text.'],
      ]),
    );
    expect(districtProblems(rules, d, district.number, districtFrom(district, { ...fields, pollingStationId: 'rathaus' }))).toEqual(
      new Map([['pollingStationId', 'Den Wahlraum „rathaus“ gibt es in pollingStations nicht.']]),
    );
  });

  it('should name a bad colour and a repeated list place of a candidate', () => {
    const d = doc();
    const contest = d.contests[0]!;
    const list = contest.lists[0]!;
    const second = list.candidates[1] ?? list.candidates[0]!;
    const edited = { ...list, color: 'rot', candidates: [list.candidates[0]!, { ...second, position: list.candidates[0]!.position }] };
    const problems = listProblems(rules, d, contest.id, list.id, edited);
    expect(problems.get('color')).toBe('Farbe im Format #rrggbb, z. B. #e3000f.');
    expect(listProblems(rules, d, contest.id, list.id, { ...edited, color: '#e3000f' }).get('candidates.1.position')).toMatch(
      /^Der Listenplatz \d+ ist mehrfach vergeben/,
    );
  });
});
