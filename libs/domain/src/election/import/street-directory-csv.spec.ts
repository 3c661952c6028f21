import { describe, expect, it } from 'vitest';
import { parseStreetDirectory } from './street-directory-csv';

const HEADER = 'strassenschluessel;strassenname;plz;hausnummer-von;hausnummer-bis;paritaet;wahlbezirk';
const districts = new Map<string, 'polling' | 'postal'>([
  ['00121', 'polling'],
  ['00122', 'polling'],
  ['03001', 'postal'],
]);

describe('street directory CSV (R2.4)', () => {
  it('should group the ranges of a street key into one street', () => {
    const csv = [
      HEADER,
      '00123;Kaiserstraße;76133;1;99;ungerade;00121',
      '00123;Kaiserstraße;76133;2;98;gerade;00122',
      '00200;Adlerstraße;76133;1;12a;;00121',
    ];
    expect(parseStreetDirectory(csv.join('\n'), districts)).toEqual({
      streets: [
        {
          key: '00123',
          name: 'Kaiserstraße',
          postalCode: '76133',
          segments: [
            { from: '1', to: '99', parity: 'odd', district: '00121' },
            { from: '2', to: '98', parity: 'even', district: '00122' },
          ],
        },
        { key: '00200', name: 'Adlerstraße', postalCode: '76133', segments: [{ from: '1', to: '12a', parity: 'all', district: '00121' }] },
      ],
      problems: [],
    });
  });

  it('should show an overlap in place, naming the line of the other range (12 is odd and even: in 1–13 all and 12–20 gerade)', () => {
    const csv = [HEADER, '00123;Kaiserstraße;76133;1;13;alle;00121', '00123;Kaiserstraße;76133;12;20;gerade;00122'];
    expect(parseStreetDirectory(csv.join('\n'), districts).problems).toEqual([
      {
        line: 3,
        field: 'hausnummer-von',
        message: 'Der Bereich 12–20 (gerade) überschneidet sich mit 1–13 (alle) aus Zeile 2 (Wahlbezirk 00121, R2.4).',
        severity: 'error',
      },
    ]);
  });

  it('should name every bad field of a line in German', () => {
    const csv = [HEADER, ';Kaiserstraße;7613;0;x;beide;03001', '00123;Kaiserstraße;76133;20;10;alle;99999'];
    expect(parseStreetDirectory(csv.join('\n'), districts).problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'strassenschluessel', 'Der Straßenschlüssel fehlt.'],
      [2, 'plz', '„7613“ ist keine Postleitzahl (5 Ziffern).'],
      [2, 'hausnummer-von', '„0“ ist keine Hausnummer (z. B. 12, 12a, 12/1).'],
      [2, 'hausnummer-bis', '„x“ ist keine Hausnummer (z. B. 12, 12a, 12/1).'],
      [2, 'paritaet', '„beide“: erlaubt sind alle, gerade oder ungerade.'],
      [2, 'wahlbezirk', '„03001“ ist ein Briefwahlbezirk; Straßen gehören zu Urnenwahlbezirken (R2.4, R2.5).'],
      [3, 'wahlbezirk', 'Den Wahlbezirk „99999“ gibt es in dieser Wahl nicht.'],
    ]);
  });
});
