import { describe, expect, it } from 'vitest';
import type { Street } from './election-definition.types';
import { findStreetsByName, streetNameKey, suggestStreetNames } from './street-search';

const street = (key: string, name: string, postalCode = '76990'): Street => ({ key, name, postalCode, segments: [] });
const STREETS = [
  street('1', 'Schulstraße'),
  street('2', 'Schulweg'),
  street('3', 'Karl-Friedrich-Straße'),
  street('4', 'Am Schlossgarten'),
  street('5', 'Hauptstraße', '76990'),
  street('6', 'Hauptstraße', '76991'),
  street('7', 'Alte Schulgasse'),
];

describe('streetNameKey', () => {
  it('should fold the ways people write a street name into one key', () => {
    for (const written of ['Schulstraße', 'schulstrasse', 'Schulstr.', ' SCHULSTR ', 'Schul-Straße'])
      expect(streetNameKey(written), written).toBe('schulstrasse');
    expect(streetNameKey('Karl-Friedrich-Str.')).toBe('karlfriedrichstrasse');
    expect(streetNameKey('Möhlstr.')).toBe('moehlstrasse');
    // "str" inside a word is no abbreviation.
    expect(streetNameKey('Strandweg')).toBe('strandweg');
  });
});

describe('findStreetsByName', () => {
  it('should find a street however it is written, and every postal code of a name', () => {
    expect(findStreetsByName(STREETS, 'karl-friedrich-str').map((s) => s.key)).toEqual(['3']);
    expect(findStreetsByName(STREETS, 'Hauptstr.').map((s) => s.key)).toEqual(['5', '6']);
    expect(findStreetsByName(STREETS, 'Nirgendwo')).toEqual([]);
    expect(findStreetsByName(STREETS, ' - ')).toEqual([]);
  });
});

describe('suggestStreetNames', () => {
  it('should suggest names starting with the stem first, then names containing it', () => {
    expect(suggestStreetNames(STREETS, 'Schulstrase')).toEqual(['Schulstraße', 'Schulweg', 'Alte Schulgasse']);
    expect(suggestStreetNames(STREETS, 'Schul')).toEqual(['Schulstraße', 'Schulweg', 'Alte Schulgasse']);
    expect(suggestStreetNames(STREETS, 'Schulplatz')).toEqual(['Schulstraße', 'Schulweg', 'Alte Schulgasse']);
    expect(suggestStreetNames(STREETS, 'Haupt')).toEqual(['Hauptstraße']);
    expect(suggestStreetNames(STREETS, 'Sc')).toEqual([]);
  });
});
