import { describe, expect, it } from 'vitest';
import { changedCounts, defaultContest, importRequest, seatsOf } from './definition-import-form';

const zero = {
  areas: 0,
  pollingStations: 0,
  pollingDistricts: 0,
  postalDistricts: 0,
  contests: 0,
  lists: 0,
  candidates: 0,
  streets: 0,
  streetSegments: 0,
  previousResults: 0,
};

describe('definition import form', () => {
  it('should propose the council contest for a Gemeinderatswahl and the Erststimme for a Bundestagswahl', () => {
    expect(defaultContest('gemeinderat-bw')).toEqual({ key: 'gemeinderat', name: 'Gemeinderat', ballotType: 'council' });
    expect(defaultContest('bundestag')).toEqual({ key: 'erststimme', name: 'Erststimme', ballotType: 'candidate' });
  });

  it('should send the contest with candidates only', () => {
    const contest = { ...defaultContest('gemeinderat-bw'), seats: 48 };
    expect(importRequest('candidates', 'k.csv', 'x', contest)).toEqual({ kind: 'candidates', fileName: 'k.csv', csv: 'x', contest });
    expect(importRequest('streets', 's.csv', 'x', contest)).toEqual({ kind: 'streets', fileName: 's.csv', csv: 'x' });
  });

  it('should read seats as a whole number only', () => {
    expect([seatsOf(' 48 '), seatsOf('4.5'), seatsOf('')]).toEqual([48, undefined, undefined]);
  });

  it('should list only the counts the import changes', () => {
    expect(changedCounts(zero, { ...zero, areas: 27, pollingDistricts: 128 })).toEqual([
      { key: 'areas', before: 0, after: 27 },
      { key: 'pollingDistricts', before: 0, after: 128 },
    ]);
  });
});
