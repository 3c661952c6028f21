import type { PollingDayEntryBody } from '@wahl/contracts';
import { describe, expect, it } from 'vitest';
import type { NightDistrict } from '../elections/read-model/election-night-context';
import type { EntryRow, PublicationRow } from './polling-day.repository';
import { stationOf, turnoutSummaries } from './station-monitor';

const district = (id: string, number: string, kind: 'polling' | 'postal' = 'polling'): NightDistrict => ({
  id,
  ordinal: Number(number),
  number,
  name: `Bezirk ${number}`,
  kind,
  postalDistrictId: null,
  pollingStation: null,
});

let sequence = 0;
const row = (districtId: string, entry: PollingDayEntryBody, receivedAt: string, acknowledgedAt: Date | null = null): EntryRow => ({
  id: `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
  districtId,
  kind: entry.kind,
  entry,
  savedAt: new Date(receivedAt),
  receivedAt: new Date(receivedAt),
  sentById: 'member',
  sentByName: 'Erika Vorsteher',
  acknowledgedAt,
});

describe('stationOf', () => {
  const now = new Date('2025-02-23T12:00:00Z');

  it('should flag a station silent after the set minutes and never-heard stations at once', () => {
    expect(stationOf(district('d1', '0101'), [], 'missing', now, 60)).toMatchObject({
      lastContactAt: null,
      silent: true,
      attendance: null,
    });
    const recent = [row('d1', { kind: 'incident', occurredAt: '12:30', text: 'Lampe defekt' }, '2025-02-23T11:30:00Z')];
    expect(stationOf(district('d1', '0101'), recent, 'missing', now, 60).silent).toBe(false);
    expect(stationOf(district('d1', '0101'), recent, 'missing', now, 20).silent).toBe(true);
  });

  it('should take the latest attendance, the latest figure per report time and count only unacknowledged incidents', () => {
    const entries = [
      row(
        'd1',
        { kind: 'attendance', phase: 'voting', members: [{ name: 'A B', role: 'chair', substitute: false, since: '07:45' }] },
        '2025-02-23T06:50:00Z',
      ),
      row(
        'd1',
        {
          kind: 'attendance',
          phase: 'voting',
          members: [
            { name: 'A B', role: 'chair', substitute: false, since: '07:45' },
            { name: 'C D', role: 'secretary', substitute: false, since: '07:45' },
            { name: 'E F', role: 'assessor', substitute: true, since: '08:20' },
          ],
        },
        '2025-02-23T07:20:00Z',
      ),
      row('d1', { kind: 'turnout', slot: '10:00', marked: 100, certificates: 2 }, '2025-02-23T09:01:00Z'),
      row('d1', { kind: 'turnout', slot: '10:00', marked: 110, certificates: 2 }, '2025-02-23T09:05:00Z'),
      row('d1', { kind: 'incident', occurredAt: '09:00', text: 'Stromausfall' }, '2025-02-23T08:01:00Z', new Date()),
      row('d1', { kind: 'incident', occurredAt: '10:30', text: 'Wahlkabine umgefallen' }, '2025-02-23T09:31:00Z'),
    ];
    expect(stationOf(district('d1', '0101'), entries, 'entered', now, 60)).toMatchObject({
      attendance: { phase: 'voting', present: 3, substitutes: 1, quorumMet: true },
      turnout: { '10:00': 112 },
      openIncidents: 1,
      quickReport: 'entered',
    });
  });
});

describe('turnoutSummaries', () => {
  it('should sum the polling districts that reported a time and leave the postal district out', () => {
    const districts = [district('d1', '0101'), district('d2', '0102')];
    const entries = new Map([
      ['d1', [row('d1', { kind: 'turnout', slot: '10:00', marked: 180, certificates: 4 }, '2025-02-23T09:00:00Z')]],
      ['d2', [row('d2', { kind: 'turnout', slot: '12:00', marked: 300, certificates: 9 }, '2025-02-23T11:00:00Z')]],
    ]);
    const published: PublicationRow[] = [
      {
        slot: '10:00',
        voters: 184,
        eligible: 1500,
        reportedDistricts: 1,
        expectedDistricts: 2,
        publishedAt: new Date('2025-02-23T09:10:00Z'),
        memberVersions: [['d1']],
      },
    ];
    expect(turnoutSummaries(['10:00', '12:00', '14:00'], districts, entries, published)).toEqual([
      { slot: '10:00', reported: 1, expected: 2, marked: 180, certificates: 4, publishedAt: '2025-02-23T09:10:00.000Z' },
      { slot: '12:00', reported: 1, expected: 2, marked: 300, certificates: 9, publishedAt: null },
      { slot: '14:00', reported: 0, expected: 2, marked: 0, certificates: 0, publishedAt: null },
    ]);
  });
});
