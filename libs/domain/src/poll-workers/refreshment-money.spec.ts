import { describe, expect, it } from 'vitest';
import {
  buildPaymentList,
  DEFAULT_REFRESHMENT_RATES,
  refreshmentReference,
  refreshmentRemittance,
  sepaName,
  type ServedSeat,
} from './refreshment-money';

const seat = (over: Partial<ServedSeat> & Pick<ServedSeat, 'familyName' | 'districtNumber' | 'function'>): ServedSeat => ({
  personId: `p-${over.familyName}`,
  givenNames: 'Erika',
  iban: 'DE89370400440532013000',
  accountHolder: null,
  ...over,
});

describe('refreshment money (R7.19, BWO § 10(2))', () => {
  it('should start from 35 € for the chair and 25 € for every other member', () => {
    expect(DEFAULT_REFRESHMENT_RATES).toEqual({
      chair: 3500,
      'deputy-chair': 2500,
      secretary: 2500,
      'deputy-secretary': 2500,
      assessor: 2500,
    });
  });

  it('should pay a five-member board 135 € and list it by district, then function, then name', () => {
    // District 0102 before 0010 would be wrong: numbers compare as numbers.
    const seats = [
      seat({ familyName: 'Zeller', districtNumber: '0102', function: 'assessor' }),
      seat({ familyName: 'Adler', districtNumber: '0102', function: 'assessor', iban: null }),
      seat({ familyName: 'Berg', districtNumber: '0102', function: 'chair' }),
      seat({ familyName: 'Kurz', districtNumber: '0102', function: 'secretary' }),
      seat({ familyName: 'Lang', districtNumber: '0102', function: 'deputy-chair', accountHolder: 'Hans Lang' }),
      seat({ familyName: 'Early', districtNumber: '10', function: 'chair' }),
    ];
    const list = buildPaymentList(seats, DEFAULT_REFRESHMENT_RATES);
    expect(list.lines.map((line) => `${line.districtNumber} ${line.function} ${line.familyName}`)).toEqual([
      '10 chair Early',
      '0102 chair Berg',
      '0102 deputy-chair Lang',
      '0102 secretary Kurz',
      '0102 assessor Adler',
      '0102 assessor Zeller',
    ]);
    // 0102: 35 + 4 × 25 = 135 €; district 10: 35 €. Adler has no account: cash.
    expect(list.totalCents).toBe(17_000);
    expect(list.cash).toEqual({ count: 1, cents: 2500 });
    expect(list.transfer).toEqual({ count: 5, cents: 14_500 });
    expect(list.lines.find((line) => line.familyName === 'Lang')!.payee).toBe('Hans Lang');
    expect(list.lines.find((line) => line.familyName === 'Berg')!.payee).toBe('Erika Berg');
  });

  it('should leave out functions the election pays nothing for', () => {
    const rates = { ...DEFAULT_REFRESHMENT_RATES, assessor: 0 };
    const list = buildPaymentList([seat({ familyName: 'A', districtNumber: '1', function: 'assessor' })], rates);
    expect(list.lines).toEqual([]);
    expect(list.totalCents).toBe(0);
  });

  it('should keep the SEPA text fields within their lengths and the reference within its character set', () => {
    expect(refreshmentReference({ districtNumber: '01/02 Süd' }, 11)).toBe('EG-0102Sd-12');
    expect(refreshmentRemittance('Bundestagswahl 2025', { districtNumber: '0102' })).toBe(
      'Erfrischungsgeld Bundestagswahl 2025 Wahlbezirk 0102',
    );
    expect(refreshmentRemittance('x'.repeat(200), { districtNumber: '1' })).toHaveLength(140);
    expect(sepaName(`  Erika   ${'M'.repeat(80)} `)).toHaveLength(70);
  });
});
