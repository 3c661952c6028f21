import { describe, expect, it } from 'vitest';
import { addressLines } from './address-block';

describe('addressLines (R3.6, R3.7)', () => {
  it('should drop empty lines and end with PLZ Ort', () => {
    expect(
      addressLines({
        nameLines: ['Frau', '  Dr. Erika   Mustermann ', ''],
        addressSupplement: ' ',
        street: 'Hauptstraße',
        houseNumber: '12a',
        postalCode: '71990',
        town: 'Wahlingen',
      }),
    ).toEqual(['Frau', 'Dr. Erika Mustermann', 'Hauptstraße 12a', '71990 Wahlingen']);
  });

  it('should keep a supplement between name and street', () => {
    expect(
      addressLines({
        nameLines: ['Ali Yılmaz'],
        addressSupplement: 'c/o Weber',
        street: 'Am Bach',
        houseNumber: '3/1',
        postalCode: '71994',
        town: 'Wahlingen',
      }),
    ).toEqual(['Ali Yılmaz', 'c/o Weber', 'Am Bach 3/1', '71994 Wahlingen']);
  });
});
