// In-process events of aggregation, emitted when the in-memory totals move.

/** The counted reports of an election changed (committed); the totals include it once applied. */
export class TotalsChanged {
  static readonly event = 'aggregation.totals-changed';
  constructor(readonly electionId: string) {}
}

/** Counted districts of the whole election after a report changed state (for the office screens). */
export class ProgressChanged {
  static readonly event = 'aggregation.progress-changed';
  constructor(
    readonly officeId: string,
    readonly electionId: string,
    readonly reported: number,
    readonly expected: number,
  ) {}
}
