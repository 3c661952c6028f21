import { compareHouseNumbers, parseHouseNumber } from '../election/house-number';
import { err, ok, type Result } from '../result';
import { primaryCollationKey, tertiaryCollationKey } from '../roll/collation';
import { compareDistricts } from '../roll/voter-numbering';
import type { CardRecord } from './card-record.types';

// R3.10 (Teilleistungen Brief): the print file is sorted by postal code – the first two digits are
// the Leitregion, so sorting by the whole code groups the Leitregionen – and within a postal code by
// street and house number (delivery order), and every item carries a running number. Ties (several
// voters at one address) are broken by district and voter number, which are unique, so the order and
// therefore the piece numbers are reproducible.

export type MailPiece<T extends CardRecord = CardRecord> = {
  /** Running piece number 1..N in mailing order; also in the inserter code (R3.15). */
  readonly piece: number;
  readonly record: T;
};

export type PrintLot<T extends CardRecord = CardRecord> = {
  /** 1-based lot number. */
  readonly lot: number;
  readonly firstPiece: number;
  readonly lastPiece: number;
  readonly pieces: readonly MailPiece<T>[];
};

export type MailingOrderError =
  | { readonly code: 'INVALID_POSTAL_CODE'; readonly district: string; readonly voterNumber: number; readonly postalCode: string }
  | { readonly code: 'DUPLICATE_VOTER'; readonly district: string; readonly voterNumber: number };

const POSTAL_CODE = /^\d{5}$/;

/** R3.10: the Leitregion is the first two digits of the postal code. */
export function leitregionOf(postalCode: string): string {
  return postalCode.slice(0, 2);
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type SortEntry<T> = {
  readonly record: T;
  readonly street: string;
  readonly streetSpelling: string;
  readonly house: ReturnType<typeof parseHouseNumber>;
};

function compareEntries<T extends CardRecord>(a: SortEntry<T>, b: SortEntry<T>): number {
  const ra = a.record;
  const rb = b.record;
  const byPostalCode = compareStrings(ra.postalCode, rb.postalCode);
  if (byPostalCode !== 0) return byPostalCode;
  const byStreet = compareStrings(a.street, b.street) || compareStrings(a.streetSpelling, b.streetSpelling);
  if (byStreet !== 0) return byStreet;
  // Unparseable house numbers go after the valid ones of the street, by their text.
  if (a.house && b.house) {
    const byHouse = compareHouseNumbers(a.house, b.house);
    if (byHouse !== 0) return byHouse;
  } else if (a.house || b.house) {
    return a.house ? -1 : 1;
  }
  return (
    compareStrings(ra.houseNumber, rb.houseNumber) ||
    compareStrings(ra.addressSupplement ?? '', rb.addressSupplement ?? '') ||
    compareDistricts(ra.district.number, rb.district.number) ||
    ra.voterNumber - rb.voterNumber
  );
}

/**
 * Sorts the records into mailing order (R3.10) and numbers them 1..N. Fails with every record whose
 * postal code is not five digits, and with duplicates of (district, voter number).
 */
export function orderForMailing<T extends CardRecord>(records: readonly T[]): Result<MailPiece<T>[], MailingOrderError[]> {
  const errors: MailingOrderError[] = [];
  const seen = new Set<string>();
  const entries: SortEntry<T>[] = [];
  for (const record of records) {
    const key = `${record.district.number}\u0000${record.voterNumber}`;
    if (seen.has(key)) errors.push({ code: 'DUPLICATE_VOTER', district: record.district.number, voterNumber: record.voterNumber });
    seen.add(key);
    if (!POSTAL_CODE.test(record.postalCode)) {
      errors.push({
        code: 'INVALID_POSTAL_CODE',
        district: record.district.number,
        voterNumber: record.voterNumber,
        postalCode: record.postalCode,
      });
    }
    entries.push({
      record,
      street: primaryCollationKey(record.street),
      streetSpelling: tertiaryCollationKey(record.street),
      house: parseHouseNumber(record.houseNumber),
    });
  }
  if (errors.length > 0) return err(errors);
  entries.sort(compareEntries);
  return ok(entries.map((entry, index) => ({ piece: index + 1, record: entry.record })));
}

/** Cuts the numbered pieces into print lots of at most `lotSize` pieces (R3.15: one PDF per lot). */
export function splitIntoLots<T extends CardRecord>(pieces: readonly MailPiece<T>[], lotSize: number): PrintLot<T>[] {
  if (!Number.isInteger(lotSize) || lotSize < 1) throw new RangeError(`lot size must be a positive integer, got ${lotSize}`);
  const lots: PrintLot<T>[] = [];
  for (let start = 0; start < pieces.length; start += lotSize) {
    const slice = pieces.slice(start, start + lotSize);
    lots.push({ lot: lots.length + 1, firstPiece: slice[0]!.piece, lastPiece: slice[slice.length - 1]!.piece, pieces: slice });
  }
  return lots;
}

export type PostalCounts = {
  /** Pieces per Leitregion, keys ascending (R3.10: BZE needs ≥ 250 per Leitregion). */
  readonly leitregionen: Readonly<Record<string, number>>;
  /** Pieces per postal code, keys ascending. */
  readonly postalCodes: Readonly<Record<string, number>>;
};

/** Counts per Leitregion and per postal code, for the lot manifest and the posting slip. */
export function countByPostalCode(pieces: Iterable<MailPiece>): PostalCounts {
  const byRegion = new Map<string, number>();
  const byCode = new Map<string, number>();
  for (const { record } of pieces) {
    byCode.set(record.postalCode, (byCode.get(record.postalCode) ?? 0) + 1);
    const region = leitregionOf(record.postalCode);
    byRegion.set(region, (byRegion.get(region) ?? 0) + 1);
  }
  const sorted = (map: Map<string, number>): Record<string, number> =>
    Object.fromEntries([...map.entries()].sort(([a], [b]) => compareStrings(a, b)));
  return { leitregionen: sorted(byRegion), postalCodes: sorted(byCode) };
}

export type PieceReconciliation = {
  readonly expected: number;
  readonly reported: number;
  /** Piece numbers never reported: the reprint list (R3.15). */
  readonly missing: readonly number[];
  /** Reported more than once. */
  readonly duplicates: readonly number[];
  /** Outside 1..N. */
  readonly unknown: readonly number[];
  /** Reported after a higher piece number (a sheet out of sequence in the line). */
  readonly outOfSequence: readonly number[];
};

/**
 * R3.15 reconciliation: compares the piece numbers an inserter reports (in processing order) with
 * the expected range 1..`expected`. Enveloped count = N and nothing missing means complete.
 */
export function reconcilePieces(expected: number, reported: Iterable<number>): PieceReconciliation {
  const seen = new Uint8Array(expected + 1);
  const duplicates = new Set<number>();
  const unknown: number[] = [];
  const outOfSequence: number[] = [];
  let count = 0;
  let highest = 0;
  for (const piece of reported) {
    count++;
    if (!Number.isInteger(piece) || piece < 1 || piece > expected) {
      unknown.push(piece);
      continue;
    }
    if (seen[piece]) duplicates.add(piece);
    else if (piece < highest) outOfSequence.push(piece);
    seen[piece] = 1;
    highest = Math.max(highest, piece);
  }
  const missing: number[] = [];
  for (let piece = 1; piece <= expected; piece++) if (!seen[piece]) missing.push(piece);
  return { expected, reported: count, missing, duplicates: [...duplicates].sort((a, b) => a - b), unknown, outOfSequence };
}
