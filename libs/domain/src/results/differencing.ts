import { reducedFraction } from '../seat-allocation/exact-fraction';
import type { Fraction } from '../seat-allocation/seat-allocation.types';

// R8.7 (extends R8.5): no disclosure by differencing. Every released figure set – a district on its
// own, a merged pair, each version of an area total – is a 0/1 vector over the districts it sums. A
// reader can combine published figures linearly, so a district's own figures are derivable exactly
// when its unit vector lies in the linear span of everything released. This covers (a) complement
// (a total minus the districts published singly), (b) versions (a total before and after) and (c)
// every cross-combination of levels and versions.
//
// The span is kept incrementally in reduced row echelon form over exact rationals (bigint):
// - a district whose unit vector is in the span is *derivable*; its column is eliminated, so the
//   rows only ever hold districts that are not derivable (in practice the withheld and merged
//   ones: h of them, a small share of all districts);
// - a new version of a key (area) adds only its difference to the key's previous version, which is
//   equivalent (the previous vector is in the span) and costs O(changed members), not O(members);
// - a column index (district → pivots of the rows holding it) makes inserting a vector touch only
//   the rows it is reduced by and the rows holding its new pivot: O(|v| + the sizes of those rows)
//   exact operations instead of O(|v| + r·h) for r ≤ h rows;
// - in RREF, e_p is in the span exactly when some row is e_p, so the derivable set falls out of the
//   insertion: only the new row and the rows that changed can have become single, and the index
//   finds the rows that lose a newly derivable district's column;
// - a trial (`probe`) inserts into the span itself and then undoes its changes from a log, so it
//   costs what it changes, not a copy of every row.
// Worst case (every district withheld) this is Gaussian elimination, O(n²) per insertion; measured
// figures for 300 and 10,000 districts are in docs/BENCHMARKS.md (`npm run bench:differencing`).

/** One logged change of a released figure set: its key's members gain `added` and lose `removed`. */
export type ReleaseEntry = { readonly key: string; readonly added: readonly string[]; readonly removed: readonly string[] };

type Row = Map<string, Fraction>;

const ONE: Fraction = { numerator: 1n, denominator: 1n };
const ZERO: Fraction = { numerator: 0n, denominator: 1n };
const isZero = (value: Fraction): boolean => value.numerator === 0n;
const minus = (a: Fraction, b: Fraction): Fraction =>
  reducedFraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
const times = (a: Fraction, b: Fraction): Fraction => reducedFraction(a.numerator * b.numerator, a.denominator * b.denominator);
const over = (a: Fraction, b: Fraction): Fraction => {
  const sign = b.numerator < 0n ? -1n : 1n;
  return reducedFraction(sign * a.numerator * b.denominator, sign * a.denominator * b.numerator);
};

/** `row` −= `factor` × `source`, dropping zeros. */
const subtractScaled = (row: Row, factor: Fraction, source: Row): void => {
  for (const [unit, value] of source) {
    const next = minus(row.get(unit) ?? ZERO, times(factor, value));
    if (isZero(next)) row.delete(unit);
    else row.set(unit, next);
  }
};

const smallestKey = (row: Row): string | undefined => {
  let smallest: string | undefined;
  for (const unit of row.keys()) if (smallest === undefined || unit < smallest) smallest = unit;
  return smallest;
};

/** The linear span of released vectors, exact; see the paragraph above. */
export class ReleaseSpan {
  /** Rows by pivot: each holds its pivot with coefficient 1, and no other row holds that pivot. */
  private readonly rows = new Map<string, Row>();
  /** District → the pivots of the rows holding it (its own row's included); kept exact on every change. */
  private readonly columns = new Map<string, Set<string>>();
  /** Districts whose unit vector lies in the span; no row holds them. */
  private readonly derivable = new Set<string>();
  /** While probing: how to undo each change, in the order made. */
  private undo: (() => void)[] | null = null;

  isDerivable(unit: string): boolean {
    return this.derivable.has(unit);
  }

  /** Whether a row holds the district (then making it derivable may reveal others). */
  mentions(unit: string): boolean {
    return this.columns.has(unit);
  }

  /** The vector with every derivable column and every row pivot eliminated (zero: in the span). */
  reduce(vector: ReadonlyMap<string, Fraction>): Row {
    const rest: Row = new Map();
    for (const [unit, value] of vector) if (!this.isDerivable(unit) && !isZero(value)) rest.set(unit, value);
    // In RREF a row holds no other pivot, so the pivots to eliminate are among the keys taken here.
    for (const unit of [...rest.keys()]) {
      const row = this.rows.get(unit);
      const factor = rest.get(unit);
      if (row && factor) subtractScaled(rest, factor, row);
    }
    return rest;
  }

  /** Adds a vector; returns the districts that became derivable. */
  insert(vector: ReadonlyMap<string, Fraction>): string[] {
    const rest = this.reduce(vector);
    const pivot = smallestKey(rest);
    if (pivot === undefined) return [];
    const scale = rest.get(pivot)!;
    const row: Row = new Map([...rest].map(([unit, value]) => [unit, over(value, scale)]));
    const holders = [...(this.columns.get(pivot) ?? [])];
    for (const holder of holders) this.eliminate(holder, pivot, row);
    this.putRow(pivot, row);
    return this.settle([pivot, ...holders]);
  }

  /** The districts that inserting `vectors` in turn would make derivable; the span stays as it was. */
  probe(vectors: readonly ReadonlyMap<string, Fraction>[]): string[] {
    const undo: (() => void)[] = [];
    this.undo = undo;
    try {
      return vectors.flatMap((vector) => this.insert(vector));
    } finally {
      this.undo = null;
      for (let index = undo.length - 1; index >= 0; index -= 1) undo[index]!();
    }
  }

  /** Row `holder` −= its entry in column `pivot` × `source` (the new row of that pivot). */
  private eliminate(holder: string, pivot: string, source: Row): void {
    const row = this.rows.get(holder)!;
    const factor = row.get(pivot)!;
    for (const [unit, value] of source) this.setEntry(holder, row, unit, minus(row.get(unit) ?? ZERO, times(factor, value)));
  }

  // A row with one entry is a district's unit vector: it is derivable, and its column leaves every
  // other row, which may leave another row with one entry. Only `candidates` (rows that changed) and
  // rows losing such a column can have become single.
  private settle(candidates: string[]): string[] {
    const found: string[] = [];
    for (let pivot = candidates.pop(); pivot !== undefined; pivot = candidates.pop()) {
      if (this.rows.get(pivot)?.size !== 1) continue;
      this.dropRow(pivot);
      this.derivable.add(pivot);
      this.undo?.push(() => this.derivable.delete(pivot));
      found.push(pivot);
      for (const holder of [...(this.columns.get(pivot) ?? [])]) {
        const row = this.rows.get(holder)!;
        this.setEntry(holder, row, pivot, ZERO);
        if (row.size === 1) candidates.push(holder);
      }
    }
    return found;
  }

  /** Sets one entry of row `pivot` (zero removes it), keeping the column index exact. */
  private setEntry(pivot: string, row: Row, unit: string, value: Fraction): void {
    const previous = row.get(unit);
    if (isZero(value)) {
      if (!previous) return;
      row.delete(unit);
      this.unindex(unit, pivot);
    } else {
      row.set(unit, value);
      if (!previous) this.index(unit, pivot);
    }
    this.undo?.push(() => this.setEntry(pivot, row, unit, previous ?? ZERO));
  }

  private putRow(pivot: string, row: Row): void {
    this.rows.set(pivot, row);
    for (const unit of row.keys()) this.index(unit, pivot);
    this.undo?.push(() => this.dropRow(pivot));
  }

  private dropRow(pivot: string): void {
    const row = this.rows.get(pivot)!;
    this.rows.delete(pivot);
    for (const unit of row.keys()) this.unindex(unit, pivot);
    this.undo?.push(() => this.putRow(pivot, row));
  }

  private index(unit: string, pivot: string): void {
    const pivots = this.columns.get(unit);
    if (pivots) pivots.add(pivot);
    else this.columns.set(unit, new Set([pivot]));
  }

  private unindex(unit: string, pivot: string): void {
    const pivots = this.columns.get(unit)!;
    pivots.delete(pivot);
    if (pivots.size === 0) this.columns.delete(unit);
  }
}

const vectorOf = (added: Iterable<string>, removed: Iterable<string> = []): Map<string, Fraction> => {
  const vector = new Map<string, Fraction>();
  for (const unit of added) vector.set(unit, ONE);
  for (const unit of removed) vector.set(unit, { numerator: -1n, denominator: 1n });
  return vector;
};

/**
 * R8.7's publication log: every key's last released member set and the span of all releases.
 * Replayed from the stored entries after a restart (`replay`), so nothing released is forgotten.
 */
export class PublicationLog {
  private constructor(
    private readonly span: ReleaseSpan,
    private readonly released: Map<string, ReadonlySet<string>>,
  ) {}

  static empty(): PublicationLog {
    return new PublicationLog(new ReleaseSpan(), new Map());
  }

  /** The members of `key`'s last released figures; undefined if it was never released. */
  members(key: string): ReadonlySet<string> | undefined {
    return this.released.get(key);
  }

  isDerivable(unit: string): boolean {
    return this.span.isDerivable(unit);
  }

  /** Whether the sum over `members` can already be computed from what was released. */
  inSpan(members: Iterable<string>): boolean {
    const units = [...members];
    if (units.every((unit) => this.span.isDerivable(unit))) return true;
    return this.span.reduce(vectorOf(units)).size === 0;
  }

  /** The entry that releasing `members` under `key` would log; null if it releases nothing new. */
  change(key: string, members: Iterable<string>): ReleaseEntry | null {
    const next = new Set(members);
    const before = this.released.get(key) ?? new Set<string>();
    // The common case on election night – nothing new for this key – without sorting or copying.
    if (before.size === next.size && [...next].every((unit) => before.has(unit))) return null;
    const added = [...next].filter((unit) => !before.has(unit)).sort();
    const removed = [...before].filter((unit) => !next.has(unit)).sort();
    return added.length === 0 && removed.length === 0 ? null : { key, added, removed };
  }

  /** The protected districts that would become derivable if `entries` were released (nothing changes). */
  exposes(entries: readonly ReleaseEntry[], isProtected: (unit: string) => boolean): string[] {
    const vectors = entries.map((entry) => vectorOf(entry.added, entry.removed));
    // The common cases without a trial: a vector already in the span changes nothing; one that
    // reduces to a single district found in no row makes just that district derivable.
    const [only] = vectors;
    if (vectors.length === 1 && only) {
      const rest = [...this.span.reduce(only).keys()];
      if (rest.length === 0) return [];
      if (rest.length === 1 && !this.span.mentions(rest[0]!)) return rest.filter(isProtected);
    }
    return this.span.probe(vectors).filter(isProtected);
  }

  /** Records a release (a new entry, or a stored one on replay). */
  replay(entry: ReleaseEntry): void {
    const members = new Set(this.released.get(entry.key));
    for (const unit of entry.removed) members.delete(unit);
    for (const unit of entry.added) members.add(unit);
    this.released.set(entry.key, members);
    this.span.insert(vectorOf(entry.added, entry.removed));
  }
}

/** What an area total releases: its members, and the reported districts held back from it. */
export type AggregateRelease = { readonly members: readonly string[]; readonly heldBack: readonly string[] };

/**
 * R8.7 remedy "hold back" for one area total. `groups` are its reported districts as they enter a
 * sum together (a district, a merged pair). Tried in order, the first that exposes no protected
 * district is released:
 * 1. every group;
 * 2. without what its sub-areas hold back (`heldBelow`): the total is then the sum of figures
 *    released already, plus its districts outside any sub-area;
 * 3. without the groups new to this total whose sum is not already derivable – a withheld district
 *    waits until it can enter together with another district never published singly (then the
 *    increment is their sum, not one of them);
 * 4. only groups whose sum is already derivable – adds nothing to the span, always allowed (e.g.
 *    after a withdrawn report would reveal a withheld district by the total's drop).
 */
export const chooseAggregateRelease = (
  log: PublicationLog,
  key: string,
  groups: readonly (readonly string[])[],
  isProtected: (unit: string) => boolean,
  heldBelow: ReadonlySet<string> = new Set(),
): AggregateRelease => {
  const release = (included: (group: readonly string[]) => boolean): AggregateRelease => ({
    members: groups.filter(included).flat(),
    heldBack: groups.filter((group) => !included(group)).flat(),
  });
  const safe = (candidate: AggregateRelease): boolean => {
    const entry = log.change(key, candidate.members);
    return entry === null || log.exposes([entry], isProtected).length === 0;
  };
  const all = release(() => true);
  if (safe(all)) return all;
  const belowFree = release((group) => group.every((unit) => !heldBelow.has(unit)));
  if (heldBelow.size > 0 && safe(belowFree)) return belowFree;
  const previous = log.members(key) ?? new Set<string>();
  const known = new Set(groups.filter((group) => log.inSpan(group)));
  const waiting = release((group) => known.has(group) || group.every((unit) => previous.has(unit)));
  return safe(waiting) ? waiting : release((group) => known.has(group));
};
