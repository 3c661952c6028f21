import { describe, expect, it } from 'vitest';
import { formatGermanDate } from './german-date';

describe('formatGermanDate', () => {
  it('should write weekday, day, month and year in German', () => {
    expect(formatGermanDate('2025-02-23')).toBe('Sonntag, 23. Februar 2025');
    expect(formatGermanDate('2024-06-09')).toBe('Sonntag, 9. Juni 2024');
    expect(formatGermanDate('2026-03-08')).toBe('Sonntag, 8. März 2026');
    expect(formatGermanDate('2026-03-08', { weekday: false })).toBe('8. März 2026');
  });

  it('should return anything that is not a real ISO date unchanged', () => {
    expect(formatGermanDate('2025-02-30')).toBe('2025-02-30');
    expect(formatGermanDate('23.02.2025')).toBe('23.02.2025');
  });
});
