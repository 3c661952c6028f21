import { describe, expect, it } from 'vitest';
import { decideApproval, decideCorrection, decideRejection, decideSubmission, type DistrictReportState } from './report-states';

const missing: DistrictReportState = { state: 'missing', currentVersion: 0, countedVersion: null, pending: [] };
const enteredByErika: DistrictReportState = {
  state: 'entered',
  currentVersion: 1,
  countedVersion: null,
  pending: [{ version: 1, by: 'erika', fingerprint: 'numbers-a' }],
};
const flagged: DistrictReportState = {
  state: 'flagged',
  currentVersion: 2,
  countedVersion: null,
  pending: [
    { version: 1, by: 'erika', fingerprint: 'numbers-a' },
    { version: 2, by: 'max', fingerprint: 'numbers-b' },
  ],
};
const confirmed: DistrictReportState = { state: 'confirmed', currentVersion: 2, countedVersion: 2, pending: [] };

describe('quick report states (four eyes)', () => {
  it('should wait for a second person after the first entry', () => {
    expect(decideSubmission(missing, 0, 'erika', 'numbers-a')).toEqual({ ok: true, outcome: { kind: 'entered', version: 1 } });
  });

  it('should refuse an entry based on another version with a conflict naming the current one', () => {
    const result = decideSubmission(enteredByErika, 0, 'max', 'numbers-a');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('aktuell ist Version 1') });
  });

  it('should confirm a blind second entry by another person with the same numbers', () => {
    expect(decideSubmission(enteredByErika, 1, 'max', 'numbers-a')).toEqual({
      ok: true,
      outcome: { kind: 'confirmed', version: 2, matched: 1 },
    });
  });

  it('should flag a blind second entry with other numbers', () => {
    expect(decideSubmission(enteredByErika, 1, 'max', 'numbers-b')).toEqual({
      ok: true,
      outcome: { kind: 'flagged', version: 2, comparedWith: 1 },
    });
  });

  it('should never let the same person confirm by entering twice', () => {
    expect(decideSubmission(enteredByErika, 1, 'erika', 'numbers-a')).toEqual({ ok: true, outcome: { kind: 'entered', version: 2 } });
  });

  it('should compare a third entry with the latest version of someone else', () => {
    expect(decideSubmission(flagged, 2, 'erika', 'numbers-b')).toMatchObject({ ok: true, outcome: { kind: 'confirmed', matched: 2 } });
    expect(decideSubmission(flagged, 2, 'max', 'numbers-a')).toMatchObject({ ok: true, outcome: { kind: 'confirmed', matched: 1 } });
    expect(decideSubmission(flagged, 2, 'clara', 'numbers-c')).toMatchObject({ ok: true, outcome: { kind: 'flagged', comparedWith: 2 } });
  });

  it('should accept approval only by someone other than the author, of a pending version', () => {
    expect(decideApproval(enteredByErika, 1, 'erika')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(decideApproval(enteredByErika, 1, 'max')).toEqual({ ok: true });
    expect(decideApproval(flagged, 1, 'max')).toEqual({ ok: true });
    expect(decideApproval(flagged, 3, 'clara')).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(decideApproval(confirmed, 2, 'clara')).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('should leave a counted report to corrections by the office', () => {
    expect(decideSubmission(confirmed, 2, 'erika', 'numbers-a')).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('Korrektur') },
    });
    expect(decideCorrection(confirmed, 2)).toEqual({ ok: true, version: 3 });
    expect(decideCorrection(enteredByErika, 1)).toMatchObject({ ok: false });
    expect(decideCorrection(confirmed, 1)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('should reject only the current version of an existing report', () => {
    expect(decideRejection(missing, 0)).toMatchObject({ ok: false });
    expect(decideRejection(flagged, 1)).toMatchObject({ ok: false });
    expect(decideRejection(flagged, 2)).toEqual({ ok: true });
    expect(decideRejection(confirmed, 2)).toEqual({ ok: true });
  });
});
