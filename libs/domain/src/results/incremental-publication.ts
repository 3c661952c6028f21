import {
  DEFAULT_PUBLICATION_THRESHOLDS,
  isLarge,
  type PublicationDecision,
  type PublicationDistrict,
  type PublicationThresholds,
} from './publication';

// Issue 16: R8.5's decisions (decidePublication) kept from one publication to the next, re-decided
// only near a change. decidePublication walks the districts in publication order; a small district
// that is not merged yet takes its recorded partner or the nearest district that fits. Each such
// step is remembered with what it examined (the recorded partner, a range of neighbours). After a
// change only the steps that examined a changed district, or a district whose merge moved, are
// replayed, in order; a step whose examined districts still fit as before keeps its outcome. The
// result equals decidePublication on the same input (incremental-publication.spec.ts).

/** What decidePublication reads, read again for the districts named in `update`. */
export type PublicationInputs = {
  /** A and B of the district's counted report; undefined: not reported. */
  readonly report: (districtId: string) => { readonly A: number | null; readonly B: number } | undefined;
  /** Districts whose own result has been public: never a partner. */
  readonly published: ReadonlySet<string>;
  /** The partner the district is tried with first (a recorded pair). */
  readonly mergePartner: (districtId: string) => string | undefined;
};

const NONE = -1;
const UNREPORTED = 0;
const LARGE = 1;
const SMALL = 2;
/** Steps that examined more neighbours than this on either side are checked one by one. */
const NEAR = 64;

export class IncrementalPublication {
  /** The decisions, in publication order; changed in place by `update`. */
  readonly decisions: Record<string, PublicationDecision> = {};
  private readonly index: ReadonlyMap<string, number>;
  private readonly thresholds: PublicationThresholds;
  private readonly size: Uint8Array;
  private readonly voters: Float64Array;
  private readonly eligible: Float64Array;
  /** The step at which the district was merged (NONE: not merged) and with whom. */
  private readonly mergedAt: Int32Array;
  private readonly partner: Int32Array;
  /** Per step (a small district's turn): whether it searched, whom it took, what it examined. */
  private readonly searched: Uint8Array;
  private readonly chose: Int32Array;
  private readonly preferred: Int32Array;
  private readonly low: Int32Array;
  private readonly high: Int32Array;
  private readonly wide = new Set<number>();
  private readonly preferredBy = new Map<number, Set<number>>();

  constructor(
    private readonly districts: readonly PublicationDistrict[],
    private readonly inputs: PublicationInputs,
    thresholds: Partial<PublicationThresholds> = {},
  ) {
    const n = districts.length;
    this.index = new Map(districts.map((district, position) => [district.id, position]));
    this.thresholds = { ...DEFAULT_PUBLICATION_THRESHOLDS, ...thresholds };
    this.size = new Uint8Array(n);
    this.voters = new Float64Array(n);
    this.eligible = new Float64Array(n);
    this.mergedAt = new Int32Array(n).fill(NONE);
    this.partner = new Int32Array(n).fill(NONE);
    this.searched = new Uint8Array(n);
    this.chose = new Int32Array(n).fill(NONE);
    this.preferred = new Int32Array(n).fill(NONE);
    this.low = new Int32Array(n);
    this.high = new Int32Array(n).fill(NONE);
    for (let at = 0; at < n; at++) this.read(at);
    for (let at = 0; at < n; at++) this.step(at);
    for (let at = 0; at < n; at++) this.decisions[districts[at]!.id] = this.decisionOf(at);
  }

  /** Re-decides after the inputs of `changed` moved; returns the districts whose decision changed. */
  update(changed: Iterable<string>): string[] {
    const queue = new StepQueue();
    const moved = new Set<number>();
    for (const id of changed) {
      const at = this.index.get(id);
      if (at === undefined) continue;
      this.read(at);
      moved.add(at);
      queue.self(at);
      this.touchWatchers(queue, at, NONE);
    }
    for (let at = queue.next(); at !== undefined; at = queue.next()) {
      if (!queue.isSelf(at) && !this.changesAt(at, queue.touched(at))) continue;
      const before = this.chose[at]!;
      this.forget(at);
      this.step(at);
      const after = this.chose[at]!;
      if (after === before) continue;
      for (const member of [at, before, after]) {
        if (member === NONE) continue;
        moved.add(member);
        if (member > at) queue.self(member);
        this.touchWatchers(queue, member, at);
      }
    }
    const decided: string[] = [];
    for (const at of moved) {
      const id = this.districts[at]!.id;
      const decision = this.decisionOf(at);
      if (sameDecision(this.decisions[id], decision)) continue;
      this.decisions[id] = decision;
      decided.push(id);
    }
    return decided;
  }

  isReported(districtId: string): boolean {
    const at = this.index.get(districtId);
    return at !== undefined && this.size[at] !== UNREPORTED;
  }

  /** Whether the district meets the R8.5 thresholds on its own. */
  isLarge(districtId: string): boolean {
    const at = this.index.get(districtId);
    return at !== undefined && this.size[at] === LARGE;
  }

  private read(at: number): void {
    const district = this.districts[at]!;
    const report = this.inputs.report(district.id);
    this.voters[at] = report?.B ?? 0;
    this.eligible[at] = report?.A ?? 0;
    const own = { voters: this.voters[at]!, eligible: this.eligible[at]! };
    this.size[at] = !report ? UNREPORTED : isLarge(district.kind, own, this.thresholds) ? LARGE : SMALL;
  }

  private decisionOf(at: number): PublicationDecision {
    const partner = this.partner[at]!;
    if (partner !== NONE) return { decision: 'merge-with', districtId: this.districts[partner]!.id };
    const size = this.size[at];
    if (size === UNREPORTED) return { decision: 'withhold', reason: 'not-reported' };
    return size === LARGE ? { decision: 'publish' } : { decision: 'withhold', reason: 'below-threshold' };
  }

  private mergedBefore(at: number, step: number): boolean {
    const mergedAt = this.mergedAt[at]!;
    return mergedAt !== NONE && mergedAt < step;
  }

  // decidePublication's `fits` for the district of step `step`.
  private fits(step: number, candidate: number): boolean {
    if (candidate === step || this.mergedBefore(candidate, step) || this.size[candidate] === UNREPORTED) return false;
    const own = this.districts[step]!;
    const other = this.districts[candidate]!;
    if (this.inputs.published.has(other.id) || other.kind !== own.kind) return false;
    const sum = { voters: this.voters[step]! + this.voters[candidate]!, eligible: this.eligible[step]! + this.eligible[candidate]! };
    return isLarge(own.kind, sum, this.thresholds);
  }

  private fitsAsNeighbour(step: number, candidate: number): boolean {
    return this.districts[candidate]!.parent === this.districts[step]!.parent && this.fits(step, candidate);
  }

  // Whether step `at` may decide otherwise: a district it examined now fits where it did not, or
  // its choice no longer fits (only the `touched` ones can have changed).
  private changesAt(at: number, touched: ReadonlySet<number>): boolean {
    if (!this.searched[at]) return false;
    const chose = this.chose[at]!;
    for (const candidate of touched) {
      const asPreferred = candidate === this.preferred[at] && this.fits(at, candidate);
      if ((asPreferred || this.fitsAsNeighbour(at, candidate)) !== (candidate === chose)) return true;
    }
    return false;
  }

  // The step of district `at` in decidePublication's walk, remembering what it examined.
  private step(at: number): void {
    if (this.size[at] !== SMALL || this.mergedBefore(at, at)) return;
    const n = this.districts.length;
    const preferredId = this.inputs.mergePartner(this.districts[at]!.id);
    const preferred = preferredId === undefined ? NONE : (this.index.get(preferredId) ?? NONE);
    let chose = NONE;
    let low = at + 1;
    let high = at;
    if (preferred !== NONE && this.fits(at, preferred)) chose = preferred;
    else {
      for (let distance = 1; distance < n && chose === NONE; distance += 1) {
        const after = at + distance;
        const before = at - distance;
        if (after < n) high = after;
        if (after < n && this.fitsAsNeighbour(at, after)) chose = after;
        else if (before >= 0) {
          low = before;
          if (this.fitsAsNeighbour(at, before)) chose = before;
        }
        if (after >= n && before < 0) break;
      }
    }
    this.searched[at] = 1;
    this.chose[at] = chose;
    this.preferred[at] = preferred;
    this.low[at] = low;
    this.high[at] = high;
    if (high - low > 2 * NEAR) this.wide.add(at);
    if (preferred !== NONE) (this.preferredBy.get(preferred) ?? this.preferredBy.set(preferred, new Set()).get(preferred)!).add(at);
    if (chose === NONE) return;
    for (const [member, other] of [
      [at, chose],
      [chose, at],
    ] as const) {
      this.mergedAt[member] = at;
      this.partner[member] = other;
    }
  }

  // Undoes step `at`: what it examined, and its merge where no earlier step has taken a member since.
  private forget(at: number): void {
    if (!this.searched[at]) return;
    const chose = this.chose[at]!;
    for (const member of [at, chose]) {
      if (member !== NONE && this.mergedAt[member] === at) {
        this.mergedAt[member] = NONE;
        this.partner[member] = NONE;
      }
    }
    this.preferredBy.get(this.preferred[at]!)?.delete(at);
    this.wide.delete(at);
    this.searched[at] = 0;
    this.chose[at] = NONE;
    this.preferred[at] = NONE;
  }

  // The steps after `after` that examined `at`.
  private touchWatchers(queue: StepQueue, at: number, after: number): void {
    const examined = (step: number) => step > after && this.searched[step] && this.low[step]! <= at && at <= this.high[step]!;
    const last = Math.min(this.districts.length - 1, at + NEAR);
    for (let step = Math.max(0, at - NEAR); step <= last; step++) if (examined(step)) queue.touch(step, at);
    for (const step of this.wide) if (examined(step)) queue.touch(step, at);
    for (const step of this.preferredBy.get(at) ?? []) if (step > after) queue.touch(step, at);
  }
}

const sameDecision = (a: PublicationDecision | undefined, b: PublicationDecision): boolean =>
  a?.decision === b.decision &&
  (a.decision !== 'merge-with' || (b.decision === 'merge-with' && a.districtId === b.districtId)) &&
  (a.decision !== 'withhold' || (b.decision === 'withhold' && a.reason === b.reason));

/** The steps to look at again, smallest first: those to replay (`self`) and those with examined districts that moved. */
class StepQueue {
  private readonly heap: number[] = [];
  private readonly touches = new Map<number, Set<number>>();
  private readonly selves = new Set<number>();

  self(step: number): void {
    if (!this.touches.has(step)) this.push(step);
    this.selves.add(step);
  }

  touch(step: number, district: number): void {
    if (!this.touches.has(step)) this.push(step);
    this.touches.get(step)!.add(district);
  }

  isSelf(step: number): boolean {
    return this.selves.has(step);
  }

  touched(step: number): ReadonlySet<number> {
    return this.touches.get(step)!;
  }

  next(): number | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last !== undefined) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private push(step: number): void {
    this.touches.set(step, new Set());
    this.heap.push(step);
    for (let at = this.heap.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if (this.heap[parent]! <= this.heap[at]!) break;
      [this.heap[parent], this.heap[at]] = [this.heap[at]!, this.heap[parent]!];
      at = parent;
    }
  }

  private down(from: number): void {
    const heap = this.heap;
    for (let at = from; ;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < heap.length && heap[left]! < heap[least]!) least = left;
      if (right < heap.length && heap[right]! < heap[least]!) least = right;
      if (least === at) return;
      [heap[least], heap[at]] = [heap[at]!, heap[least]!];
      at = least;
    }
  }
}
