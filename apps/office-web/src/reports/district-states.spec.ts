import { describe, expect, it } from 'vitest';
import type { DistrictState, DistrictStatus } from '../api/election-night.types';
import {
  applyStatusEvent,
  attentionItems,
  attentionShown,
  countByState,
  detailKey,
  filterByStates,
  progressOf,
  STATE_SYMBOLS,
} from './district-states';

const district = (number: string, state: DistrictState, extra: Partial<DistrictStatus> = {}): DistrictStatus => ({
  districtId: `id-${number}`,
  number,
  name: `Bezirk ${number}`,
  kind: number.startsWith('019') ? 'postal' : 'polling',
  pollingStation: null,
  postalDistrictId: null,
  state,
  stateLabel: state,
  currentVersion: state === 'missing' ? 0 : 1,
  countedVersion: state === 'confirmed' ? 1 : null,
  comparedVersion: null,
  enteredBy: null,
  confirmedBy: null,
  rejectionReason: null,
  warnings: [],
  updatedAt: state === 'missing' ? null : '2025-02-23T18:30:00.000Z',
  ...extra,
});

// The worked example's three districts after 0101 and 0191 are confirmed (DOMAIN.md 4.3), 0102 still missing.
const night = [district('0101', 'confirmed'), district('0102', 'missing'), district('0191', 'confirmed')];

describe('progress and counts', () => {
  it('should count confirmed and corrected districts as reported (P12: 2 of 3)', () => {
    expect(progressOf(night)).toEqual({ counted: 2, total: 3, percent: 66.7 });
    expect(progressOf([...night, district('0103', 'corrected'), district('0104', 'entered')])).toEqual({
      counted: 3,
      total: 5,
      percent: 60,
    });
    expect(progressOf([])).toEqual({ counted: 0, total: 0, percent: null });
  });

  it('should count every state, zero included', () => {
    expect(countByState(night)).toEqual({
      missing: 1,
      entered: 0,
      'awaiting-code': 0,
      confirmed: 2,
      flagged: 0,
      corrected: 0,
      rejected: 0,
    });
  });

  it('should give every state its own symbol', () => {
    expect(new Set(Object.values(STATE_SYMBOLS)).size).toBe(7);
  });
});

describe('filterByStates', () => {
  it('should show all districts without a filter and only the chosen states with one', () => {
    expect(filterByStates(night, new Set()).map((d) => d.number)).toEqual(['0101', '0102', '0191']);
    expect(filterByStates(night, new Set<DistrictState>(['missing'])).map((d) => d.number)).toEqual(['0102']);
  });
});

describe('applyStatusEvent', () => {
  it('should move the district named by the event and leave the others alone', () => {
    const event = {
      electionId: 'e',
      districtId: 'id-0102',
      districtNumber: '0102',
      state: 'entered' as const,
      currentVersion: 1,
      countedVersion: null,
      updatedAt: '2025-02-23T18:40:00.000Z',
    };
    const next = applyStatusEvent(night, event);
    expect(next.map((d) => d.state)).toEqual(['confirmed', 'entered', 'confirmed']);
    expect(next[1]).toMatchObject({ currentVersion: 1, updatedAt: event.updatedAt });
    expect(next[0]).toBe(night[0]);
  });

  it('should not let a late older event overwrite a newer state', () => {
    const old = {
      electionId: 'e',
      districtId: 'id-0101',
      districtNumber: '0101',
      state: 'entered' as const,
      currentVersion: 1,
      countedVersion: null,
      updatedAt: '2025-02-23T18:00:00.000Z',
    };
    expect(applyStatusEvent(night, old)[0]!.state).toBe('confirmed');
  });
});

describe('attentionItems', () => {
  it('should list mismatches, rejections and confirmed warnings in that order', () => {
    const warning = {
      rule: 'P8',
      severity: 'warning' as const,
      fields: ['B', 'A'],
      message: 'Wahlbeteiligung 13,6 % unter 20 %.',
      comment: 'Seniorenheim, rückgefragt.',
    };
    const items = attentionItems([
      district('0101', 'confirmed', { warnings: [warning] }),
      district('0102', 'rejected', { rejectionReason: 'Zahlen vertauscht' }),
      district('0103', 'flagged', { currentVersion: 2, comparedVersion: 1 }),
      district('0104', 'rejected', { warnings: [warning] }),
    ]);
    expect(items.map((item) => [item.kind, item.district.number])).toEqual([
      ['flagged', '0103'],
      ['rejected', '0102'],
      ['rejected', '0104'],
      ['warning', '0101'],
    ]);
    expect(items[0]).toMatchObject({ left: 1, right: 2 });
    expect(items[3]).toMatchObject({ rule: 'P8', comment: 'Seniorenheim, rückgefragt.' });
  });
});

describe('progressOf rounding', () => {
  it('should round the share exactly, half away from zero, like the domain', () => {
    // 1/8 = 12.5 %, 1/16 = 6.25 % → 6.3 %, 2/3 = 66.67 % → 66.7 %.
    const of = (counted: number, total: number) =>
      progressOf([
        ...Array.from({ length: counted }, (_, i) => district(`1${i}`, 'confirmed')),
        ...Array.from({ length: total - counted }, (_, i) => district(`2${i}`, 'missing')),
      ]).percent;
    expect([of(1, 8), of(1, 16), of(2, 3), of(0, 5), of(5, 5)]).toEqual([12.5, 6.3, 66.7, 0, 100]);
  });
});

describe('attentionShown', () => {
  it('should show at most the limit and count the rest', () => {
    const flagged = Array.from({ length: 4 }, (_, i) => district(`01${i}`, 'flagged', { comparedVersion: 1, currentVersion: 2 }));
    expect(attentionShown(flagged, 3)).toMatchObject({ total: 4, more: 1 });
    expect(attentionShown(flagged, 3).items).toHaveLength(3);
    expect(attentionShown(night, 3)).toEqual({ items: [], total: 0, more: 0 });
  });
});

describe('detailKey', () => {
  it('should change with state, version, time and the open reject field, and be empty without a district', () => {
    const one = district('0101', 'entered');
    expect(detailKey(one, false)).toBe('id-0101:entered:1:2025-02-23T18:30:00.000Z:false');
    expect(detailKey(one, true)).not.toBe(detailKey(one, false));
    expect(detailKey({ ...one, currentVersion: 2 }, false)).not.toBe(detailKey(one, false));
    expect(detailKey(undefined, true)).toBe('');
  });
});
