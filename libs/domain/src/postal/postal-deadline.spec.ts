import { describe, expect, it } from 'vitest';
import { resolveDeadlines } from '../election/deadlines';
import { applicationTiming, berlinDay, berlinTime, germanDeadline, postalApplicationTimes } from './postal-deadline';

describe('postal application deadline (BWO § 27(4))', () => {
  it('should close at 18:00 Berlin winter time (17:00 UTC) on the Friday before the Bundestag election 2025', () => {
    const deadlines = resolveDeadlines('bundestag', '2025-02-23', undefined);
    expect(deadlines.postalApplicationDeadline).toBe('2025-02-21');
    const times = postalApplicationTimes({ electionDay: '2025-02-23', postalApplicationDeadline: deadlines.postalApplicationDeadline });
    expect(times.closesAt.toISOString()).toBe('2025-02-21T17:00:00.000Z');
    expect(times.suddenIllnessClosesAt.toISOString()).toBe('2025-02-23T14:00:00.000Z');
    expect(times.replacementClosesAt.toISOString()).toBe('2025-02-22T11:00:00.000Z');
    expect(times.issuingClosesAt.toISOString()).toBe('2025-02-23T17:00:00.000Z');
  });

  it('should use summer time (16:00 UTC) for the BW municipal election of 9 June 2024', () => {
    const deadlines = resolveDeadlines('gemeinderat-bw', '2024-06-09', undefined);
    expect(deadlines.postalApplicationDeadline).toBe('2024-06-07');
    expect(postalApplicationTimes({ electionDay: '2024-06-09', postalApplicationDeadline: '2024-06-07' }).closesAt.toISOString()).toBe(
      '2024-06-07T16:00:00.000Z',
    );
  });

  it('should follow an override of the deadline day (R0.1: deadlines are per-election configuration)', () => {
    const deadlines = resolveDeadlines('bundestag', '2025-02-23', { postalApplicationDeadline: '2025-02-20' });
    expect(
      postalApplicationTimes({
        electionDay: '2025-02-23',
        postalApplicationDeadline: deadlines.postalApplicationDeadline,
      }).closesAt.toISOString(),
    ).toBe('2025-02-20T17:00:00.000Z');
  });

  it('should find the right instant on both days of the daylight-saving changes', () => {
    expect(berlinTime('2025-03-30', 18).toISOString()).toBe('2025-03-30T16:00:00.000Z');
    expect(berlinTime('2025-03-30', 1).toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(berlinTime('2025-10-26', 18).toISOString()).toBe('2025-10-26T17:00:00.000Z');
    expect(berlinTime('2025-10-25', 18).toISOString()).toBe('2025-10-25T16:00:00.000Z');
  });

  it('should give the Berlin calendar day of an instant', () => {
    expect(berlinDay(new Date('2025-02-21T23:30:00Z'))).toBe('2025-02-22');
    expect(berlinDay(new Date('2025-06-21T21:59:00Z'))).toBe('2025-06-21');
    expect(berlinDay(new Date('2025-06-21T22:00:00Z'))).toBe('2025-06-22');
  });

  describe('timing of an application', () => {
    const times = postalApplicationTimes({ electionDay: '2025-02-23', postalApplicationDeadline: '2025-02-21' });
    const at = (iso: string) => new Date(iso);

    it('should accept an online application at 17:59:59 and refuse it at 18:00 on the deadline day', () => {
      expect(
        applicationTiming(times, { receivedAt: at('2025-02-21T16:59:59Z'), suddenIllness: false }, at('2025-02-21T16:59:59Z')),
      ).toBeNull();
      expect(applicationTiming(times, { receivedAt: at('2025-02-21T17:00:00Z'), suddenIllness: false }, at('2025-02-21T17:00:00Z'))).toBe(
        'deadline-passed',
      );
    });

    it('should accept a paper application received in time but entered on Saturday', () => {
      expect(
        applicationTiming(times, { receivedAt: at('2025-02-21T10:00:00Z'), suddenIllness: false }, at('2025-02-22T09:00:00Z')),
      ).toBeNull();
    });

    it('should accept sudden illness until 15:00 on election day, not later', () => {
      expect(
        applicationTiming(times, { receivedAt: at('2025-02-23T13:59:00Z'), suddenIllness: true }, at('2025-02-23T13:59:00Z')),
      ).toBeNull();
      expect(applicationTiming(times, { receivedAt: at('2025-02-23T14:00:00Z'), suddenIllness: true }, at('2025-02-23T14:00:00Z'))).toBe(
        'sudden-illness-deadline-passed',
      );
    });

    it('should refuse a receipt date in the future', () => {
      expect(applicationTiming(times, { receivedAt: at('2025-02-20T12:00:00Z'), suddenIllness: false }, at('2025-02-19T12:00:00Z'))).toBe(
        'received-in-future',
      );
    });
  });

  it('should write the deadline in German', () => {
    expect(germanDeadline(new Date('2025-02-21T17:00:00Z'))).toBe('Freitag, 21. Februar 2025, 18:00 Uhr');
  });
});
