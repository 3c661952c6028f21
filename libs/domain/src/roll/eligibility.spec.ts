import { describe, expect, it } from 'vitest';
import { ELECTION_KINDS } from '../election/election-definition.types';
import {
  decideRollEntry,
  hasCompletedAge,
  hasCompletedResidence,
  INELIGIBILITY_REASON_LABELS,
  INELIGIBILITY_REASONS,
  type EligibilityResident,
} from './eligibility';

const resident = (overrides: Partial<EligibilityResident> = {}): EligibilityResident => ({
  birthDate: '1980-05-17',
  nationalities: ['DE'],
  dwellingStatus: 'H',
  moveInDate: null,
  arrivedFromAbroad: null,
  excludedFromVoting: false,
  ...overrides,
});

// Election days and Stichtage of DOMAIN R0.1.
const BT_2025 = { day: '2025-02-23', cutoff: '2025-01-12' } as const;
const BW_2024 = { day: '2024-06-09', cutoff: '2024-05-05' } as const;
const EU_2024 = { day: '2024-06-09', cutoff: '2024-04-28' } as const;
const LTW_2026 = { day: '2026-03-08', cutoff: '2026-01-25' } as const;

describe('age test (R1.2, R1.5)', () => {
  it('should count the 18th birthday on election day in (checklist 2, Bundestag 2025)', () => {
    expect(decideRollEntry(resident({ birthDate: '2007-02-23' }), 'bundestag', BT_2025.day, BT_2025.cutoff)).toEqual({ entered: true });
    expect(decideRollEntry(resident({ birthDate: '2007-02-24' }), 'bundestag', BT_2025.day, BT_2025.cutoff)).toEqual({
      entered: false,
      reasons: ['UNDER_AGE'],
    });
  });

  it('should count the 16th birthday on election day in (checklist 2, BW Kommunalwahl 2024)', () => {
    for (const kind of ['gemeinderat-bw', 'kreistag-bw', 'buergermeister-bw'] as const) {
      expect(decideRollEntry(resident({ birthDate: '2008-06-09' }), kind, BW_2024.day, BW_2024.cutoff).entered).toBe(true);
      expect(decideRollEntry(resident({ birthDate: '2008-06-10' }), kind, BW_2024.day, BW_2024.cutoff)).toEqual({
        entered: false,
        reasons: ['UNDER_AGE'],
      });
    }
  });

  it('should apply 16 to the Europawahl 2024 and the Landtag BW 2026, 18 to the Bundestag', () => {
    expect(decideRollEntry(resident({ birthDate: '2008-06-09' }), 'europawahl', EU_2024.day, EU_2024.cutoff).entered).toBe(true);
    expect(decideRollEntry(resident({ birthDate: '2008-06-10' }), 'europawahl', EU_2024.day, EU_2024.cutoff).entered).toBe(false);
    expect(decideRollEntry(resident({ birthDate: '2010-03-08' }), 'landtag-bw', LTW_2026.day, LTW_2026.cutoff).entered).toBe(true);
    expect(decideRollEntry(resident({ birthDate: '2010-03-09' }), 'landtag-bw', LTW_2026.day, LTW_2026.cutoff).entered).toBe(false);
    expect(decideRollEntry(resident({ birthDate: '2008-06-09' }), 'bundestag', '2026-06-07', '2026-04-26').entered).toBe(false);
  });

  it('should treat a 29 February birth as completing the year on 1 March in non-leap years', () => {
    expect(hasCompletedAge('2008-02-29', 18, '2026-02-28')).toBe(false);
    expect(hasCompletedAge('2008-02-29', 18, '2026-03-01')).toBe(true);
    // in a leap year the birthday itself exists
    expect(hasCompletedAge('2008-02-29', 16, '2024-02-28')).toBe(false);
    expect(hasCompletedAge('2008-02-29', 16, '2024-02-29')).toBe(true);
    // a 28 February birth is unaffected
    expect(hasCompletedAge('2008-02-28', 18, '2026-02-28')).toBe(true);
    expect(hasCompletedAge('2008-02-28', 18, '2026-02-27')).toBe(false);
  });
});

describe('residence test (R1.3, R1.6)', () => {
  it('should count the move-in day in: three months completed on the same-numbered day', () => {
    expect(hasCompletedResidence('2024-11-23', 3, '2025-02-23')).toBe(true);
    expect(hasCompletedResidence('2024-11-24', 3, '2025-02-23')).toBe(false);
    expect(hasCompletedResidence('2024-03-09', 3, '2024-06-09')).toBe(true);
    expect(hasCompletedResidence('2024-03-10', 3, '2024-06-09')).toBe(false);
  });

  it('should clamp at month ends: the missing day moves the completion to the 1st', () => {
    // Election on Sunday 30 Nov 2025: 30 Aug is the last qualifying move-in day.
    expect(hasCompletedResidence('2025-08-30', 3, '2025-11-30')).toBe(true);
    expect(hasCompletedResidence('2025-08-31', 3, '2025-11-30')).toBe(false);
    // 28 Feb 2025: moved in 28 Nov qualifies, 29 and 30 Nov only from 1 Mar.
    expect(hasCompletedResidence('2024-11-28', 3, '2025-02-28')).toBe(true);
    expect(hasCompletedResidence('2024-11-29', 3, '2025-02-28')).toBe(false);
    expect(hasCompletedResidence('2024-11-30', 3, '2025-02-28')).toBe(false);
    expect(hasCompletedResidence('2024-11-30', 3, '2025-03-01')).toBe(true);
  });

  it('should restart the federal period only on a move from abroad', () => {
    const fromAbroad = (moveInDate: string) => resident({ moveInDate, arrivedFromAbroad: moveInDate });
    expect(decideRollEntry(fromAbroad('2024-11-23'), 'bundestag', BT_2025.day, BT_2025.cutoff).entered).toBe(true);
    expect(decideRollEntry(fromAbroad('2024-11-24'), 'bundestag', BT_2025.day, BT_2025.cutoff)).toEqual({
      entered: false,
      reasons: ['RESIDENCE_TOO_SHORT'],
    });
    // From another German municipality a month before the Stichtag: keeps the three months.
    const fromGermany = resident({ moveInDate: '2024-12-20', arrivedFromAbroad: null });
    expect(decideRollEntry(fromGermany, 'bundestag', BT_2025.day, BT_2025.cutoff).entered).toBe(true);
    expect(decideRollEntry(fromGermany, 'landtag-bw', '2025-02-23', '2025-01-12').entered).toBe(true);
  });

  it('should run the municipal period from the move into the municipality, wherever from', () => {
    const movedIn = (moveInDate: string) => resident({ moveInDate, arrivedFromAbroad: null });
    expect(decideRollEntry(movedIn('2024-03-09'), 'gemeinderat-bw', BW_2024.day, BW_2024.cutoff).entered).toBe(true);
    expect(decideRollEntry(movedIn('2024-03-10'), 'gemeinderat-bw', BW_2024.day, BW_2024.cutoff)).toEqual({
      entered: false,
      reasons: ['RESIDENCE_TOO_SHORT'],
    });
    expect(decideRollEntry(movedIn('2024-03-10'), 'kreistag-bw', BW_2024.day, BW_2024.cutoff).entered).toBe(false);
    expect(decideRollEntry(movedIn('2024-03-10'), 'kreistag-bw', BW_2024.day, BW_2024.cutoff, { residenceArea: 'germany' }).entered).toBe(
      true,
    );
  });

  it('should flag a recent move from abroad at the Europawahl for a check, since an EU dwelling counts', () => {
    const decision = decideRollEntry(
      resident({ moveInDate: '2024-04-01', arrivedFromAbroad: '2024-04-01' }),
      'europawahl',
      EU_2024.day,
      EU_2024.cutoff,
    );
    expect(decision).toEqual({ entered: false, reasons: ['RESIDENCE_ABROAD_UNVERIFIED'] });
    expect(
      decideRollEntry(resident({ moveInDate: '2024-03-09', arrivedFromAbroad: '2024-03-09' }), 'europawahl', EU_2024.day, EU_2024.cutoff)
        .entered,
    ).toBe(true);
  });

  it('should treat a resident without move-in date as living here long enough', () => {
    expect(decideRollEntry(resident({ moveInDate: null }), 'gemeinderat-bw', BW_2024.day, BW_2024.cutoff).entered).toBe(true);
  });
});

describe('registration on the Stichtag (R1.7, R1.8)', () => {
  it('should enter a resident who moved in on the Stichtag and not one who moved in the day after', () => {
    expect(decideRollEntry(resident({ moveInDate: '2025-01-12' }), 'bundestag', BT_2025.day, BT_2025.cutoff).entered).toBe(true);
    expect(decideRollEntry(resident({ moveInDate: '2025-01-13' }), 'bundestag', BT_2025.day, BT_2025.cutoff)).toEqual({
      entered: false,
      reasons: ['MOVED_IN_AFTER_CUTOFF'],
    });
  });

  it('should report a late municipal move-in with the short residence as a second reason', () => {
    expect(decideRollEntry(resident({ moveInDate: '2024-05-06' }), 'gemeinderat-bw', BW_2024.day, BW_2024.cutoff)).toEqual({
      entered: false,
      reasons: ['MOVED_IN_AFTER_CUTOFF', 'RESIDENCE_TOO_SHORT'],
    });
  });

  it('should never enter a secondary dwelling ex officio', () => {
    for (const kind of ELECTION_KINDS) {
      expect(decideRollEntry(resident({ dwellingStatus: 'N' }), kind, BW_2024.day, BW_2024.cutoff)).toEqual({
        entered: false,
        reasons: ['SECONDARY_DWELLING'],
      });
    }
  });
});

describe('citizenship (R1.1)', () => {
  const decide = (nationalities: string[], kind: Parameters<typeof decideRollEntry>[1]) =>
    decideRollEntry(resident({ nationalities }), kind, BW_2024.day, kind === 'europawahl' ? EU_2024.cutoff : BW_2024.cutoff);

  it('should admit only Germans to Bundestag and Landtag, dual citizens included', () => {
    expect(decide(['DE', 'TR'], 'bundestag').entered).toBe(true);
    expect(decide(['TR', 'DE'], 'landtag-bw').entered).toBe(true);
    expect(decide(['FR'], 'bundestag')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
    expect(decide(['AT'], 'landtag-bw')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
    expect(decide([], 'bundestag')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
  });

  it('should admit EU citizens to BW municipal elections but not third-country nationals', () => {
    expect(decide(['FR'], 'gemeinderat-bw').entered).toBe(true);
    expect(decide(['GR'], 'kreistag-bw').entered).toBe(true);
    expect(decide(['TR', 'HR'], 'buergermeister-bw').entered).toBe(true);
    expect(decide(['TR'], 'gemeinderat-bw')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
    expect(decide(['CH'], 'gemeinderat-bw')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
    expect(decide(['GB'], 'gemeinderat-bw')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
  });

  it('should enter EU citizens at the Europawahl only on application unless entered before', () => {
    expect(decide(['IT'], 'europawahl')).toEqual({ entered: false, reasons: ['EU_CITIZEN_NEEDS_APPLICATION'] });
    expect(
      decideRollEntry(resident({ nationalities: ['IT'], euElectionEntryOnRecord: true }), 'europawahl', EU_2024.day, EU_2024.cutoff),
    ).toEqual({
      entered: true,
    });
    expect(decide(['DE', 'IT'], 'europawahl').entered).toBe(true);
    expect(decide(['US'], 'europawahl')).toEqual({ entered: false, reasons: ['NOT_CITIZEN'] });
  });
});

describe('exclusion and combined reasons', () => {
  it('should not enter a person excluded by court decision (R1.4)', () => {
    expect(decideRollEntry(resident({ excludedFromVoting: true }), 'bundestag', BT_2025.day, BT_2025.cutoff)).toEqual({
      entered: false,
      reasons: ['EXCLUDED_BY_COURT'],
    });
  });

  it('should list every reason in the fixed order', () => {
    const everything = resident({
      birthDate: '2010-01-01',
      nationalities: ['US'],
      dwellingStatus: 'N',
      moveInDate: '2025-01-20',
      arrivedFromAbroad: '2025-01-20',
      excludedFromVoting: true,
    });
    expect(decideRollEntry(everything, 'bundestag', BT_2025.day, BT_2025.cutoff)).toEqual({
      entered: false,
      reasons: ['MOVED_IN_AFTER_CUTOFF', 'SECONDARY_DWELLING', 'NOT_CITIZEN', 'UNDER_AGE', 'RESIDENCE_TOO_SHORT', 'EXCLUDED_BY_COURT'],
    });
  });

  it('should label every reason in German', () => {
    expect(Object.keys(INELIGIBILITY_REASON_LABELS).sort()).toEqual([...INELIGIBILITY_REASONS].sort());
    expect(INELIGIBILITY_REASON_LABELS.UNDER_AGE).toBe('Hat am Wahltag das Mindestalter noch nicht erreicht.');
  });

  it('should reject malformed dates and a Stichtag after the election', () => {
    expect(() => decideRollEntry(resident({ birthDate: '2007-02-30' }), 'bundestag', BT_2025.day, BT_2025.cutoff)).toThrow(RangeError);
    expect(() => decideRollEntry(resident(), 'bundestag', BT_2025.day, '2025-03-01')).toThrow(RangeError);
  });
});
