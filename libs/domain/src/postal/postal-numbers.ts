import { luhnCheckDigit } from '../polling-cards/inserter-code';

// Numbers of the postal vote.
// - Application reference (Antragsnummer), given to the voter: `A-` + at least 7 digits + `-` + a Luhn
//   check digit, so a number read out on the phone with one wrong digit is noticed.
// - Certificate number (Wahlschein-Nr., BWO § 28: the running number of the Wahlscheinverzeichnis):
//   the polling district's number, `-`, the election's running number with 6 digits. The board sees
//   the district at a glance; a replacement gets the next running number, never the old one again.

export function formatApplicationReference(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_147_483_647) throw new RangeError(`application serial out of range: ${serial}`);
  const digits = String(serial).padStart(7, '0');
  return `A-${digits}-${luhnCheckDigit(digits)}`;
}

/** The serial of a reference typed by someone (spaces and case tolerated), or null when malformed or the check digit fails. */
export function parseApplicationReference(text: string): number | null {
  const match = /^A-?(\d{7,10})-?(\d)$/.exec(text.replace(/\s+/g, '').toUpperCase());
  if (!match) return null;
  if (luhnCheckDigit(match[1]!) !== Number(match[2])) return null;
  const serial = Number(match[1]);
  return serial > 0 ? serial : null;
}

export function formatCertificateNumber(districtNumber: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError(`certificate sequence out of range: ${sequence}`);
  return `${districtNumber}-${String(sequence).padStart(6, '0')}`;
}
