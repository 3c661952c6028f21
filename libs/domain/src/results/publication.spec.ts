import { describe, expect, it } from 'vitest';
import { decidePublication, publicDistrictResults, type PublicationDistrict } from './publication';
import type { QuickReport } from './quick-report.types';
import { WORKED_POLLING_0101, WORKED_POSTAL_0191 } from '../../test-support/worked-example.fixture';

// A one-contest report with A eligible (null: postal) and B voters, 2 of them invalid.
const report = (districtId: string, A: number | null, B: number): QuickReport => ({
  districtId,
  districtKind: A === null ? 'postal' : 'polling',
  A,
  A1: A === null ? null : A - 10,
  A2: A === null ? null : 10,
  A3: A === null ? null : 0,
  B,
  B1: A === null ? B : 3,
  contests: [{ contestId: 'buergermeister', invalid: 2, valid: B - 2, votes: { mueller: B - 2 } }],
  markedCount: B,
  comment: 'intern',
});

const polling = (id: string, parent = 'gemeinde', mergePartner?: string): PublicationDistrict => ({
  id,
  kind: 'polling',
  parent,
  mergePartner,
});
const postal = (id: string, parent = 'gemeinde'): PublicationDistrict => ({ id, kind: 'postal', parent });

describe('decidePublication (R8.5)', () => {
  it('should publish both districts of the worked example', () => {
    expect(decidePublication({ districts: [polling('0101'), postal('0191')], reports: [WORKED_POLLING_0101, WORKED_POSTAL_0191] })).toEqual(
      {
        '0101': { decision: 'publish' },
        '0191': { decision: 'publish' },
      },
    );
  });

  it('should merge a district with B < 50 with its next neighbour, symmetrically', () => {
    const decisions = decidePublication({
      districts: [polling('0101'), polling('0102'), polling('0103')],
      reports: [report('0101', 900, 600), report('0102', 60, 40), report('0103', 800, 500)],
    });
    expect(decisions).toEqual({
      '0101': { decision: 'publish' },
      '0102': { decision: 'merge-with', districtId: '0103' },
      '0103': { decision: 'merge-with', districtId: '0102' },
    });
  });

  it('should merge a district with A < 50 even when B ≥ 50 (Wahlschein voters from elsewhere)', () => {
    const decisions = decidePublication({
      districts: [polling('0101'), polling('0102')],
      reports: [report('0101', 45, 55), report('0102', 700, 400)],
    });
    expect(decisions['0101']).toEqual({ decision: 'merge-with', districtId: '0102' });
  });

  it('should merge two small districts with each other when their sum reaches the thresholds', () => {
    // B 30 + 25 = 55, A 45 + 40 = 85.
    const decisions = decidePublication({
      districts: [polling('0101'), polling('0102')],
      reports: [report('0101', 45, 30), report('0102', 40, 25)],
    });
    expect(decisions).toEqual({
      '0101': { decision: 'merge-with', districtId: '0102' },
      '0102': { decision: 'merge-with', districtId: '0101' },
    });
  });

  it('should merge a postal district only with a postal district of the same area', () => {
    const decisions = decidePublication({
      districts: [polling('0101'), postal('0191'), postal('0192', 'nachbargemeinde'), postal('0193')],
      reports: [report('0101', 900, 600), report('0191', null, 30), report('0192', null, 300), report('0193', null, 200)],
    });
    expect(decisions['0191']).toEqual({ decision: 'merge-with', districtId: '0193' });
    expect(decisions['0192']).toEqual({ decision: 'publish' });
  });

  it("should prefer the office's chosen partner", () => {
    const decisions = decidePublication({
      districts: [polling('0101'), polling('0102', 'gemeinde', '0104'), polling('0103'), polling('0104')],
      reports: [report('0101', 900, 600), report('0102', 30, 20), report('0103', 800, 500), report('0104', 700, 400)],
    });
    expect(decisions['0102']).toEqual({ decision: 'merge-with', districtId: '0104' });
    expect(decisions['0103']).toEqual({ decision: 'publish' });
  });

  it('should never merge with a district already published alone, and withhold if no partner is left', () => {
    const input = {
      districts: [polling('0101'), polling('0102'), polling('0103')],
      reports: [report('0101', 900, 600), report('0102', 60, 40), report('0103', 800, 500)],
    };
    expect(decidePublication({ ...input, alreadyPublished: ['0103'] })['0102']).toEqual({ decision: 'merge-with', districtId: '0101' });
    expect(decidePublication({ ...input, alreadyPublished: ['0101', '0103'] })['0102']).toEqual({
      decision: 'withhold',
      reason: 'below-threshold',
    });
  });

  it('should withhold districts without a report and not use them as partners', () => {
    const decisions = decidePublication({ districts: [polling('0101'), polling('0102')], reports: [report('0101', 60, 40)] });
    expect(decisions).toEqual({
      '0101': { decision: 'withhold', reason: 'below-threshold' },
      '0102': { decision: 'withhold', reason: 'not-reported' },
    });
  });

  it('should honour configured thresholds', () => {
    const decisions = decidePublication({ districts: [polling('0101')], reports: [report('0101', 60, 40)], thresholds: { minVoters: 30 } });
    expect(decisions['0101']).toEqual({ decision: 'publish' });
  });
});

describe('publicDistrictResults (R8.5, R8.6)', () => {
  it('should show a merged pair only as its sum and drop the internal marks and comment', () => {
    const districts = [polling('0101'), polling('0102'), polling('0103'), polling('0104')];
    const reports = [report('0101', 900, 600), report('0102', 60, 40), report('0103', 800, 500), report('0104', 30, 20)];
    const decisions = decidePublication({ districts, reports, alreadyPublished: ['0101', '0103'] });
    const rows = publicDistrictResults(districts, reports, decisions);
    expect(rows).toEqual([
      {
        districtIds: ['0101'],
        districtKind: 'polling',
        A: 900,
        A1: 890,
        A2: 10,
        A3: 0,
        B: 600,
        B1: 3,
        contests: [{ contestId: 'buergermeister', invalid: 2, valid: 598, votes: { mueller: 598 } }],
      },
      {
        districtIds: ['0102', '0104'],
        districtKind: 'polling',
        A: 90,
        A1: 70,
        A2: 20,
        A3: 0,
        B: 60,
        B1: 6,
        contests: [{ contestId: 'buergermeister', invalid: 4, valid: 56, votes: { mueller: 56 } }],
      },
      {
        districtIds: ['0103'],
        districtKind: 'polling',
        A: 800,
        A1: 790,
        A2: 10,
        A3: 0,
        B: 500,
        B1: 3,
        contests: [{ contestId: 'buergermeister', invalid: 2, valid: 498, votes: { mueller: 498 } }],
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('intern');
  });

  it('should leave out withheld districts', () => {
    const districts = [polling('0101')];
    const reports = [report('0101', 40, 30)];
    expect(publicDistrictResults(districts, reports, decidePublication({ districts, reports }))).toEqual([]);
  });
});
