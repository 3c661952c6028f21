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
//   ones: h of them, a handful among hundreds);
// - a new version of a key (area) adds only its difference to the key's previous version, which is
//   equivalent (the previous vector is in the span) and costs O(changed members), not O(members);
// - inserting a vector costs O(|v| + r·h) exact operations for r ≤ h rows; in RREF, e_p is in the
//   span exactly when some row is e_p, so the derivable set falls out of the insertion itself.
// Worst case (every district withheld) this is Gaussian elimination, O(n²) per insertion; measured
// figures for 300 and 10,000 districts are in docs/BENCHMARKS.md (`npm run bench:differencing`).

/** One logged change of a released figure set: its key's members gain `added` and lose `removed`. */
export type ReleaseEntry = { readonly key: string; readonly added: readonly string[]; readonly removed: readonly string[] };

type Row = Map<string, Fraction>;

const ONE: Fraction = { numerator: 1n, denominator: 1n };
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
    const next = minus(row.get(unit) ?? { numerator: 0n, denominator: 1n }, times(factor, value));
    if (isZero(next)) row.delete(unit);
    else row.set(unit, next);
  }
};

/** The linear span of released vectors, exact; see the paragraph above. */
class ReleaseSpan {
  constructor(
    private readonly rows: Map<string, Row> = new Map(),
    /** Districts whose unit vector lies in the span (beyond `inherited`). */
    private readonly derivable: Set<string> = new Set(),
    /** A trial copy reads its original's derivable districts instead of copying them. */
    private readonly inherited: ReadonlySet<string> = new Set(),
  ) {}

  isDerivable(unit: string): boolean {
    return this.derivable.has(unit) || this.inherited.has(unit);
  }

  /** Whether a row holds the district (then making it derivable may reveal others). */
  mentions(unit: string): boolean {
    for (const row of this.rows.values()) if (row.has(unit)) return true;
    return false;
  }

  /** A copy to try releases on; the original must not change while the copy is in use. */
  trial(): ReleaseSpan {
    return new ReleaseSpan(new Map([...this.rows].map(([pivot, row]) => [pivot, new Map(row)])), new Set(), this.derivable);
  }

  /** The vector with every derivable column and every row pivot eliminated (zero: in the span). */
  reduce(vector: ReadonlyMap<string, Fraction>): Row {
    const rest: Row = new Map();
    for (const [unit, value] of vector) if (!this.isDerivable(unit) && !isZero(value)) rest.set(unit, value);
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
    const pivot = [...rest.keys()].sort()[0];
    if (pivot === undefined) return [];
    const scale = rest.get(pivot)!;
    const row: Row = new Map([...rest].map(([unit, value]) => [unit, over(value, scale)]));
    for (const other of this.rows.values()) {
      const factor = other.get(pivot);
      if (factor) subtractScaled(other, factor, row);
    }
    this.rows.set(pivot, row);
    return this.settle();
  }

  // A row with one entry is a district's unit vector: it is derivable, and its column leaves every
  // other row, which may leave another row with one entry.
  private settle(): string[] {
    const found: string[] = [];
    let single = [...this.rows].find(([, row]) => row.size === 1);
    while (single) {
      const [unit] = single;
      this.rows.delete(unit);
      this.derivable.add(unit);
      found.push(unit);
      for (const row of this.rows.values()) row.delete(unit);
      single = [...this.rows].find(([, other]) => other.size === 1);
    }
    return found;
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
    // The common cases without a trial copy: a vector already in the span changes nothing; one that
    // reduces to a single district found in no row makes just that district derivable.
    const [only] = vectors;
    if (vectors.length === 1 && only) {
      const rest = [...this.span.reduce(only).keys()];
      if (rest.length === 0) return [];
      if (rest.length === 1 && !this.span.mentions(rest[0]!)) return rest.filter(isProtected);
    }
    const trial = this.span.trial();
    return vectors.flatMap((vector) => trial.insert(vector)).filter(isProtected);
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
