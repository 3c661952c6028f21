import { describe, expect, it } from 'vitest';
import type { ReportHistory, ReportVersion } from '../api/election-night.types';
import { announcesOutcome, approvableVersions, boardPanel, historyMoved } from './board-screen';

const version = (number: number, by: string): ReportVersion =>
  ({
    version: number,
    kind: 'entry',
    report: {} as ReportVersion['report'],
    warnings: [],
    reason: null,
    enteredBy: { id: by, name: by, role: 'board' },
    enteredAt: '2027-03-14T17:00:00Z',
  }) as ReportVersion;

const history = (state: ReportHistory['state'], versions: ReportVersion[] = [], extra: Partial<ReportHistory> = {}): ReportHistory => ({
  electionId: 'e',
  districtId: 'd',
  districtNumber: '0101',
  districtName: 'Rathaus',
  kind: 'polling',
  state,
  stateLabel: state,
  currentVersion: versions.at(-1)?.version ?? 0,
  countedVersion: null,
  comparedVersion: null,
  rejectionReason: null,
  codeVersion: null,
  checkCode: null,
  versions,
  ...extra,
});

describe('boardPanel', () => {
  const first = version(1, 'anna');

  it('should offer the entry form before the first report, after a rejection and for a blind second entry', () => {
    expect(boardPanel(history('missing'), 'anna', 'auto')).toEqual({ kind: 'entry', intro: 'first' });
    expect(boardPanel(history('rejected', [first]), 'anna', 'auto')).toEqual({ kind: 'entry', intro: 'rejected' });
    expect(boardPanel(history('entered', [first]), 'ben', 'blind')).toEqual({ kind: 'entry', intro: 'blind' });
  });

  it('should let the one who entered wait, and the second person choose, then approve', () => {
    expect(boardPanel(history('entered', [first]), 'anna', 'auto')).toEqual({ kind: 'waiting', latest: first });
    expect(boardPanel(history('entered', [first]), 'ben', 'auto')).toEqual({ kind: 'choose', latest: first });
    expect(boardPanel(history('entered', [first]), 'ben', 'approve')).toEqual({ kind: 'approve', latest: first });
  });

  it('should show a mismatch side by side unless the member enters anew', () => {
    const flagged = history('flagged', [first, version(2, 'ben')]);
    expect(boardPanel(flagged, 'anna', 'auto')).toEqual({ kind: 'flagged' });
    expect(boardPanel(flagged, 'anna', 'reenter')).toEqual({ kind: 'reenter' });
  });

  it('should show the counted version once confirmed or corrected', () => {
    const confirmed = history('confirmed', [first, version(2, 'ben')], { countedVersion: 2 });
    expect(boardPanel(confirmed, 'anna', 'auto')).toEqual({ kind: 'counted', counted: confirmed.versions[1], corrected: false });
    expect(boardPanel({ ...confirmed, state: 'corrected' }, 'anna', 'auto')).toMatchObject({ kind: 'counted', corrected: true });
  });

  it('should show the check code to read out while the confirmed report waits for it (R7.16)', () => {
    const awaiting = history('awaiting-code', [first, version(2, 'ben')], { codeVersion: 2, checkCode: '0417' });
    expect(boardPanel(awaiting, 'anna', 'auto')).toEqual({ kind: 'code', code: '0417', confirmed: awaiting.versions[1] });
    expect(boardPanel(awaiting, 'ben', 'blind')).toMatchObject({ kind: 'code' });
  });
});

describe('board screen helpers', () => {
  it('should let a member approve only the other person’s entry', () => {
    expect(approvableVersions({ left: version(1, 'anna'), right: version(2, 'ben') }, 'anna').map((v) => v.version)).toEqual([2]);
    expect(approvableVersions({ left: version(1, 'anna'), right: version(2, 'ben') }, 'carla')).toHaveLength(2);
  });

  it('should reload a waiting screen only when the district moved on', () => {
    expect(historyMoved({ state: 'entered', currentVersion: 1 }, { state: 'entered', currentVersion: 1 })).toBe(false);
    expect(historyMoved({ state: 'entered', currentVersion: 1 }, { state: 'confirmed', currentVersion: 1 })).toBe(true);
    expect(historyMoved({ state: 'entered', currentVersion: 1 }, { state: 'entered', currentVersion: 2 })).toBe(true);
  });

  it('should announce a confirmation or correction, not an entry', () => {
    expect([
      announcesOutcome({ state: 'confirmed' }),
      announcesOutcome({ state: 'corrected' }),
      announcesOutcome({ state: 'entered' }),
    ]).toEqual([true, true, false]);
  });
});
