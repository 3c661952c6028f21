import { describe, expect, it } from 'vitest';
import { EU_MEMBER_STATES, isNationalityCode, NATIONALITY_CODES } from './country-codes';

// Region codes that the runtime's region names know but ISO 3166-1 does not assign to a country today:
// reserved and macro-region codes, and withdrawn codes (DD, SU, YU, CS, AN …).
const NOT_ISO_3166_1 = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'IC',
  'QO',
  'TA',
  'UK',
  'UN',
  'XA',
  'XB',
  'ZZ',
  'AN',
  'BU',
  'CS',
  'DD',
  'DY',
  'FX',
  'HV',
  'NH',
  'RH',
  'SU',
  'TP',
  'VD',
  'YD',
  'YU',
  'ZR',
]);

describe('country codes', () => {
  it('should hold the 249 assigned ISO 3166-1 codes plus XK', () => {
    expect(NATIONALITY_CODES.size).toBe(250);
    expect(isNationalityCode('XK')).toBe(true);
    expect(isNationalityCode('DE')).toBe(true);
    expect(isNationalityCode('de')).toBe(false);
    expect(isNationalityCode('EL')).toBe(false);
    expect(isNationalityCode('UK')).toBe(false);
  });

  it('should agree with the region names of the runtime (cross-check of the hand-written list)', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    const known: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (names.of(code) !== code && !NOT_ISO_3166_1.has(code)) known.push(code);
      }
    }
    const missing = known.filter((code) => !NATIONALITY_CODES.has(code));
    const unknown = [...NATIONALITY_CODES].filter((code) => names.of(code) === code);
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('should list the 27 EU member states, all of them valid codes', () => {
    expect(EU_MEMBER_STATES.size).toBe(27);
    for (const code of EU_MEMBER_STATES) expect(isNationalityCode(code)).toBe(true);
    expect(EU_MEMBER_STATES.has('GB')).toBe(false);
    expect(EU_MEMBER_STATES.has('HR')).toBe(true);
  });
});
