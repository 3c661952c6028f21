import type { Street } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { lookupAddress, streetDirectory, type DirectoryDistrict } from './address-lookup';

// A small directory: Schulstraße odd numbers 1–49 in 0101, even 2–50 in 0102, 51 and up in 0103;
// Hauptstraße exists in two postal codes with different districts (R2.4 segments by parity and range).
const STREETS: Street[] = [
  {
    key: '1001',
    name: 'Schulstraße',
    postalCode: '76990',
    segments: [
      { from: '1', to: '49', parity: 'odd', district: 'id-0101' },
      { from: '2', to: '50', parity: 'even', district: 'id-0102' },
      { from: '51', to: '999', parity: 'all', district: 'id-0103' },
    ],
  },
  { key: '1002', name: 'Hauptstraße', postalCode: '76990', segments: [{ from: '1', to: '99', parity: 'all', district: 'id-0101' }] },
  { key: '1003', name: 'Hauptstraße', postalCode: '76991', segments: [{ from: '1', to: '20', parity: 'all', district: 'id-0103' }] },
  { key: '1004', name: 'Schulweg', postalCode: '76990', segments: [{ from: '10', to: '20', parity: 'all', district: 'id-0102' }] },
];
const station = { name: 'Grundschule am Markt', address: 'Schulstraße 1, 76990 Musterstadt', barrierFree: true };
const DISTRICTS: DirectoryDistrict[] = [
  { id: 'id-0101', number: '0101', name: 'Altstadt', pollingStation: station },
  { id: 'id-0102', number: '0102', name: 'Neustadt', pollingStation: null },
  { id: 'id-0103', number: '0103', name: 'Oststadt', pollingStation: null },
];
const directory = streetDirectory(STREETS, DISTRICTS);

describe('lookupAddress', () => {
  it('should find the district by street, parity and range however the street is written', () => {
    expect(lookupAddress(directory, 'Schulstr.', '3a')).toEqual({
      kind: 'found',
      street: 'Schulstraße',
      houseNumber: '3a',
      districts: [{ number: '0101', name: 'Altstadt', areaId: 'id-0101', pollingStation: station }],
    });
    expect(lookupAddress(directory, 'schulstrasse', ' 12 ')).toMatchObject({
      kind: 'found',
      houseNumber: '12',
      districts: [{ number: '0102' }],
    });
    expect(lookupAddress(directory, 'Schulstraße', '51')).toMatchObject({ districts: [{ number: '0103' }] });
    expect(lookupAddress(directory, 'Schulstraße', '12-14')).toMatchObject({ districts: [{ number: '0102' }] });
  });

  it('should name every district where the street name exists in several postal codes', () => {
    const result = lookupAddress(directory, 'Hauptstraße', '5');
    expect(result.kind === 'found' && result.districts.map((d) => d.number)).toEqual(['0101', '0103']);
    // Number 50 exists only in the first Hauptstraße.
    const fifty = lookupAddress(directory, 'Hauptstraße', '50');
    expect(fifty.kind === 'found' && fifty.districts.map((d) => d.number)).toEqual(['0101']);
  });

  it('should tell an unknown street (with suggestions), a bad house number and an uncovered number apart', () => {
    expect(lookupAddress(directory, 'Schulstrase', '3')).toEqual({ kind: 'unknown-street', suggestions: ['Schulstraße', 'Schulweg'] });
    expect(lookupAddress(directory, 'Am Bahnhof', '3')).toEqual({ kind: 'unknown-street', suggestions: [] });
    expect(lookupAddress(directory, 'Schulstraße', 'drei')).toEqual({ kind: 'invalid-house-number' });
    expect(lookupAddress(directory, 'Schulstraße', '0')).toEqual({ kind: 'invalid-house-number' });
    expect(lookupAddress(directory, 'Schulweg', '3')).toEqual({ kind: 'no-district', street: 'Schulweg' });
  });
});
