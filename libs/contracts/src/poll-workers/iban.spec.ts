import { describe, expect, it } from 'vitest';
import { setBankAccountSchema } from './payments';
import { ibanProblems, IbanSchema } from './iban';

describe('IBAN on entry (ISO 13616 via ibantools)', () => {
  it('should take an IBAN as printed on a card, with spaces and lower case, and store it compact', () => {
    expect(IbanSchema.parse('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
  });

  it('should refuse a wrong check digit in German', () => {
    // One digit changed from the valid DE89 3704 0044 0532 0130 00.
    expect(ibanProblems('DE89370400440532013001')).toEqual([
      'Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie die Eingabe auf Tippfehler.',
    ]);
  });

  it('should refuse a German IBAN of the wrong length and an unknown country', () => {
    expect(ibanProblems('DE8937040044053201300')).toContain(
      'Die IBAN hat für ihr Land nicht die richtige Länge (Deutschland: 22 Zeichen).',
    );
    expect(ibanProblems('XX89370400440532013000')).toContain('Die IBAN beginnt nicht mit einem bekannten Ländercode (z. B. DE).');
  });

  it('should refuse an account outside the SEPA area', () => {
    // A valid IBAN of Brazil: correct check digits, but no SEPA transfer possible.
    expect(ibanProblems('BR1800360305000010009795493C1')).toEqual([
      'Die IBAN gehört zu keinem Land des SEPA-Raums; eine SEPA-Überweisung ist nicht möglich.',
    ]);
  });

  it('should name the field when the request is refused', () => {
    const result = setBankAccountSchema.safeParse({ iban: 'DE00 1234', accountHolder: null });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain('iban');
  });
});
