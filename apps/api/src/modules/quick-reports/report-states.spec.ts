import { describe, expect, it } from 'vitest';
import {
  decideApproval,
  decideCheckCode,
  decideCorrection,
  decideRejection,
  decideSubmission,
  type DistrictReportState,
  type ReportPerson,
} from './report-states';

/** An office user or board member who issued no codes and signed in with none issued by the author. */
const person = (id: string): ReportPerson => ({ id, codeIssuedBy: null, issuedCodesForDistrict: false });

const missing: DistrictReportState = { state: 'missing', currentVersion: 0, countedVersion: null, pending: [], checkCodeRequired: false };
const enteredByErika: DistrictReportState = {
  state: 'entered',
  currentVersion: 1,
  countedVersion: null,
  pending: [{ version: 1, by: 'erika', fingerprint: 'numbers-a' }],
  checkCodeRequired: false,
};
const flagged: DistrictReportState = {
  state: 'flagged',
  currentVersion: 2,
  countedVersion: null,
  pending: [
    { version: 1, by: 'erika', fingerprint: 'numbers-a' },
    { version: 2, by: 'max', fingerprint: 'numbers-b' },
  ],
  checkCodeRequired: false,
};
const confirmed: DistrictReportState = { state: 'confirmed', currentVersion: 2, countedVersion: 2, pending: [], checkCodeRequired: false };

describe('quick report states (four eyes)', () => {
  it('should wait for a second person after the first entry', () => {
    expect(decideSubmission(missing, 0, person('erika'), 'numbers-a')).toEqual({ ok: true, outcome: { kind: 'entered', version: 1 } });
  });

  it('should refuse an entry based on another version with a conflict naming the current one', () => {
    const result = decideSubmission(enteredByErika, 0, person('max'), 'numbers-a');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('aktuell ist Version 1') });
  });

  it('should confirm a blind second entry by another person with the same numbers', () => {
    expect(decideSubmission(enteredByErika, 1, person('max'), 'numbers-a')).toEqual({
      ok: true,
      outcome: { kind: 'confirmed', version: 2, matched: 1 },
    });
  });

  it('should flag a blind second entry with other numbers', () => {
    expect(decideSubmission(enteredByErika, 1, person('max'), 'numbers-b')).toEqual({
      ok: true,
      outcome: { kind: 'flagged', version: 2, comparedWith: 1 },
    });
  });

  it('should never let the same person confirm by entering twice', () => {
    expect(decideSubmission(enteredByErika, 1, person('erika'), 'numbers-a')).toEqual({
      ok: true,
      outcome: { kind: 'entered', version: 2 },
    });
  });

  it('should compare a third entry with the latest version of someone else', () => {
    expect(decideSubmission(flagged, 2, person('erika'), 'numbers-b')).toMatchObject({
      ok: true,
      outcome: { kind: 'confirmed', matched: 2 },
    });
    expect(decideSubmission(flagged, 2, person('max'), 'numbers-a')).toMatchObject({
      ok: true,
      outcome: { kind: 'confirmed', matched: 1 },
    });
    expect(decideSubmission(flagged, 2, person('clara'), 'numbers-c')).toMatchObject({
      ok: true,
      outcome: { kind: 'flagged', comparedWith: 2 },
    });
  });

  it('should accept approval only by someone other than the author, of a pending version', () => {
    expect(decideApproval(enteredByErika, 1, person('erika'))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', code: 'FOUR_EYES_SAME_PERSON' },
    });
    expect(decideApproval(enteredByErika, 1, person('max'))).toEqual({ ok: true });
    expect(decideApproval(flagged, 1, person('max'))).toEqual({ ok: true });
    expect(decideApproval(flagged, 3, person('clara'))).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(decideApproval(confirmed, 2, person('clara'))).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('should leave a counted report to corrections by the office', () => {
    expect(decideSubmission(confirmed, 2, person('erika'), 'numbers-a')).toMatchObject({
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

  it('should refuse a confirmation by whoever issued codes for the district or through a code the author issued (issue #17)', () => {
    const enteredByClerk: DistrictReportState = { ...enteredByErika, pending: [{ version: 1, by: 'clerk', fingerprint: 'numbers-a' }] };
    const boardWithClerksCode: ReportPerson = { id: 'member-1', codeIssuedBy: 'clerk', issuedCodesForDistrict: false };
    const issuingAdmin: ReportPerson = { id: 'admin', codeIssuedBy: null, issuedCodesForDistrict: true };
    const code = { ok: false, error: { kind: 'forbidden', code: 'FOUR_EYES_CODE_ISSUER' } };
    expect(decideApproval(enteredByClerk, 1, boardWithClerksCode)).toMatchObject(code);
    expect(decideSubmission(enteredByClerk, 1, boardWithClerksCode, 'numbers-a')).toMatchObject(code);
    expect(decideApproval(enteredByErika, 1, issuingAdmin)).toMatchObject(code);
    expect(decideSubmission(enteredByErika, 1, issuingAdmin, 'numbers-a')).toMatchObject(code);
    const enteredWithAdminsCode: DistrictReportState = {
      ...enteredByErika,
      pending: [{ version: 1, by: 'member-2', fingerprint: 'numbers-a', codeIssuedBy: 'admin' }],
    };
    expect(decideApproval(enteredWithAdminsCode, 1, { ...issuingAdmin, issuedCodesForDistrict: false })).toMatchObject(code);
    // Differing numbers do not confirm: they are flagged for comparison as before.
    expect(decideSubmission(enteredByErika, 1, issuingAdmin, 'numbers-b')).toMatchObject({ ok: true, outcome: { kind: 'flagged' } });
    // Another board member, whose code the author did not issue, and a clerk who issued no codes may confirm.
    expect(decideApproval(enteredByClerk, 1, { id: 'member-2', codeIssuedBy: 'admin', issuedCodesForDistrict: false })).toEqual({
      ok: true,
    });
    expect(decideApproval(enteredWithAdminsCode, 1, person('clerk'))).toEqual({ ok: true });
  });

  it('should hold a confirmed report for its check code (R7.16): no new entry, no approval, only the code decides', () => {
    const awaiting: DistrictReportState = {
      state: 'awaiting-code',
      currentVersion: 2,
      countedVersion: null,
      pending: [{ version: 2, by: 'max', fingerprint: 'numbers-a' }],
      checkCodeRequired: true,
    };
    expect(decideCheckCode(awaiting)).toEqual({ ok: true, version: 2, repeat: false });
    expect(decideSubmission(awaiting, 2, person('erika'), 'numbers-a')).toMatchObject({
      ok: false,
      error: { code: 'REPORT_ALREADY_COUNTED' },
    });
    expect(decideApproval(awaiting, 2, person('clerk'))).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_APPROVABLE' } });
    expect(decideCorrection(awaiting, 2)).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_CORRECTABLE' } });
    expect(decideRejection(awaiting, 2)).toEqual({ ok: true });
    expect(decideCheckCode(confirmed)).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_AWAITING_CODE' } });
  });

  it('should take a check code again for the version it made count (a retry after a lost answer), not for a newer one', () => {
    const counted: DistrictReportState = { ...confirmed, checkCodeRequired: true };
    expect(decideCheckCode(counted)).toEqual({ ok: true, version: 2, repeat: true });
    expect(decideCheckCode({ ...counted, state: 'corrected', currentVersion: 3, countedVersion: 3 })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_NOT_AWAITING_CODE' },
    });
    const newerEntered: DistrictReportState = {
      ...counted,
      state: 'entered',
      currentVersion: 3,
      pending: [{ version: 3, by: 'erika', fingerprint: 'numbers-b' }],
    };
    expect(decideCheckCode(newerEntered)).toMatchObject({ ok: false, error: { code: 'REPORT_NOT_AWAITING_CODE' } });
  });
});
