import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardRecord } from './card-record.types';
import { countByPostalCode, leitregionOf, orderForMailing, reconcilePieces, splitIntoLots } from './mailing-order';

const station = {
  id: 'rathaus',
  name: 'Rathaus',
  barrierFree: true,
  openingHours: '08:00–18:00',
  address: { street: 'Marktplatz', houseNumber: '1', postalCode: '71990', city: 'Wahlingen' },
};

const card = (postalCode: string, street: string, houseNumber: string, district: string, voterNumber: number): CardRecord => ({
  voterNumber,
  familyName: 'Muster',
  givenNames: 'Eva',
  nameLines: ['Eva Muster'],
  street,
  houseNumber,
  postalCode,
  town: 'Wahlingen',
  district: { number: district, name: `Bezirk ${district}` },
  pollingStation: station,
  applicationUrl: 'https://wahl.example/b/x',
});

const label = (record: CardRecord): string =>
  `${record.postalCode} ${record.street} ${record.houseNumber} ${record.district.number}/${record.voterNumber}`;

describe('orderForMailing (R3.10)', () => {
  it('should sort by postal code, then street (DIN 5007), then house number, then district and voter number', () => {
    const records = [
      card('71994', 'Ahornweg', '2', '0705', 3),
      card('71990', 'Marktplatz', '12a', '0101', 7),
      card('71990', 'Marktplatz', '12', '0101', 9),
      card('71990', 'Marktplatz', '2', '0102', 1),
      card('70173', 'Königstraße', '1', '0901', 4),
      card('71990', 'Ölgasse', '5', '0101', 2), // Ö sorts as O: after Marktplatz
      card('71990', 'Marktplatz', '12', '0101', 8),
      card('71990', 'Obere Gasse', '1', '0101', 5), // "obere gasse" < "olgasse"
      card('71994', 'Ahornweg', '10', '0705', 1),
    ];
    const ordered = orderForMailing(records);
    if (!ordered.ok) throw new Error('expected success');
    expect(ordered.value.map((piece) => `${piece.piece}: ${label(piece.record)}`)).toEqual([
      '1: 70173 Königstraße 1 0901/4',
      '2: 71990 Marktplatz 2 0102/1',
      '3: 71990 Marktplatz 12 0101/8',
      '4: 71990 Marktplatz 12 0101/9',
      '5: 71990 Marktplatz 12a 0101/7',
      '6: 71990 Obere Gasse 1 0101/5',
      '7: 71990 Ölgasse 5 0101/2',
      '8: 71994 Ahornweg 2 0705/3',
      '9: 71994 Ahornweg 10 0705/1',
    ]);
  });

  it('should reject malformed postal codes and duplicate voters with their district and number', () => {
    const result = orderForMailing([
      card('7199', 'A', '1', '0101', 1),
      card('71990', 'A', '1', '0101', 2),
      card('71990', 'B', '1', '0101', 2),
    ]);
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'INVALID_POSTAL_CODE', district: '0101', voterNumber: 1, postalCode: '7199' },
        { code: 'DUPLICATE_VOTER', district: '0101', voterNumber: 2 },
      ],
    });
  });

  it('should give the same order whatever the input order (property)', () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      card(`7${(i * 7) % 3}99${i % 2}`, ['Bahnhofstraße', 'Au', 'Zeppelinweg'][i % 3]!, String(1 + (i % 5)), String(100 + (i % 4)), i),
    );
    const reference = orderForMailing(records);
    if (!reference.ok) throw new Error('expected success');
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), (shuffled) => {
        const again = orderForMailing(shuffled);
        return again.ok && again.value.every((piece, i) => piece.record === reference.value[i]!.record && piece.piece === i + 1);
      }),
    );
  });
});

describe('splitIntoLots and countByPostalCode (R3.10, R3.15)', () => {
  it('should cut 12 pieces into lots of 5, 5 and 2 with their piece ranges and Leitregion counts', () => {
    const records = [
      ...Array.from({ length: 7 }, (_, i) => card('71990', 'A', String(i + 1), '1', i + 1)),
      ...Array.from({ length: 3 }, (_, i) => card('71994', 'A', String(i + 1), '1', 20 + i)),
      ...Array.from({ length: 2 }, (_, i) => card('72070', 'A', String(i + 1), '1', 30 + i)),
    ];
    const ordered = orderForMailing(records);
    if (!ordered.ok) throw new Error('expected success');
    const lots = splitIntoLots(ordered.value, 5);
    expect(lots.map((lot) => [lot.lot, lot.firstPiece, lot.lastPiece, lot.pieces.length])).toEqual([
      [1, 1, 5, 5],
      [2, 6, 10, 5],
      [3, 11, 12, 2],
    ]);
    expect(countByPostalCode(lots[1]!.pieces)).toEqual({ leitregionen: { '71': 5 }, postalCodes: { '71990': 2, '71994': 3 } });
    expect(countByPostalCode(ordered.value)).toEqual({
      leitregionen: { '71': 10, '72': 2 },
      postalCodes: { '71990': 7, '71994': 3, '72070': 2 },
    });
    expect(leitregionOf('01067')).toBe('01');
  });

  it('should refuse a lot size below one', () => {
    expect(() => splitIntoLots([], 0)).toThrow(RangeError);
  });
});

describe('reconcilePieces (R3.15)', () => {
  it('should list missing, doubled, unknown and out-of-sequence pieces', () => {
    expect(reconcilePieces(8, [1, 2, 4, 3, 4, 6, 9, 8])).toEqual({
      expected: 8,
      reported: 8,
      missing: [5, 7],
      duplicates: [4],
      unknown: [9],
      outOfSequence: [3],
    });
  });

  it('should report a complete run as nothing missing', () => {
    const result = reconcilePieces(3, [1, 2, 3]);
    expect([result.missing, result.duplicates, result.unknown, result.outOfSequence]).toEqual([[], [], [], []]);
  });
});
