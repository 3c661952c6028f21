import { err, ok, type Result } from '../result';

// R3.14/R3.15: every sheet carries a 2D code the inserter's cameras read to check that no sheet is
// missing, doubled or out of sequence. It holds only opaque numbers, never personal data.
//
// Layout: 16 digits, fixed width, so the whole code is digit pairs (8 Data Matrix codewords, a
// 14 × 14 symbol) and an inserter can be configured by position:
//   positions  1–6   job number        (000001–999999)
//   positions  7–13  piece number      (0000001–9999999, the running number of R3.10)
//   position  14     sheet n           (1–9)
//   position  15     sheets in piece m (1–9)
//   position  16     check digit: Luhn (mod 10) over positions 1–15

export type InserterCode = {
  readonly jobNumber: number;
  readonly piece: number;
  readonly sheet: number;
  readonly sheets: number;
};

export const INSERTER_CODE_LENGTH = 16;

/** Luhn check digit of a digit string (the rightmost digit is doubled). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

const inRange = (value: number, min: number, max: number): boolean => Number.isInteger(value) && value >= min && value <= max;

export function formatInserterCode(code: InserterCode): string {
  const { jobNumber, piece, sheet, sheets } = code;
  if (!inRange(jobNumber, 1, 999_999)) throw new RangeError(`job number out of range: ${jobNumber}`);
  if (!inRange(piece, 1, 9_999_999)) throw new RangeError(`piece number out of range: ${piece}`);
  if (!inRange(sheets, 1, 9) || !inRange(sheet, 1, sheets)) throw new RangeError(`sheet ${sheet} of ${sheets} out of range`);
  const body = `${String(jobNumber).padStart(6, '0')}${String(piece).padStart(7, '0')}${sheet}${sheets}`;
  return `${body}${luhnCheckDigit(body)}`;
}

export type InserterCodeError = 'WRONG_FORMAT' | 'CHECK_DIGIT_MISMATCH' | 'SHEET_OUT_OF_RANGE';

/** Reads a scanned code back; the inserter side of the reconciliation (R3.15). */
export function parseInserterCode(text: string): Result<InserterCode, InserterCodeError> {
  if (!/^\d{16}$/.test(text)) return err('WRONG_FORMAT');
  if (luhnCheckDigit(text.slice(0, 15)) !== text.charCodeAt(15) - 48) return err('CHECK_DIGIT_MISMATCH');
  const code = {
    jobNumber: Number(text.slice(0, 6)),
    piece: Number(text.slice(6, 13)),
    sheet: text.charCodeAt(13) - 48,
    sheets: text.charCodeAt(14) - 48,
  };
  if (code.jobNumber < 1 || code.piece < 1 || code.sheets < 1 || code.sheet < 1 || code.sheet > code.sheets)
    return err('SHEET_OUT_OF_RANGE');
  return ok(code);
}
