import { describe, expect, it } from 'vitest';
import { isRetentionDue, periodEnd, retentionDueDay } from './retention-periods';

describe('retention periods (R8.4, BWO § 90)', () => {
  it('should let the roll of the Bundestag election of 23 February 2025 go from 24 August 2025', () => {
    expect(retentionDueDay('bundestag', '2025-02-23', 'roll')).toBe('2025-08-24');
    // The polling day's log (names of board members) follows the roll (BWO § 90(2) by analogy).
    expect(retentionDueDay('bundestag', '2025-02-23', 'polling-day')).toBe('2025-08-24');
    expect(retentionDueDay('bundestag', '2025-02-23', 'postal')).toBe('2025-08-24');
  });

  it('should end a month period on the last day of a shorter month (BGB § 188(3))', () => {
    expect(periodEnd('2024-08-31', { months: 6 })).toBe('2025-02-28');
    expect(periodEnd('2023-08-31', { months: 6 })).toBe('2024-02-29');
    expect(periodEnd('2024-12-15', { months: 6 })).toBe('2025-06-15');
  });

  it('should give the card piece data 14 days and the attempt records 30 days (Gemeinderat BW, 9 June 2024)', () => {
    expect(retentionDueDay('gemeinderat-bw', '2024-06-09', 'card-pieces')).toBe('2024-06-24');
    expect(retentionDueDay('gemeinderat-bw', '2024-06-09', 'attempts')).toBe('2024-07-10');
    expect(retentionDueDay('gemeinderat-bw', '2024-06-09', 'roll')).toBe('2024-12-10');
  });

  it('should be due on the due day and after, not the day before', () => {
    expect(isRetentionDue('2025-08-24', '2025-08-23')).toBe(false);
    expect(isRetentionDue('2025-08-24', '2025-08-24')).toBe(true);
    expect(isRetentionDue('2025-08-24', '2026-01-01')).toBe(true);
  });
});
