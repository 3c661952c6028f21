import { validateElectionDefinition, type ElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { sampleCouncilDefinition } from '../../../../libs/domain/test-support/election-definition.fixture';
import { districtFrom, districtProblems, listProblems } from './definition-edit';

const rules = { validateElectionDefinition };
const doc = (): ElectionDefinition => sampleCouncilDefinition();

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
