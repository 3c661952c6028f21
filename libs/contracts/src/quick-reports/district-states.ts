// Constants of quick reports the web apps use at run time; no zod here (kept out of the bundles).

/**
 * The states of a district's quick report (DOMAIN.md 4.2), in dashboard order. `awaiting-code`: confirmed
 * by four eyes, but the election requires the second channel (R7.16) and the office has not yet entered
 * the board's check code; it does not count.
 */
export const DISTRICT_STATES = ['missing', 'entered', 'awaiting-code', 'confirmed', 'flagged', 'corrected', 'rejected'] as const;
export type DistrictState = (typeof DISTRICT_STATES)[number];

export const DISTRICT_KINDS = ['polling', 'postal'] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];

/** Office socket events of election night (namespace `/office`). */
export const ELECTION_NIGHT_EVENTS = {
  /** A district's report changed state: `DistrictStatusEvent`. */
  district: 'election-night:district',
  /** Counted districts of the whole election: `ProgressEvent`. */
  progress: 'election-night:progress',
} as const;
