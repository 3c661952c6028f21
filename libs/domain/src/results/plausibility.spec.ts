import { describe, expect, it } from 'vitest';
import { checkQuickReport, hasBlockingFindings, type PlausibilityContext, type PlausibilityFinding } from './plausibility';
import { quickReportSchema } from './quick-report.schema';
import { contestLetters, listLetter, type ContestCounts, type QuickReport } from './quick-report.types';
import {
  WORKED_CLOSING_COUNT_0101,
  WORKED_CONTESTS,
  WORKED_POLLING_0101,
  WORKED_POSTAL_0191,
} from '../../test-support/worked-example.fixture';

const pollingContext: PlausibilityContext = { districtKind: 'polling', contests: WORKED_CONTESTS, closingCount: WORKED_CLOSING_COUNT_0101 };
const postalContext: PlausibilityContext = { districtKind: 'postal', contests: WORKED_CONTESTS };

const errors = (findings: PlausibilityFinding[]) => findings.filter((finding) => finding.severity === 'error');
const warnings = (findings: PlausibilityFinding[]) => findings.filter((finding) => finding.severity === 'warning');
const rules = (findings: PlausibilityFinding[]) => findings.map((finding) => finding.rule);

const withContest = (report: QuickReport, index: number, change: Partial<ContestCounts>): QuickReport => ({
  ...report,
  contests: report.contests.map((contest, i) => (i === index ? { ...contest, ...change } : contest)),
});

const withVotes = (report: QuickReport, index: number, votes: Record<string, number>): QuickReport =>
  withContest(report, index, { votes: { ...report.contests[index]!.votes, ...votes } });

describe('Kennbuchstaben (DOMAIN 4.1)', () => {
  it('should map the first contest to C/D/D1… and the second to E/F/F1…', () => {
    expect(contestLetters(0)).toEqual({ invalid: 'C', valid: 'D' });
    expect(contestLetters(1)).toEqual({ invalid: 'E', valid: 'F' });
    expect(listLetter(0, 0)).toBe('D1');
    expect(listLetter(1, 5)).toBe('F6');
  });
});

describe('checkQuickReport – worked example DOMAIN 4.3', () => {
  it('should accept Urnenwahlbezirk 0101 without any finding', () => {
    expect(checkQuickReport(WORKED_POLLING_0101, pollingContext)).toEqual([]);
  });

  it('should accept Briefwahlbezirk 0191 without any finding', () => {
    expect(checkQuickReport(WORKED_POSTAL_0191, postalContext)).toEqual([]);
  });

  it('should fail exactly P5 when C + D = 819', () => {
    const report = withContest(WORKED_POLLING_0101, 0, { invalid: 11 });
    const findings = checkQuickReport(report, pollingContext);
    expect(rules(errors(findings))).toEqual(['P5']);
    expect(findings[0]).toMatchObject({ fields: ['C', 'D', 'B'] });
    expect(findings[0]!.message).toBe('C + D = 11 + 808 = 819 stimmt nicht mit B (820) überein.');
    expect(hasBlockingFindings(findings)).toBe(true);
  });

  it('should fail exactly P3 when B − B1 = 1,250 > A1 = 1,200', () => {
    // 1,265 ballots, 15 with Wahlschein; the vote counts are raised consistently so only P3 is violated.
    const report: QuickReport = {
      ...withVotes(withContest(withVotes(withContest(WORKED_POLLING_0101, 0, { valid: 1253 }), 0, { cdu: 755 }), 1, { valid: 1258 }), 1, {
        cdu: 735,
      }),
      B: 1265,
      markedCount: null,
    };
    const findings = checkQuickReport(report, pollingContext);
    expect(findings).toEqual([
      {
        rule: 'P3',
        severity: 'error',
        fields: ['B', 'B1', 'A1'],
        message: 'B − B1 = 1.265 − 15 = 1.250 ist größer als A1 (1.200): Wähler ohne Wahlschein können nur aus A1 stammen.',
      },
    ]);
  });

  it('should fail exactly P9 when the postal row has A = 0 instead of empty', () => {
    const findings = checkQuickReport({ ...WORKED_POSTAL_0191, A: 0 }, postalContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P9', severity: 'error', fields: ['A'] })]);
    expect(findings[0]!.message).toContain('nicht 0');
  });
});

describe('checkQuickReport – one case per rule', () => {
  it('P1: should reject A ≠ A1 + A2 + A3', () => {
    const findings = checkQuickReport({ ...WORKED_POLLING_0101, A: 1499 }, pollingContext);
    expect(rules(errors(findings))).toEqual(['P1']);
    expect(findings[0]!.message).toBe('A (1.499) stimmt nicht mit A1 + A2 + A3 = 1.200 + 300 + 0 = 1.500 überein.');
  });

  it('P2: should reject A1 + A2 differing from the closing count of the roll', () => {
    const findings = checkQuickReport(WORKED_POLLING_0101, { ...pollingContext, closingCount: 1502 });
    expect(findings).toEqual([expect.objectContaining({ rule: 'P2', severity: 'error', fields: ['A1', 'A2'] })]);
    expect(findings[0]!.message).toContain('1.500');
    expect(findings[0]!.message).toContain('1.502');
  });

  it('P2: should not check the closing count when it is unknown', () => {
    expect(checkQuickReport(WORKED_POLLING_0101, { ...pollingContext, closingCount: null })).toEqual([]);
  });

  it('P3: should only warn when B > A but B − B1 ≤ A1 (Wahlschein voters from elsewhere)', () => {
    // 1,450 ballots of which 300 with Wahlschein against A = 1,400: B − B1 = 1,150 ≤ A1 = 1,200.
    const report: QuickReport = {
      ...withVotes(withContest(withVotes(withContest(WORKED_POLLING_0101, 0, { valid: 1438 }), 0, { cdu: 940 }), 1, { valid: 1443 }), 1, {
        cdu: 920,
      }),
      A: 1400,
      A2: 200,
      B: 1450,
      B1: 300,
      markedCount: null,
    };
    const findings = checkQuickReport(report, { ...pollingContext, closingCount: 1400, thresholds: { maxTurnoutPercent: 110 } });
    expect(findings).toEqual([expect.objectContaining({ rule: 'P3', severity: 'warning', fields: ['B', 'A'] })]);
    expect(findings[0]!.message).toContain('B (1.450) ist größer als A (1.400)');
    expect(hasBlockingFindings(findings)).toBe(false);
  });

  it('P4: should reject B1 > B', () => {
    const findings = checkQuickReport({ ...WORKED_POLLING_0101, B1: 830, markedCount: null }, pollingContext);
    expect(rules(findings)).toEqual(['P4']);
    expect(findings[0]!.message).toBe('B1 (830) ist größer als B (820).');
  });

  it('P5: should reject E + F ≠ B on the second contest with letters E and F', () => {
    const report = withVotes(withContest(WORKED_POLLING_0101, 1, { valid: 814 }), 1, { bsw: 24 });
    const findings = checkQuickReport(report, pollingContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P5', fields: ['E', 'F', 'B'] })]);
  });

  it('P6: should reject Σ D_i ≠ D', () => {
    const findings = checkQuickReport(withVotes(WORKED_POLLING_0101, 0, { cdu: 311 }), pollingContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P6', severity: 'error', fields: ['D', 'D1', 'D2', 'D3', 'D4', 'D5'] })]);
    expect(findings[0]!.message).toBe('Summe D1 bis D5 = 809 stimmt nicht mit D (808) überein.');
  });

  it('P6: should reject negative and fractional counts without follow-up errors', () => {
    const findings = checkQuickReport({ ...withVotes(WORKED_POLLING_0101, 1, { bsw: -1 }), B1: 15.5 }, pollingContext);
    expect(findings.map((finding) => [finding.rule, finding.fields])).toEqual([
      ['P6', ['B1']],
      ['P6', ['F6']],
    ]);
    expect(findings[1]!.message).toBe('F6 muss eine ganze Zahl ≥ 0 sein (eingegeben: -1).');
  });

  it('P6: should reject a missing A in a polling district and a missing or unknown list', () => {
    const { linke: _omitted, ...votes } = WORKED_POLLING_0101.contests[0]!.votes;
    const report = withContest({ ...WORKED_POLLING_0101, A3: null }, 0, { votes: { ...votes, piraten: 0 } });
    const findings = checkQuickReport(report, pollingContext);
    expect(rules(findings)).toEqual(['P6', 'P6', 'P6']);
    expect(findings.map((finding) => finding.message)).toEqual(['A3 fehlt.', 'D5 fehlt.', 'D: unbekannter Wahlvorschlag „piraten“.']);
  });

  it('P6: should reject a report without the Zweitstimme contest', () => {
    const findings = checkQuickReport({ ...WORKED_POLLING_0101, contests: [WORKED_POLLING_0101.contests[0]!] }, pollingContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P6', fields: ['E', 'F', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6'] })]);
  });

  it('P6: should bound the list votes of a cumulative council ballot by valid ballots × votes (R5.6)', () => {
    const council = [{ id: 'gemeinderat', listIds: ['cdu', 'fw'], votesPerBallot: 3 }];
    const report: QuickReport = {
      ...WORKED_POLLING_0101,
      B: 100,
      B1: 10,
      markedCount: null,
      contests: [{ contestId: 'gemeinderat', invalid: 2, valid: 98, votes: { cdu: 150, fw: 140 } }],
    };
    expect(checkQuickReport(report, { ...pollingContext, contests: council, thresholds: { minTurnoutPercent: 0 } })).toEqual([]);
    const over = { ...report, contests: [{ ...report.contests[0]!, votes: { cdu: 150, fw: 145 } }] };
    const findings = checkQuickReport(over, { ...pollingContext, contests: council, thresholds: { minTurnoutPercent: 0 } });
    expect(findings).toEqual([expect.objectContaining({ rule: 'P6', fields: ['D', 'D1', 'D2'] })]);
    expect(findings[0]!.message).toContain('98 × 3 = 294');
  });

  it('P7: should warn when B differs from marks + Wahlscheine and ask for the mandatory comment', () => {
    const findings = checkQuickReport({ ...WORKED_POLLING_0101, markedCount: 818 }, pollingContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P7', severity: 'warning', fields: ['B', 'markedCount', 'comment'] })]);
    expect(findings[0]!.message).toContain('Pflichtangabe');
    // The board sees the rule's source beside the warning.
    expect(findings[0]!.message).toContain('Maßgeblich ist die Zahl der Stimmzettel (§ 68 Abs. 1 BWO)');
    const commented = checkQuickReport({ ...WORKED_POLLING_0101, markedCount: 818, comment: 'Zwei Vermerke vergessen.' }, pollingContext);
    expect(commented).toEqual([expect.objectContaining({ rule: 'P7', fields: ['B', 'markedCount'] })]);
  });

  it('P8: should warn on turnout above 95 % and below 20 %', () => {
    const high = checkQuickReport(WORKED_POLLING_0101, { ...pollingContext, thresholds: { maxTurnoutPercent: 54 } });
    expect(high).toEqual([expect.objectContaining({ rule: 'P8', severity: 'warning', fields: ['B', 'A'] })]);
    expect(high[0]!.message).toBe('Wahlbeteiligung B/A = 820/1.500 = 54,7 % liegt über 54 % – bitte bestätigen.');
    const low = checkQuickReport(WORKED_POLLING_0101, { ...pollingContext, thresholds: { minTurnoutPercent: 55 } });
    expect(low[0]!.message).toContain('liegt unter 55 %');
  });

  it('P8: should warn with the default 20 % floor', () => {
    // 250 of 1,500 = 16.7 %.
    const report: QuickReport = {
      ...WORKED_POLLING_0101,
      B: 250,
      B1: 5,
      markedCount: null,
      contests: [
        { contestId: 'erststimme', invalid: 2, valid: 248, votes: { cdu: 100, spd: 80, gruene: 40, fdp: 20, linke: 8 } },
        { contestId: 'zweitstimme', invalid: 1, valid: 249, votes: { cdu: 90, spd: 80, gruene: 40, fdp: 20, linke: 10, bsw: 9 } },
      ],
    };
    expect(checkQuickReport(report, pollingContext)).toEqual([
      expect.objectContaining({ rule: 'P8', message: expect.stringContaining('16,7 %') }),
    ]);
  });

  it('P8: should warn when the invalid share exceeds 5 %', () => {
    // C = 42 of 820 = 5.1 %.
    const report = withVotes(withContest(WORKED_POLLING_0101, 0, { invalid: 42, valid: 778 }), 0, { cdu: 280 });
    const findings = checkQuickReport(report, pollingContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P8', fields: ['C'] })]);
    expect(findings[0]!.message).toContain('42/820 = 5,1 %');
  });

  it('P8: should warn when a list has more than twice its previous share', () => {
    // BSW: 23 of 813 = 2.8 %; previously 10 of 800 = 1.25 % → 2.26 ×. FDP: 80/813 vs 40/800 → 1.97 ×.
    const previous = [{ contest: 'zweitstimme', valid: 800, votes: { cdu: 300, spd: 250, gruene: 150, fdp: 40, linke: 50, bsw: 10 } }];
    const findings = checkQuickReport(WORKED_POLLING_0101, { ...pollingContext, previous });
    expect(findings).toEqual([expect.objectContaining({ rule: 'P8', severity: 'warning', fields: ['F6'] })]);
    expect(findings[0]!.message).toContain('2,8 %');
    expect(findings[0]!.message).toContain('1,3 %');
  });

  it('P8: should skip lists without a previous share', () => {
    const previous = [{ contest: 'zweitstimme', valid: 800, votes: { cdu: 300, spd: 250, gruene: 150, fdp: 40, linke: 60, bsw: 0 } }];
    expect(checkQuickReport(WORKED_POLLING_0101, { ...pollingContext, previous })).toEqual([]);
  });

  it('P9: should reject B1 ≠ B in a postal district', () => {
    const findings = checkQuickReport({ ...WORKED_POSTAL_0191, B1: 250 }, postalContext);
    expect(findings).toEqual([expect.objectContaining({ rule: 'P9', fields: ['B1', 'B'] })]);
    expect(findings[0]!.message).toContain('B1 (250) muss bei einem Briefwahlbezirk gleich B (260) sein');
  });

  it('P9: should reject a report whose Bezirksart contradicts the district', () => {
    const findings = checkQuickReport(WORKED_POSTAL_0191, pollingContext);
    expect(findings[0]).toMatchObject({ rule: 'P9', fields: ['districtKind'] });
    expect(rules(errors(findings))).toContain('P6');
    expect(warnings(findings)).toEqual([]);
  });
});

describe('quickReportSchema', () => {
  it('should accept the worked example after a JSON round trip and reject a missing B', () => {
    const stored = JSON.parse(JSON.stringify(WORKED_POSTAL_0191));
    expect(quickReportSchema.parse(stored)).toEqual(WORKED_POSTAL_0191);
    const { B: _missing, ...withoutB } = WORKED_POLLING_0101;
    expect(quickReportSchema.safeParse(withoutB).success).toBe(false);
  });
});
