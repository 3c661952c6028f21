import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HouseNumberParity, Street } from './election-definition.types';
import {
  compareHouseNumbers,
  createStreetIndex,
  findDistrict,
  formatHouseNumber,
  houseNumberKey,
  isAtOrBelowUpper,
  parseHouseNumber,
  parseSegmentRange,
  parseSingleHouseNumber,
  segmentContains,
  segmentsOverlap,
  upperBoundKey,
  type HouseNumber,
  type SegmentRange,
} from './house-number';

const hn = (text: string): HouseNumber => {
  const parsed = parseSingleHouseNumber(text);
  if (!parsed) throw new Error(`not a house number: ${text}`);
  return parsed;
};
const range = (from: string, to: string, parity: HouseNumberParity = 'all'): SegmentRange => {
  const parsed = parseSegmentRange({ from, to, parity });
  if (!parsed) throw new Error(`bad range ${from}-${to}`);
  return parsed;
};

describe('parseHouseNumber', () => {
  it('should read numbers, letter suffixes in any case and spacing, and Bruchnummern', () => {
    expect(parseHouseNumber('12')).toEqual({ number: 12, suffix: '' });
    expect(parseHouseNumber('12a')).toEqual({ number: 12, suffix: 'a' });
    expect(parseHouseNumber(' 12 A ')).toEqual({ number: 12, suffix: 'a' });
    expect(parseHouseNumber('007')).toEqual({ number: 7, suffix: '' });
    expect(parseHouseNumber('12/1')).toEqual({ number: 12, suffix: '/1' });
    expect(parseHouseNumber('12 / 2')).toEqual({ number: 12, suffix: '/2' });
  });

  it('should read a range address by its first number and keep the last', () => {
    expect(parseHouseNumber('12-14')).toEqual({ number: 12, suffix: '', rangeEnd: { number: 14, suffix: '' } });
    expect(parseHouseNumber('3a – 3c')).toEqual({ number: 3, suffix: 'a', rangeEnd: { number: 3, suffix: 'c' } });
    expect(parseSingleHouseNumber('12-14')).toBeNull();
  });

  it('should refuse what is not a house number', () => {
    for (const text of ['', 'a', '0', '12abc', '12-10', '12-12', 'zwölf', '12.5', '123456', '12/0']) {
      expect(parseHouseNumber(text), text).toBeNull();
    }
  });
});

describe('compareHouseNumbers (R2.4)', () => {
  it('should order by integer part, then suffix: 12 < 12a < 12b < 12/1 < 13', () => {
    const sorted = ['13', '12b', '12/1', '12', '12a', '2', '12/10', '12/2'].map(hn).sort(compareHouseNumbers).map(formatHouseNumber);
    expect(sorted).toEqual(['2', '12', '12a', '12b', '12/1', '12/2', '12/10', '13']);
  });

  it('should ignore the case of letters', () => {
    expect(compareHouseNumbers(hn('12A'), hn('12a'))).toBe(0);
  });
});

describe('segmentContains (R2.4)', () => {
  it('should match the integer part within the bounds and the parity', () => {
    const odd = range('1', '49', 'odd');
    expect(segmentContains(odd, hn('1'))).toBe(true);
    expect(segmentContains(odd, hn('49'))).toBe(true);
    expect(segmentContains(odd, hn('13b'))).toBe(true);
    expect(segmentContains(odd, hn('12'))).toBe(false);
    expect(segmentContains(odd, hn('51'))).toBe(false);
    expect(segmentContains(range('2', '50', 'even'), hn('12a'))).toBe(true);
  });

  it('should include every suffix of an upper bound without suffix, and stop at a suffixed one', () => {
    expect(segmentContains(range('1', '20'), hn('20c'))).toBe(true);
    expect(segmentContains(range('1', '20b'), hn('20b'))).toBe(true);
    expect(segmentContains(range('1', '20b'), hn('20c'))).toBe(false);
    expect(segmentContains(range('12a', '20'), hn('12'))).toBe(false);
    expect(segmentContains(range('12a', '20'), hn('12a'))).toBe(true);
  });

  it('should refuse a range whose end lies before its start', () => {
    expect(parseSegmentRange({ from: '20', to: '10', parity: 'all' })).toBeNull();
    expect(parseSegmentRange({ from: '12b', to: '12a', parity: 'all' })).toBeNull();
    expect(parseSegmentRange({ from: '12b', to: '12', parity: 'all' })).not.toBeNull();
  });
});

describe('segmentsOverlap (R2.4)', () => {
  it('should find overlaps only where some number satisfies both parities', () => {
    expect(segmentsOverlap(range('1', '49', 'odd'), range('2', '50', 'even'))).toBe(false);
    expect(segmentsOverlap(range('1', '49', 'odd'), range('41', '99', 'all'))).toBe(true);
    expect(segmentsOverlap(range('1', '10', 'all'), range('11', '20', 'all'))).toBe(false);
    expect(segmentsOverlap(range('1', '10', 'all'), range('10', '20', 'all'))).toBe(true);
    // The intersection 10..10 holds no odd number.
    expect(segmentsOverlap(range('1', '10', 'odd'), range('10', '20', 'all'))).toBe(false);
    expect(segmentsOverlap(range('2', '10', 'even'), range('10', '20', 'even'))).toBe(true);
  });

  it('should let letter suffixes split one number between two segments', () => {
    expect(segmentsOverlap(range('1', '12'), range('12a', '20'))).toBe(true);
    expect(segmentsOverlap(range('1', '12a'), range('12b', '20'))).toBe(false);
    expect(segmentsOverlap(range('1', '12a'), range('12a', '20'))).toBe(true);
  });
});

describe('house-number properties', () => {
  const suffix = fc.constantFrom('', 'a', 'b', 'c', '/1', '/2');
  const houseNumber = fc.record({ number: fc.integer({ min: 1, max: 60 }), suffix });
  const parity = fc.constantFrom<HouseNumberParity>('all', 'odd', 'even');
  // Bounds in either order; the few pairs that parse to no range (12b–12a) are dropped.
  const segment = fc
    .tuple(houseNumber, houseNumber, parity)
    .map(([a, b, p]) => {
      const [from, to] = compareHouseNumbers(a, b) <= 0 ? [a, b] : [b, a];
      return parseSegmentRange({ from: formatHouseNumber(from), to: formatHouseNumber(to), parity: p });
    })
    .filter((r): r is SegmentRange => r !== null);

  it('should order house numbers as a total order consistent with formatting', () => {
    fc.assert(
      fc.property(houseNumber, houseNumber, houseNumber, (a, b, c) => {
        expect(Math.sign(compareHouseNumbers(a, b)) + Math.sign(compareHouseNumbers(b, a))).toBe(0);
        if (compareHouseNumbers(a, b) <= 0 && compareHouseNumbers(b, c) <= 0) expect(compareHouseNumbers(a, c)).toBeLessThanOrEqual(0);
        expect(compareHouseNumbers(a, b) === 0).toBe(formatHouseNumber(a) === formatHouseNumber(b));
        expect(parseSingleHouseNumber(formatHouseNumber(a))).toEqual(a);
        if (a.number < b.number) expect(compareHouseNumbers(a, b)).toBeLessThan(0);
      }),
    );
  });

  it('should give the index keys the same order as compareHouseNumbers and isAtOrBelowUpper', () => {
    const anySuffix = fc.oneof(
      fc.constant(''),
      fc.stringMatching(/^[a-zßäöü]{1,2}$/),
      fc.integer({ min: 1, max: 999 }).map((n) => `/${n}`),
    );
    const wide = fc.record({ number: fc.integer({ min: 1, max: 99999 }), suffix: anySuffix });
    fc.assert(
      fc.property(wide, wide, (a, b) => {
        expect(Math.sign(houseNumberKey(a) - houseNumberKey(b))).toBe(Math.sign(compareHouseNumbers(a, b)));
        expect(houseNumberKey(a) <= upperBoundKey(b)).toBe(isAtOrBelowUpper(a, b));
        expect(upperBoundKey(b)).toBeLessThan(2 ** 31);
      }),
      { numRuns: 5000 },
    );
  });

  it('should detect overlaps symmetrically and exactly when some house number lies in both segments', () => {
    // Every house number the generator can produce, plus a suffix beyond those used in bounds.
    const universe: HouseNumber[] = [];
    for (let n = 1; n <= 61; n++) for (const s of ['', 'a', 'b', 'c', 'd', '/1', '/2', '/3']) universe.push({ number: n, suffix: s });
    fc.assert(
      fc.property(segment, segment, (a, b) => {
        const overlap = segmentsOverlap(a, b);
        expect(segmentsOverlap(b, a)).toBe(overlap);
        const witness = universe.some((h) => segmentContains(a, h) && segmentContains(b, h));
        expect(overlap).toBe(witness);
      }),
      { numRuns: 2000 },
    );
  });

  it('should find through the index exactly the districts a linear scan finds', () => {
    const street = fc.array(fc.tuple(segment, fc.constantFrom('001', '002', '003')), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(street, houseNumber, (segments, h) => {
        const streets: Street[] = [
          {
            key: 'S',
            name: 'Teststraße',
            postalCode: '76999',
            segments: segments.map(([r, district]) => ({
              from: formatHouseNumber(r.from),
              to: formatHouseNumber(r.to),
              parity: r.parity,
              district,
            })),
          },
        ];
        const expected = [...new Set(segments.filter(([r]) => segmentContains(r, h)).map(([, d]) => d))].sort();
        const found = createStreetIndex(streets).find('S', h);
        if (expected.length === 0) expect(found).toEqual({ kind: 'none', reason: 'no-segment' });
        else if (expected.length === 1) expect(found).toEqual({ kind: 'match', district: expected[0] });
        else expect(found).toEqual({ kind: 'ambiguous', districts: expected });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findDistrict (R2.4)', () => {
  const streets: Street[] = [
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
    {
      key: '0300',
      name: 'Marktplatz',
      postalCode: '76999',
      segments: [
        { from: '1', to: '12b', parity: 'all', district: '002' },
        { from: '12c', to: '20', parity: 'all', district: '003' },
      ],
    },
    {
      key: '0400',
      name: 'Doppelweg',
      postalCode: '76999',
      segments: [
        { from: '1', to: '10', parity: 'all', district: '001' },
        { from: '5', to: '7', parity: 'odd', district: '002' },
      ],
    },
  ];

  it('should assign odd and even sides to their districts', () => {
    expect(findDistrict(streets, '0100', '17')).toEqual({ kind: 'match', district: '001' });
    expect(findDistrict(streets, '0100', '18')).toEqual({ kind: 'match', district: '002' });
    expect(findDistrict(streets, '0100', '77b')).toEqual({ kind: 'match', district: '003' });
  });

  it('should put 12a after 12 and split a number at a suffixed bound', () => {
    expect(findDistrict(streets, '0300', '12')).toEqual({ kind: 'match', district: '002' });
    expect(findDistrict(streets, '0300', '12 B')).toEqual({ kind: 'match', district: '002' });
    expect(findDistrict(streets, '0300', '12c')).toEqual({ kind: 'match', district: '003' });
    expect(findDistrict(streets, '0300', '13')).toEqual({ kind: 'match', district: '003' });
    expect(findDistrict(streets, '0300', '11-13')).toEqual({ kind: 'match', district: '002' });
  });

  it('should say why nothing matched', () => {
    expect(findDistrict(streets, '9999', '1')).toEqual({ kind: 'none', reason: 'unknown-street' });
    expect(findDistrict(streets, '0100', 'x')).toEqual({ kind: 'none', reason: 'invalid-house-number' });
    expect(findDistrict(streets, '0100', '100')).toEqual({ kind: 'none', reason: 'no-segment' });
    expect(findDistrict(streets, '0300', '21')).toEqual({ kind: 'none', reason: 'no-segment' });
  });

  it('should report every district of overlapping segments as ambiguous', () => {
    expect(findDistrict(streets, '0400', '5')).toEqual({ kind: 'ambiguous', districts: ['001', '002'] });
    expect(findDistrict(streets, '0400', '6')).toEqual({ kind: 'match', district: '001' });
  });
});
