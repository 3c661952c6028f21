import type { Result } from '../result';

/** Key of a list (Wahlvorschlag, party, Land list …) as the caller names it. */
export type ListId = string;

export type SeatAllocationMethod = 'sainte-lague' | 'dhondt' | 'hare-niemeyer';

/** An exact non-negative fraction numerator/denominator (denominator > 0); never a float. */
export type Fraction = { readonly numerator: bigint; readonly denominator: bigint };

export type SeatAllocationInput = {
  readonly seats: number;
  /** Valid votes per list: non-negative safe integers. */
  readonly votes: Readonly<Record<ListId, number>>;
  /**
   * Share of the total valid votes (of all lists) a list needs to take part, e.g. 1/20 for 5 %.
   * A list exactly at the threshold qualifies ("mindestens", BWahlG § 4(2) Nr. 2).
   */
  readonly threshold?: Fraction;
  /**
   * A recorded drawing of lots for the tie at the last seat(s): the winners in draw order.
   * The first `seatsLeft` entries win; every entry must be one of the tied lists.
   */
  readonly lots?: readonly ListId[];
};

/** The last seat(s) cannot be allocated without drawing lots among exactly these lists. */
export type LotRequired = {
  /** The tied lists, sorted by id; each can win at most one of the open seats. */
  readonly lists: readonly ListId[];
  readonly seatsLeft: number;
};

export type SeatAllocation = {
  /** Seats per list, every input list present (0 included). With a lot required: only the certain seats. */
  readonly seats: Readonly<Record<ListId, number>>;
  readonly lotRequired: LotRequired | null;
};

export type SeatAllocationErrorCode =
  'INVALID_SEATS' | 'INVALID_VOTES' | 'INVALID_THRESHOLD' | 'INVALID_LOTS' | 'NO_VOTES' | 'INVALID_WAHLKREIS';

export type SeatAllocationError = {
  readonly code: SeatAllocationErrorCode;
  /** JSON path of the offending value in the input, e.g. `$.votes.A`. */
  readonly path: string;
  /** German, shown to users. */
  readonly message: string;
};

export type SeatAllocationResult = Result<SeatAllocation, readonly SeatAllocationError[]>;
