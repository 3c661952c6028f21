import { describe, expect, it } from 'vitest';
import { barrierFreeText, fillPlaceholders, formatLongDate, formatOpeningHours, formatShortDate, scopeOf } from './card-placeholders';

describe('card placeholders', () => {
  it('should write dates the German way (R0.1 dates are calendar days)', () => {
    expect(formatLongDate('2025-02-23')).toBe('Sonntag, 23. Februar 2025');
    expect(formatLongDate('2024-06-09')).toBe('Sonntag, 9. Juni 2024');
    expect(formatLongDate('2025-02-21')).toBe('Freitag, 21. Februar 2025');
    expect(formatShortDate('2026-03-08')).toBe('08.03.2026');
  });

  it('should turn opening hours into words and leave other notations alone', () => {
    expect(formatOpeningHours('08:00–18:00')).toBe('8:00 bis 18:00 Uhr');
    expect(formatOpeningHours('8:00 - 18:00')).toBe('8:00 bis 18:00 Uhr');
    expect(formatOpeningHours('ganztägig')).toBe('ganztägig');
  });

  it('should scope a text by its widest placeholder', () => {
    expect(scopeOf('Wahl am {wahltag}')).toBe('job');
    expect(scopeOf('{wahlraum}, {wahltag}')).toBe('district');
    expect(scopeOf('{wahlraum}', 'Nr. {waehlernummer}')).toBe('voter');
    expect(scopeOf('kein Platzhalter')).toBe('job');
  });

  it('should fill known placeholders and keep unknown ones visible', () => {
    expect(fillPlaceholders('{wahl} am {wahltag} {gibtsnicht}', { wahl: 'Bundestagswahl', wahltag: 'Sonntag' })).toBe(
      'Bundestagswahl am Sonntag {gibtsnicht}',
    );
  });

  it('should say whether the polling room is barrier-free (R3.1 item 2)', () => {
    const station = { id: 'x', name: 'X', openingHours: '', address: { street: '', houseNumber: '', postalCode: '', city: '' } };
    expect(barrierFreeText({ ...station, barrierFree: true })).toBe('Der Wahlraum ist barrierefrei zugänglich.');
    expect(barrierFreeText({ ...station, barrierFree: false })).toBe('Der Wahlraum ist nicht barrierefrei zugänglich.');
    expect(barrierFreeText({ ...station, barrierFree: false, barrierFreeNote: 'Rampe am Seiteneingang.' })).toBe('Rampe am Seiteneingang.');
  });
});
