import { parseOpenDataCsv } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { normalizeName, previousFromOpenData } from './previous-from-open-data';

// Three rows of a one-contest file (C;D;D1…D3): districts 1 and 2, and a postal district 9 that
// this election no longer has. The election numbers its districts 0001 and 0002.
const CSV = [
  'datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D;D1;D2;D3',
  '09.06.2024;Europawahl;08999001;1;Nord;1;1;900;100;0;1000;600;50;10;590;300;200;90',
  '09.06.2024;Europawahl;08999001;2;Süd;1;1;450;50;0;500;300;20;5;295;100;150;45',
  '09.06.2024;Europawahl;08999001;9;Briefwahl;1;1;;;;;200;200;2;198;80;70;48',
  '',
].join('\n');

const TARGET = {
  districtNumbers: ['0001', '0002'],
  contests: [
    {
      key: 'eu',
      lists: [
        { key: 'gruene', shortName: 'GRÜNE', name: 'BÜNDNIS 90/DIE GRÜNEN' },
        { key: 'cdu', shortName: 'CDU', name: 'Christlich Demokratische Union Deutschlands' },
      ],
    },
  ],
};

const parsed = () => {
  const result = parseOpenDataCsv(CSV);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('previous election from an open-data file', () => {
  it('should match names ignoring case, accents and punctuation', () => {
    expect(normalizeName('Bündnis 90/Die Grünen')).toBe(normalizeName('BÜNDNIS 90 / DIE GRÜNEN'));
    expect(normalizeName('FREIE WÄHLER')).toBe('freiewahler');
  });

  it('should map ballot rows to lists by name, keep unknown lists under their own key, and sum the town over every row', () => {
    const report = previousFromOpenData(
      parsed(),
      { name: 'Europawahl 2024', electionDay: '2024-06-09', ballotRows: ['cdu', 'Bündnis 90/Die Grünen', 'Tierschutzpartei'] },
      TARGET,
    );
    expect(report.lists).toEqual([
      { ballotRow: 1, name: 'cdu', contest: 'eu', listKey: 'cdu', matched: true },
      { ballotRow: 2, name: 'Bündnis 90/Die Grünen', contest: 'eu', listKey: 'gruene', matched: true },
      { ballotRow: 3, name: 'Tierschutzpartei', contest: 'eu', listKey: 'tierschutzpartei', matched: false },
    ]);
    expect(report.districtsMatched).toBe(2);
    expect(report.unmatchedRows).toEqual([{ number: '9', name: 'Briefwahl' }]);
    expect(report.previous.results).toEqual([
      {
        area: '0001',
        contest: 'eu',
        eligible: 1000,
        voters: 600,
        invalid: 10,
        valid: 590,
        votes: { cdu: 300, gruene: 200, tierschutzpartei: 90 },
      },
      {
        area: '0002',
        contest: 'eu',
        eligible: 500,
        voters: 300,
        invalid: 5,
        valid: 295,
        votes: { cdu: 100, gruene: 150, tierschutzpartei: 45 },
      },
      // 600 + 300 + 200 voters of 1,000 + 500 eligible (the postal row has no A, R2.5).
      {
        area: 'municipality',
        contest: 'eu',
        eligible: 1500,
        voters: 1100,
        invalid: 17,
        valid: 1083,
        votes: { cdu: 480, gruene: 420, tierschutzpartei: 183 },
      },
    ]);
    expect(report.unassignedVotes).toBe(0);
  });

  it('should leave out and count the votes of unnamed ballot rows', () => {
    const report = previousFromOpenData(
      parsed(),
      { name: 'Europawahl 2024', electionDay: '2024-06-09', ballotRows: ['CDU', null] },
      TARGET,
    );
    expect(report.unassignedVotes).toBe(200 + 90 + 150 + 45 + 70 + 48);
    expect(report.previous.results[0]!.votes).toEqual({ cdu: 300 });
  });
});
