import { electronicFormatIBAN, isSEPACountry, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

// IBANs are checked where they are entered (ISO 13616: country, length, format and the mod-97 check
// digits) with ibantools, a small, well-kept library without dependencies, so that a typo is refused
// at the field in German instead of bouncing at the bank weeks later. Free of zod: the office screen
// checks an IBAN as it is typed with the same function the API uses.

const IBAN_MESSAGES: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'Bitte geben Sie eine IBAN an.',
  [ValidationErrorsIBAN.NoIBANCountry]: 'Die IBAN beginnt nicht mit einem bekannten Ländercode (z. B. DE).',
  [ValidationErrorsIBAN.WrongBBANLength]: 'Die IBAN hat für ihr Land nicht die richtige Länge (Deutschland: 22 Zeichen).',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'Die IBAN enthält an einer Stelle ein unzulässiges Zeichen.',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'Die Prüfziffer der IBAN (3. und 4. Zeichen) muss aus Ziffern bestehen.',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie die Eingabe auf Tippfehler.',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'Die Kontonummer in der IBAN ist ungültig.',
};
const UNKNOWN_IBAN_PROBLEM = 'Die IBAN ist ungültig.';

/** The IBAN as stored: without spaces, upper case. */
export const normalizeIban = (input: string): string => electronicFormatIBAN(input) ?? '';

/** German messages for everything wrong with an IBAN; empty when it is valid and in the SEPA area. */
export function ibanProblems(input: string): string[] {
  const iban = normalizeIban(input);
  const result = validateIBAN(iban);
  if (!result.valid) return [...new Set(result.errorCodes.map((code) => IBAN_MESSAGES[code] ?? UNKNOWN_IBAN_PROBLEM))];
  if (!isSEPACountry(iban.slice(0, 2))) return ['Die IBAN gehört zu keinem Land des SEPA-Raums; eine SEPA-Überweisung ist nicht möglich.'];
  return [];
}
