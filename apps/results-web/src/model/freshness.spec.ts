import { describe, expect, it } from 'vitest';
import {
  POLL_MAX_MS,
  POLL_MIN_MS,
  POLL_STALE_AFTER_MS,
  STALE_AFTER_MS,
  connectionLabel,
  freshnessNotice,
  nextPollDelay,
} from './freshness';

// 18:42 CET on election night.
const UPDATED = '2025-02-23T17:42:00Z';
const T = Date.parse(UPDATED);
const base = { status: 'counting' as const, updatedAt: UPDATED, connection: 'live' as const, lastContactAt: T, now: T + 60_000 };

describe('freshnessNotice', () => {
  it('should say nothing while the live channel is open and results are recent', () => {
    expect(freshnessNotice(base)).toBeNull();
    expect(connectionLabel('live')).toBe('Live');
  });

  it('should warn at once when the connection drops and name the last contact when it is gone', () => {
    expect(freshnessNotice({ ...base, connection: 'reconnecting' })).toMatchObject({
      tone: 'warning',
      text: expect.stringContaining('Verbindung unterbrochen'),
    });
    expect(freshnessNotice({ ...base, connection: 'offline' })).toEqual({
      tone: 'danger',
      text: 'Keine Verbindung zum Server seit 18:42 Uhr. Die angezeigten Zahlen sind möglicherweise nicht aktuell; die Seite versucht es weiter.',
    });
  });

  it('should call the data stale after 15 minutes without a result while counting, and not once counting is over', () => {
    expect(freshnessNotice({ ...base, now: T + STALE_AFTER_MS })).toBeNull();
    expect(freshnessNotice({ ...base, now: T + STALE_AFTER_MS + 1 })).toEqual({
      tone: 'info',
      text: 'Seit 18:42 Uhr sind keine neuen Ergebnisse eingegangen. Die Auszählung läuft noch; neue Meldungen erscheinen hier ohne Neuladen.',
    });
    expect(freshnessNotice({ ...base, status: 'provisional-final', now: T + 3 * STALE_AFTER_MS })).toBeNull();
    expect(freshnessNotice({ ...base, status: 'waiting', now: T + 3 * STALE_AFTER_MS })).toBeNull();
  });

  it('should warn when polling has not reached the server for three rounds', () => {
    expect(freshnessNotice({ ...base, connection: 'polling', now: T + POLL_STALE_AFTER_MS })).toBeNull();
    expect(freshnessNotice({ ...base, connection: 'polling', now: T + POLL_STALE_AFTER_MS + 1 })).toEqual({
      tone: 'warning',
      text: 'Die Zahlen konnten seit 18:42 Uhr nicht mehr abgerufen werden.',
    });
  });
});

describe('nextPollDelay', () => {
  it('should back off from 5 s to once a minute while nothing changes, and start over with a new version', () => {
    const waits: number[] = [];
    for (let delay = POLL_MIN_MS, round = 0; round < 6; round++) waits.push((delay = nextPollDelay(delay, false)));
    expect(waits).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(nextPollDelay(POLL_MAX_MS, true)).toBe(5_000);
    expect(connectionLabel('polling')).toBe('Aktualisierung ohne Live-Verbindung');
  });
});
