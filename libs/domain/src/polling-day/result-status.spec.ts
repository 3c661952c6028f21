import { describe, expect, it } from 'vitest';
import { districtResultStatus, electionResultStatus } from './result-status';

describe('districtResultStatus (BWO §§ 71, 72, 76)', () => {
  it('should have no result before a quick report counts', () => {
    expect(districtResultStatus({ quickReportCounts: false, record: null })).toBe('none');
  });

  it('should give a Zwischenergebnis for a counted quick report without a signed record', () => {
    expect(districtResultStatus({ quickReportCounts: true, record: null })).toBe('interim');
    expect(districtResultStatus({ quickReportCounts: true, record: { signed: false, checked: false } })).toBe('interim');
  });

  it('should make the result vorläufig with the signed record and endgültig once the office checked it', () => {
    expect(districtResultStatus({ quickReportCounts: true, record: { signed: true, checked: false } })).toBe('provisional');
    expect(districtResultStatus({ quickReportCounts: true, record: { signed: true, checked: true } })).toBe('final');
  });

  it('should not let an unsigned record be final even if marked checked', () => {
    expect(districtResultStatus({ quickReportCounts: true, record: { signed: false, checked: true } })).toBe('interim');
  });
});

describe('electionResultStatus', () => {
  it('should follow the least advanced district', () => {
    expect(electionResultStatus(['final', 'provisional', 'final'])).toBe('provisional');
    expect(electionResultStatus(['final', 'final'])).toBe('final');
  });

  it('should call partial figures a Zwischenergebnis while districts are missing', () => {
    expect(electionResultStatus(['final', 'none'])).toBe('interim');
    expect(electionResultStatus(['none', 'none'])).toBe('none');
    expect(electionResultStatus([])).toBe('none');
  });
});
