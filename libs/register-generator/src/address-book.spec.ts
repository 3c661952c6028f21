import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createStreetIndex, type ElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { buildAddressBook, plainNumbersOf } from './address-book';

const demo = JSON.parse(readFileSync(resolve(__dirname, '../../../examples/demo-election.json'), 'utf8')) as ElectionDefinition;

describe('plainNumbersOf', () => {
  it('should include the plain number of a lettered upper bound and exclude it for a lettered lower bound', () => {
    expect(plainNumbersOf({ from: '1', to: '5a', parity: 'all' })).toEqual([1, 2, 3, 4, 5]);
    expect(plainNumbersOf({ from: '5b', to: '8', parity: 'all' })).toEqual([6, 7, 8]);
  });

  it('should keep only the segment parity', () => {
    expect(plainNumbersOf({ from: '1', to: '10', parity: 'odd' })).toEqual([1, 3, 5, 7, 9]);
    expect(plainNumbersOf({ from: '2', to: '9', parity: 'even' })).toEqual([2, 4, 6, 8]);
  });
});

describe('buildAddressBook on the demo election', () => {
  const book = buildAddressBook(demo);
  const index = createStreetIndex(demo.streets);

  it('should resolve every address, plain and with a letter, to its own district (R2.4)', () => {
    for (const address of book.addresses) {
      const numbers = [String(address.houseNumber), ...(address.suffixable ? [`${address.houseNumber}a`, `${address.houseNumber}b`] : [])];
      for (const houseNumber of numbers) {
        expect(index.find(address.streetKey, houseNumber)).toEqual({ kind: 'match', district: address.district });
      }
    }
  });

  it('should place the first free number of each street outside every segment', () => {
    for (const street of book.beyondEnd) {
      expect(index.find(street.streetKey, String(street.firstFree + 10)).kind).toBe('none');
    }
  });

  it('should weigh each district by its inhabitants', () => {
    const byDistrict = new Map<string, number>();
    book.addresses.forEach((a, i) => byDistrict.set(a.district, (byDistrict.get(a.district) ?? 0) + (book.weights[i] as number)));
    for (const district of demo.districts) {
      if (district.kind === 'polling') expect(byDistrict.get(district.number)).toBeCloseTo(district.inhabitants as number, 6);
    }
  });
});
