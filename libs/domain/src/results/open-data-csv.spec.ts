import { describe, expect, it } from 'vitest';
import { formatElectedCsv, formatOpenDataCsv, germanDate, openDataColumns, parseOpenDataCsv, type OpenDataRow } from './open-data-csv';

// Header and two rows of Göttingen's BTW 2025 export (../shared/data/goettingen-btw2025), cut to
// ballot rows 1–3 of 23: Urnenwahlbezirk 101 and Briefwahlbezirk 161 (empty A cells, R2.5).
const GOETTINGEN = [
  'datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;D2;F2;D3;F3',
  '23.02.2025;Bundestagswahl;03159016;101;101 Lohberg (1);1;1;503;292;0;795;418;7;4;414;2;416;111;86;85;73;116;125',
  '23.02.2025;Bundestagswahl;03159016;161;161 BW-Herberhausen;1;1;;;;;362;362;6;356;1;361;87;80;111;98;89;86',
  '',
].join('\n');

const votes = (entries: readonly (readonly [number, number])[]) => new Map(entries);

describe('votemanager open-data CSV', () => {
  it('should name the columns as the Göttingen file does for two contests', () => {
    expect(openDataColumns(2, 3).join(';')).toBe(GOETTINGEN.split('\n')[0]);
  });

  it('should name the columns C;D;D1… for one contest', () => {
    expect(openDataColumns(1, 2).slice(13)).toEqual(['C', 'D', 'D1', 'D2']);
  });

  it('should write the Göttingen rows byte for byte', () => {
    const rows: OpenDataRow[] = [
      {
        areaNumber: '101',
        areaName: '101 Lohberg (1)',
        expected: 1,
        reported: 1,
        counts: { A1: 503, A2: 292, A3: 0, A: 795, B: 418, B1: 7 },
        contests: [
          {
            invalid: 4,
            valid: 414,
            votesByBallotRow: votes([
              [1, 111],
              [2, 85],
              [3, 116],
            ]),
          },
          {
            invalid: 2,
            valid: 416,
            votesByBallotRow: votes([
              [1, 86],
              [2, 73],
              [3, 125],
            ]),
          },
        ],
      },
      {
        areaNumber: '161',
        areaName: '161 BW-Herberhausen',
        expected: 1,
        reported: 1,
        counts: { A1: null, A2: null, A3: null, A: null, B: 362, B1: 362 },
        contests: [
          {
            invalid: 6,
            valid: 356,
            votesByBallotRow: votes([
              [1, 87],
              [2, 111],
              [3, 89],
            ]),
          },
          {
            invalid: 1,
            valid: 361,
            votesByBallotRow: votes([
              [1, 80],
              [2, 98],
              [3, 86],
            ]),
          },
        ],
      },
    ];
    const csv = formatOpenDataCsv(
      { electionDay: '2025-02-23', electionName: 'Bundestagswahl', ags: '03159016' },
      { contestCount: 2, ballotRows: 3 },
      rows,
    );
    expect(csv).toBe(GOETTINGEN);
  });

  it('should leave a ballot row without a list and a withheld row empty', () => {
    const csv = formatOpenDataCsv(
      { electionDay: '2025-02-23', electionName: 'Bundestagswahl', ags: '03159016' },
      { contestCount: 1, ballotRows: 2 },
      [
        {
          areaNumber: '1',
          areaName: 'Eins',
          expected: 1,
          reported: 1,
          counts: { A1: 1, A2: 0, A3: 0, A: 1, B: 1, B1: 0 },
          contests: [{ invalid: 0, valid: 1, votesByBallotRow: votes([[2, 1]]) }],
        },
        {
          areaNumber: '2',
          areaName: 'Zwei; mit Semikolon',
          expected: 1,
          reported: 1,
          counts: { A1: null, A2: null, A3: null, A: null, B: null, B1: null },
          contests: [],
        },
      ],
    );
    expect(csv.split('\n')).toEqual([
      'datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D;D1;D2',
      '23.02.2025;Bundestagswahl;03159016;1;Eins;1;1;1;0;0;1;1;0;0;1;;1',
      '23.02.2025;Bundestagswahl;03159016;2;Zwei mit Semikolon;1;1;;;;;;;;;;',
      '',
    ]);
  });

  it('should read the rows back with empty cells as null', () => {
    const parsed = parseOpenDataCsv(GOETTINGEN);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.contestCount).toBe(2);
    expect(parsed.value.ballotRows).toBe(3);
    const [urn, postal] = parsed.value.rows;
    expect(urn).toMatchObject({ line: 2, areaNumber: '101', areaName: '101 Lohberg (1)', expected: 1, reported: 1 });
    expect(urn!.values).toMatchObject({ A: 795, B: 418, B1: 7, C: 4, D: 414, E: 2, F: 416, D1: 111, F3: 125 });
    expect(postal!.values).toMatchObject({ A1: null, A: null, B: 362, F1: 80 });
  });

  it('should accept a BOM and CRLF line ends', () => {
    const parsed = parseOpenDataCsv('\uFEFF' + GOETTINGEN.replace(/\n/g, '\r\n'));
    expect(parsed.ok && parsed.value.rows.map((row) => row.values['F2'])).toEqual([73, 98]);
  });

  it('should list every bad count with line and column', () => {
    const broken = GOETTINGEN.replace(';418;7;', ';4x8;7;').replace(';87;80;', ';87;-1;');
    const parsed = parseOpenDataCsv(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((error) => [error.line, error.column])).toEqual([
      [2, 'B'],
      [3, 'F1'],
    ]);
    expect(parsed.error[0]!.message).toBe('Zeile 2, Spalte B: „4x8“ ist keine ganze Zahl ≥ 0.');
  });

  it('should refuse a file without the open-data header', () => {
    const parsed = parseOpenDataCsv('version;bezirk-nr;A;B\n0.3;00121;1;1\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error[0]!.message).toContain('datum, wahl, ags, gebiet-nr');
  });

  it('should write German dates', () => {
    expect(germanDate('2025-02-23')).toBe('23.02.2025');
  });
});

describe('gewaehlte.csv', () => {
  it('should write one row per elected member and substitute, names cleaned of separators', () => {
    const csv = formatElectedCsv({ electionDay: '2024-06-09', electionName: 'Gemeinderatswahl', ags: '08212000', final: false }, [
      { listBallotPosition: 1, listShortName: 'CDU', position: 3, name: 'Dr. Anna Berger', votes: 41_230, elected: true },
      { listBallotPosition: 1, listShortName: 'CDU', position: 1, name: 'Karl; Ostermann', votes: 39_001, elected: false },
    ]);
    expect(csv).toBe(
      [
        'datum;wahl;ags;stand;liste-nr;liste;platz;name;stimmen;ergebnis',
        '09.06.2024;Gemeinderatswahl;08212000;vorläufig;1;CDU;3;Dr. Anna Berger;41230;gewählt',
        '09.06.2024;Gemeinderatswahl;08212000;vorläufig;1;CDU;1;Karl Ostermann;39001;Ersatzperson',
        '',
      ].join('\n'),
    );
  });
});
