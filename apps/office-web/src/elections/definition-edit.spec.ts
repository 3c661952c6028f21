import { pathOfPart, validateElectionDefinition, withPollingStation, withStreet, type ElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { answeredProblems, districtFrom, districtProblems, listProblems, partProblems } from './definition-edit';

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

  it('should check a new list at the end of its ballot: a taken ballot position, a taken key, then none', () => {
    const d = doc();
    const contest = d.contests[0]!;
    const added = {
      id: 'fw',
      ballotPosition: contest.lists[0]!.ballotPosition,
      shortName: 'FW',
      name: 'Freie Wähler',
      color: '#f39200',
      candidates: [],
    };
    expect(listProblems(rules, d, contest.id, null, added)).toEqual(
      new Map([['ballotPosition', 'Die Stimmzettel-Position 1 ist mehrfach vergeben (zuerst bei $.contests[0].lists[0].ballotPosition).']]),
    );
    const next = { ...added, ballotPosition: contest.lists.length + 1 };
    expect(listProblems(rules, d, contest.id, null, next)).toEqual(new Map());
    expect(listProblems(rules, d, contest.id, null, { ...next, id: contest.lists[0]!.id })).toEqual(
      new Map([['id', 'Die Wahlvorschlags-Kennung „a“ kommt in diesem Stimmzettel mehrfach vor (zuerst bei $.contests[0].lists[0].id).']]),
    );
  });

  it('should show a station’s postal code at its field and a district left without a room at the districts', () => {
    const d = doc();
    const station = d.pollingStations[0]!;
    const partRules = { validateElectionDefinition, pathOfPart };
    const part = { kind: 'pollingStation', key: 'schule' } as const;
    const badCode = { ...station, address: { ...station.address, postalCode: '7600' } };
    expect(partProblems(partRules, d, part, withPollingStation(d, 'schule', badCode, ['001']))).toEqual(
      new Map([['address.postalCode', 'Die Postleitzahl hat 5 Ziffern.']]),
    );
    expect(partProblems(partRules, d, part, withPollingStation(d, 'schule', station, []))).toEqual(
      new Map([['districts', 'Wahlbezirk 001 wählt hier; wählen Sie für ihn zuerst einen anderen Wahlraum, dann fehlt er hier.']]),
    );
  });

  it('should show an overlap of a new street’s ranges at the later range (R2.4)', () => {
    const d = doc();
    const street = {
      key: '0100',
      name: 'Hauptstraße',
      postalCode: '76000',
      segments: [
        { from: '1', to: '20', parity: 'all' as const, district: '001' },
        { from: '2', to: '8', parity: 'even' as const, district: '001' },
      ],
    };
    const problems = partProblems(
      { validateElectionDefinition, pathOfPart },
      d,
      { kind: 'street', key: '0100' },
      withStreet(d, '0100', street),
    );
    expect([...problems.keys()]).toEqual(['segments.1']);
    expect(problems.get('segments.1')).toMatch(/^Der Hausnummernbereich 2–8 \(gerade\) überschneidet sich mit dem Bereich 1–20 \(alle\)/);
  });

  it('should put the API’s problems at the form’s fields', () => {
    expect(answeredProblems([{ path: '$.station.address.city', message: 'Darf nicht leer sein.' }], 'station')).toEqual(
      new Map([['address.city', 'Darf nicht leer sein.']]),
    );
  });
});
