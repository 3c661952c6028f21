import { describe, expect, it } from 'vitest';
import { compareGerman, primaryCollationKey } from './collation';

const sorted = (names: string[]) => [...names].sort(compareGerman);

describe('German collation (DIN 5007 variant 1)', () => {
  it('should fold umlauts, ß, accents and case on the primary level', () => {
    expect(primaryCollationKey('Müller')).toBe('muller');
    expect(primaryCollationKey('Straße')).toBe('strasse');
    expect(primaryCollationKey('STRASSE')).toBe('strasse');
    expect(primaryCollationKey('Çelik')).toBe('celik');
    expect(primaryCollationKey('Østergård')).toBe('ostergard');
    expect(primaryCollationKey('Łukasz')).toBe('lukasz');
    expect(primaryCollationKey('Ærø')).toBe('aero');
    expect(primaryCollationKey('İlkay Ağaoğlu')).toBe('ilkay agaoglu');
    expect(primaryCollationKey('ẞ')).toBe('ss');
  });

  it('should turn word separators into one leading-sorting space', () => {
    expect(primaryCollationKey("  O'Brien ")).toBe('o brien');
    expect(primaryCollationKey('Müller - Lüdenscheidt')).toBe('muller ludenscheidt');
    expect(primaryCollationKey('St. Pierre')).toBe('st pierre');
  });

  it('should order umlauts as their base letter, not as ae/oe/ue', () => {
    expect(sorted(['Müllerin', 'Müller-Lüdenscheidt', 'Müller', 'Muller', 'Mueller', 'Mahler'])).toEqual([
      'Mahler',
      'Mueller',
      'Muller',
      'Müller',
      'Müller-Lüdenscheidt',
      'Müllerin',
    ]);
  });

  it('should put "nothing before something" and break ties by accent, then case', () => {
    expect(sorted(['Obermeier', "O'Brien", 'Oberle'])).toEqual(["O'Brien", 'Oberle', 'Obermeier']);
    expect(sorted(['Strasser', 'Straße', 'Strasse'])).toEqual(['Strasse', 'Straße', 'Strasser']);
    expect(sorted(['Devries', 'de Vries', 'De Vries'])).toEqual(['De Vries', 'de Vries', 'Devries']);
    expect(sorted(['Éric', 'Eric', 'Erich', 'Ernst'])).toEqual(['Eric', 'Éric', 'Erich', 'Ernst']);
  });

  it('should compare only identical spellings as equal', () => {
    expect(compareGerman('Müller', 'Müller')).toBe(0);
    // composed and decomposed ü are the same spelling
    expect(compareGerman('M\u00fcller', 'Mu\u0308ller')).toBe(0);
    expect(compareGerman('Müller', 'müller')).toBeLessThan(0);
  });
});
