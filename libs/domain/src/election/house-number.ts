import type { HouseNumberParity, Street, StreetSegment } from './election-definition.types';

// House numbers and the street directory (R2.4, practice rather than statute).
//
// Accepted forms (surrounding and inner blanks ignored, letters case-insensitive):
//   `12`          plain number (1 … 99999; leading zeros dropped)
//   `12a`, `12 A` letter suffix, one or two letters (`12aa` is rare but exists)
//   `12/1`        Bruchnummer, common in Baden-Württemberg
//   `12-14`       a building with several numbers; it is assigned by its FIRST number (12), because
//                 the register keys the address by it. Segment bounds may not be ranges.
// Order: integer part, then suffix: none < letters (alphabetical) < Bruchnummern (numeric):
//   12 < 12a < 12b < 12/1 < 12/2 < 13.

export type HouseNumber = {
  readonly number: number;
  /** '' (none), lower-case letters, or `/n`. */
  readonly suffix: string;
};

export type ParsedHouseNumber = HouseNumber & {
  /** Last number of a range address like `12-14`; absent for single numbers. */
  readonly rangeEnd?: HouseNumber;
};

const SINGLE = String.raw`(\d{1,5})\s*(?:([a-zäöüß]{1,2})|/\s*(\d{1,3}))?`;
const SINGLE_RE = new RegExp(`^${SINGLE}$`, 'i');
const RANGE_RE = new RegExp(`^${SINGLE}\\s*[-–]\\s*${SINGLE}$`, 'i');

function build(digits: string, letters: string | undefined, fraction: string | undefined): HouseNumber | null {
  const number = Number(digits);
  if (number < 1) return null;
  if (letters) return { number, suffix: letters.toLowerCase() };
  if (fraction !== undefined) {
    const part = Number(fraction);
    return part < 1 ? null : { number, suffix: `/${part}` };
  }
  return { number, suffix: '' };
}

/** Parses a resident's house number; null when it is not one of the accepted forms. */
export function parseHouseNumber(text: string): ParsedHouseNumber | null {
  // Fast path for the common plain number (the roll builder parses one per resident).
  if (text.length > 0 && text.length <= 5) {
    let number = 0;
    let i = 0;
    for (; i < text.length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      number = number * 10 + digit;
    }
    if (i === text.length) return number >= 1 ? { number, suffix: '' } : null;
  }
  const trimmed = text.trim();
  const single = SINGLE_RE.exec(trimmed);
  if (single) return build(single[1]!, single[2], single[3]);
  const range = RANGE_RE.exec(trimmed);
  if (!range) return null;
  const first = build(range[1]!, range[2], range[3]);
  const last = build(range[4]!, range[5], range[6]);
  if (!first || !last || compareHouseNumbers(first, last) >= 0) return null;
  return { ...first, rangeEnd: last };
}

/** A single number (no range), as segment bounds need. */
export function parseSingleHouseNumber(text: string): HouseNumber | null {
  const parsed = parseHouseNumber(text);
  return parsed && parsed.rangeEnd === undefined ? parsed : null;
}

export function formatHouseNumber(houseNumber: HouseNumber): string {
  return `${houseNumber.number}${houseNumber.suffix}`;
}

function suffixRank(suffix: string): number {
  if (suffix === '') return 0;
  return suffix.startsWith('/') ? 2 : 1;
}

export function compareSuffixes(a: string, b: string): number {
  const rank = suffixRank(a) - suffixRank(b);
  if (rank !== 0) return rank;
  if (a.startsWith('/')) return Number(a.slice(1)) - Number(b.slice(1));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** R2.4: integer part first, then the suffix ("12" < "12a" < "12b" < "13"). */
export function compareHouseNumbers(a: HouseNumber, b: HouseNumber): number {
  return a.number !== b.number ? a.number - b.number : compareSuffixes(a.suffix, b.suffix);
}

export function matchesParity(number: number, parity: HouseNumberParity): boolean {
  return parity === 'all' || (number % 2 === 1) === (parity === 'odd');
}

/**
 * A segment with parsed bounds. `from` is inclusive. An upper bound without suffix covers every
 * suffix of that number (`to: "20"` includes 20a, 20/1); with a suffix it ends there (`to: "20b"`).
 * So "the integer part is in [from, to]" of R2.4 holds, and a suffix bound can split one number
 * (`1–12b` and `12c–20`). Consequence: `1–12` and `12a–20` overlap, and a bare 12 cannot be
 * separated from 12a.
 */
export type SegmentRange = {
  readonly from: HouseNumber;
  readonly to: HouseNumber;
  readonly parity: HouseNumberParity;
};

/** Is `houseNumber` at or below the upper bound `to`? */
export function isAtOrBelowUpper(houseNumber: HouseNumber, to: HouseNumber): boolean {
  if (houseNumber.number !== to.number) return houseNumber.number < to.number;
  return to.suffix === '' || compareSuffixes(houseNumber.suffix, to.suffix) <= 0;
}

/** Orders upper bounds; an open bound (`20`) lies above every suffixed one (`20z`). */
function compareUpperBounds(a: HouseNumber, b: HouseNumber): number {
  if (a.number !== b.number) return a.number - b.number;
  if (a.suffix === b.suffix) return 0;
  if (a.suffix === '') return 1;
  if (b.suffix === '') return -1;
  return compareSuffixes(a.suffix, b.suffix);
}

/** R2.4: a segment matches if the number lies in [from, to] and its integer part has the parity. */
export function segmentContains(segment: SegmentRange, houseNumber: HouseNumber): boolean {
  return (
    compareHouseNumbers(houseNumber, segment.from) >= 0 &&
    isAtOrBelowUpper(houseNumber, segment.to) &&
    matchesParity(houseNumber.number, segment.parity)
  );
}

/** Parses a segment's bounds; null when a bound is malformed or from lies above to. */
export function parseSegmentRange(segment: Pick<StreetSegment, 'from' | 'to' | 'parity'>): SegmentRange | null {
  const from = parseSingleHouseNumber(segment.from);
  const to = parseSingleHouseNumber(segment.to);
  if (!from || !to || !isAtOrBelowUpper(from, to)) return null;
  return { from, to, parity: segment.parity };
}

function combinedParity(a: HouseNumberParity, b: HouseNumberParity): HouseNumberParity | null {
  if (a === 'all') return b;
  if (b === 'all' || a === b) return a;
  return null;
}

/**
 * R2.4: two segments of one street overlap when their ranges intersect and some integer in the
 * intersection satisfies both parities. Symmetric by construction.
 */
export function segmentsOverlap(a: SegmentRange, b: SegmentRange): boolean {
  const parity = combinedParity(a.parity, b.parity);
  if (parity === null) return false;
  const lower = compareHouseNumbers(a.from, b.from) >= 0 ? a.from : b.from;
  const upper = compareUpperBounds(a.to, b.to) <= 0 ? a.to : b.to;
  // The larger lower bound is itself in both ranges exactly when the intersection is non-empty.
  if (!isAtOrBelowUpper(lower, upper)) return false;
  // Every integer from lower.number to upper.number has some house number in the intersection.
  if (parity === 'all') return true;
  const first = matchesParity(lower.number, parity) ? lower.number : lower.number + 1;
  return first <= upper.number;
}

// ---------------------------------------------------------------------------------------------
// Lookup: the roll builder asks once per resident, so each street is indexed once.

export type DistrictLookup =
  | { readonly kind: 'match'; readonly district: string }
  | { readonly kind: 'none'; readonly reason: 'unknown-street' | 'invalid-house-number' | 'no-segment' }
  | { readonly kind: 'ambiguous'; readonly districts: readonly string[] };

// For speed every house number becomes one integer that sorts like compareHouseNumbers:
// number × 10000 + suffix code (none 0, letters 31…990, `/n` 1000 + n; an open upper bound 9999).
const KEY_SCALE = 10_000;
const OPEN_UPPER = 9_999;
const LETTER_CODES = 'abcdefghijklmnopqrstuvwxyzßäöü'; // in code-unit order, as compareSuffixes sorts

function suffixCode(suffix: string): number {
  if (suffix === '') return 0;
  if (suffix.startsWith('/')) return 1000 + Number(suffix.slice(1));
  const first = LETTER_CODES.indexOf(suffix[0]!) + 1;
  const second = suffix.length > 1 ? LETTER_CODES.indexOf(suffix[1]!) + 1 : 0;
  return first * 31 + second;
}

/** An integer that orders like compareHouseNumbers. */
export function houseNumberKey(houseNumber: HouseNumber): number {
  return houseNumber.number * KEY_SCALE + suffixCode(houseNumber.suffix);
}

/** The key of the last house number an upper bound admits (see SegmentRange). */
export function upperBoundKey(to: HouseNumber): number {
  return to.number * KEY_SCALE + (to.suffix === '' ? OPEN_UPPER : suffixCode(to.suffix));
}

const PARITY_CODES = { all: 0, odd: 1, even: 2 } as const;

/** One street's segments in parallel typed arrays, sorted by lower bound. */
type StreetEntry = {
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** maxTo[i] = the highest upper bound among segments 0..i; lets the backward scan stop early. */
  readonly maxTo: Int32Array;
  readonly parity: Uint8Array;
  readonly district: readonly string[];
};

export type StreetIndex = {
  readonly find: (streetKey: string, houseNumber: string | HouseNumber) => DistrictLookup;
};

const NO_STREET: DistrictLookup = { kind: 'none', reason: 'unknown-street' };
const BAD_NUMBER: DistrictLookup = { kind: 'none', reason: 'invalid-house-number' };
const NO_SEGMENT: DistrictLookup = { kind: 'none', reason: 'no-segment' };

function indexStreet(street: Street): StreetEntry {
  const segments: { from: number; to: number; parity: number; district: string }[] = [];
  for (const segment of street.segments) {
    const range = parseSegmentRange(segment);
    // Malformed segments are reported by the definition validator; here they match nothing.
    if (range) {
      segments.push({
        from: houseNumberKey(range.from),
        to: upperBoundKey(range.to),
        parity: PARITY_CODES[range.parity],
        district: segment.district,
      });
    }
  }
  segments.sort((a, b) => a.from - b.from);
  const entry: StreetEntry = {
    from: Int32Array.from(segments, (g) => g.from),
    to: Int32Array.from(segments, (g) => g.to),
    maxTo: new Int32Array(segments.length),
    parity: Uint8Array.from(segments, (g) => g.parity),
    district: segments.map((g) => g.district),
  };
  segments.forEach((g, i) => (entry.maxTo[i] = i > 0 ? Math.max(entry.maxTo[i - 1]!, g.to) : g.to));
  return entry;
}

function lookupInStreet(entry: StreetEntry, houseNumber: HouseNumber): DistrictLookup {
  const { from, to, maxTo, parity, district } = entry;
  const key = houseNumberKey(houseNumber);
  const odd = houseNumber.number % 2 === 1 ? PARITY_CODES.odd : PARITY_CODES.even;
  // The last segment whose lower bound is at or below the house number.
  let low = 0;
  let high = from.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (from[mid]! <= key) low = mid + 1;
    else high = mid - 1;
  }
  let found: string | undefined;
  let more: Set<string> | undefined;
  for (let i = high; i >= 0 && key <= maxTo[i]!; i--) {
    if (key > to[i]! || (parity[i] !== PARITY_CODES.all && parity[i] !== odd)) continue;
    const d = district[i]!;
    if (found === undefined) found = d;
    else if (d !== found) (more ??= new Set([found])).add(d);
  }
  if (more) return { kind: 'ambiguous', districts: [...more].sort() };
  return found === undefined ? NO_SEGMENT : { kind: 'match', district: found };
}

/** Indexes the street directory once; `find` is then a map lookup plus a binary search. */
export function createStreetIndex(streets: readonly Street[]): StreetIndex {
  const byKey = new Map<string, StreetEntry>();
  for (const street of streets) byKey.set(street.key, indexStreet(street));
  return {
    find(streetKey, houseNumber) {
      const entry = byKey.get(streetKey);
      if (!entry) return NO_STREET;
      const parsed = typeof houseNumber === 'string' ? parseHouseNumber(houseNumber) : houseNumber;
      if (!parsed) return BAD_NUMBER;
      return lookupInStreet(entry, parsed);
    },
  };
}

const indexCache = new WeakMap<readonly Street[], StreetIndex>();

/**
 * R2.4: the polling district of an address. Repeated calls with the same `streets` array reuse one
 * index; callers holding the directory for a long run may also keep `createStreetIndex` themselves.
 */
export function findDistrict(streets: readonly Street[], streetKey: string, houseNumber: string | HouseNumber): DistrictLookup {
  let index = indexCache.get(streets);
  if (!index) {
    index = createStreetIndex(streets);
    indexCache.set(streets, index);
  }
  return index.find(streetKey, houseNumber);
}
