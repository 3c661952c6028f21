import { describe, expect, it } from 'vitest';
import { serializeBody } from './election-publication';
import { openDataAddress, RecentVersions, RECENT_VERSION_MS, snapshotAddress } from './recent-versions';

const body = (text: string, version: number) => serializeBody(text, version, '2026-03-08T18:00:00.000Z');

describe('RecentVersions', () => {
  it('should return the kept body by election, version and address, and nothing else', () => {
    const recent = new RecentVersions(() => 0);
    const snapshot = body('{"version":3}', 3);
    const csv = body('datum;wahl\n', 3);
    recent.keep('e1', 3, snapshotAddress(), snapshot);
    recent.keep('e1', 3, openDataAddress('gemeinde.csv'), csv);
    expect(recent.find('e1', 3, snapshotAddress())).toBe(snapshot);
    expect(recent.find('e1', 3, openDataAddress('gemeinde.csv'))).toBe(csv);
    expect(recent.find('e1', 3, snapshotAddress('municipality'))).toBeUndefined();
    expect(recent.find('e1', 4, snapshotAddress())).toBeUndefined();
    expect(recent.find('e2', 3, snapshotAddress())).toBeUndefined();
  });

  it('should forget a body once it has been kept for RECENT_VERSION_MS', () => {
    let now = 1_000;
    const recent = new RecentVersions(() => now);
    recent.keep('e1', 1, snapshotAddress(), body('{"version":1}', 1));
    now += 10_000;
    recent.keep('e1', 2, snapshotAddress(), body('{"version":2}', 2));
    now = 1_000 + RECENT_VERSION_MS - 1;
    expect(recent.find('e1', 1, snapshotAddress())?.text).toBe('{"version":1}');
    now += 1;
    expect(recent.find('e1', 1, snapshotAddress())).toBeUndefined();
    expect(recent.find('e1', 2, snapshotAddress())?.text).toBe('{"version":2}');
    now += 10_000;
    expect(recent.find('e1', 2, snapshotAddress())).toBeUndefined();
  });

  it('should let the oldest go first beyond the byte budget, and keep nothing larger than the budget', () => {
    const recent = new RecentVersions(() => 0, 25);
    recent.keep('e1', 1, snapshotAddress(), body('a'.repeat(10), 1));
    recent.keep('e1', 2, snapshotAddress(), body('b'.repeat(10), 2));
    recent.keep('e1', 3, snapshotAddress(), body('c'.repeat(10), 3));
    expect(recent.find('e1', 1, snapshotAddress())).toBeUndefined();
    expect(recent.find('e1', 2, snapshotAddress())?.text).toBe('b'.repeat(10));
    expect(recent.find('e1', 3, snapshotAddress())?.text).toBe('c'.repeat(10));
    recent.keep('e1', 4, snapshotAddress(), body('d'.repeat(26), 4));
    expect(recent.find('e1', 4, snapshotAddress())).toBeUndefined();
    expect(recent.find('e1', 3, snapshotAddress())?.text).toBe('c'.repeat(10));
  });

  it('should count a body kept twice once', () => {
    const recent = new RecentVersions(() => 0, 25);
    const twice = body('a'.repeat(10), 1);
    recent.keep('e1', 1, snapshotAddress(), twice);
    recent.keep('e1', 1, snapshotAddress(), twice);
    recent.keep('e1', 2, snapshotAddress(), body('b'.repeat(10), 2));
    expect(recent.find('e1', 1, snapshotAddress())).toBe(twice);
  });
});
