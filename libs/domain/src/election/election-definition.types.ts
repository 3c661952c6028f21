// The JSON document that describes a whole election (import/export format, schemaVersion 1).
// Ids inside the document are the office's own stable keys (district numbers, list ids ...).

export const ELECTION_KINDS = ['bundestag', 'europawahl', 'landtag-bw', 'gemeinderat-bw', 'kreistag-bw', 'buergermeister-bw'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

/** ISO calendar date `YYYY-MM-DD`, no time zone: election law counts calendar days (R0.1). */
export type IsoDate = string;

export type PostalAddress = {
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
  readonly city: string;
};

/** Dates the law derives from the election day and kind (R0.1); each may be overridden per election. */
export type ElectionDeadlines = {
  /** Stichtag: residents registered on this day are entered ex officio (R1.7, R1.8). */
  readonly rollCutoffDay: IsoDate;
  /** Last day for delivering polling cards: the day before inspection starts (R3.3). */
  readonly cardDeadline: IsoDate;
  /** Inspection period (Einsicht), days 20 to 16 (R1.18). */
  readonly inspectionStart: IsoDate;
  readonly inspectionEnd: IsoDate;
  /** Entry on application only, by day 21 (R1.9). */
  readonly applicationDeadline: IsoDate;
  /** Earliest and latest day to close the roll: days 3 to 1 (R1.21). */
  readonly rollClosingEarliest: IsoDate;
  readonly rollClosingLatest: IsoDate;
  /** Postal-vote applications close on this day at 18:00 (BWO § 27(4)). */
  readonly postalApplicationDeadline: IsoDate;
};

export type Municipality = {
  /** Amtlicher Gemeindeschlüssel, 8 digits. */
  readonly ags: string;
  readonly name: string;
  readonly contact?: {
    readonly office: string;
    readonly address: PostalAddress;
    readonly phone?: string;
    readonly email?: string;
    readonly website?: string;
  };
};

export type Constituency = { readonly number: string; readonly name: string };

export type PollingStation = {
  readonly id: string;
  readonly name: string;
  readonly address: PostalAddress;
  /** e.g. `08:00–18:00` */
  readonly openingHours: string;
  readonly barrierFree: boolean;
  readonly barrierFreeNote?: string;
};

export const AREA_KINDS = ['stadtbezirk', 'stadtteil'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/**
 * An optional level between the municipality and its districts: a Stadtbezirk or a Stadtteil
 * (votemanager's "gebiet-ebene" columns). Areas form a tree below the municipality, which is the
 * implicit root: an area without `parent` lies directly in it. A district names the innermost area
 * it belongs to; results per area are the sums of their districts (public pages come later).
 */
export type Area = {
  /** Stable key within the election, e.g. the Stadtteil number or name of the source file. */
  readonly key: string;
  readonly name: string;
  readonly kind: AreaKind;
  /** Key of the enclosing area; absent: directly below the municipality. */
  readonly parent?: string;
};

/** Urnenwahlbezirk (polling) or Briefwahlbezirk (postal, R2.5: no eligible voters of its own). */
export type District =
  | {
      readonly number: string;
      readonly name: string;
      readonly kind: 'polling';
      /** Key of the innermost area the district lies in; absent: directly in the municipality. */
      readonly area?: string;
      readonly pollingStationId: string;
      /** The postal district whose ballots belong to this polling district (P10). */
      readonly postalDistrict?: string;
      /** Inhabitants, for the R2.1 size warning. */
      readonly inhabitants?: number;
    }
  | {
      readonly number: string;
      readonly name: string;
      readonly kind: 'postal';
      readonly area?: string;
    };

export type Candidate = {
  readonly position: number;
  readonly familyName: string;
  readonly givenNames: string;
  readonly title?: string;
  readonly occupation?: string;
  readonly birthYear?: number;
  readonly residence?: string;
};

export type ContestList = {
  /** Stable id within the election, e.g. `spd`; keys previous results too. */
  readonly id: string;
  readonly ballotPosition: number;
  readonly shortName: string;
  readonly name: string;
  /** `#rrggbb` */
  readonly color: string;
  readonly candidates: readonly Candidate[];
};

/**
 * A ballot. `votesPerBallot` 1 for Erst-/Zweitstimme; for a BW council ballot it equals the seats
 * with up to 3 votes per candidate (R5.1, R5.2).
 */
export type Contest = {
  readonly id: string;
  readonly name: string;
  /** `candidate`: one candidate per list (Erststimme, mayor); `list`: votes for a list (Zweitstimme); `council`: cumulative/split voting. */
  readonly ballotType: 'candidate' | 'list' | 'council';
  readonly votesPerBallot: number;
  readonly maxVotesPerCandidate: number;
  readonly seats?: number;
  readonly lists: readonly ContestList[];
};

export type HouseNumberParity = 'all' | 'odd' | 'even';

/** A house-number range of one street mapped to a polling district (R2.4). `from`/`to` like `12` or `12a`. */
export type StreetSegment = {
  readonly from: string;
  readonly to: string;
  readonly parity: HouseNumberParity;
  readonly district: string;
};

export type Street = {
  /** Straßenschlüssel of the resident register. */
  readonly key: string;
  readonly name: string;
  readonly postalCode: string;
  readonly segments: readonly StreetSegment[];
};

/** The previous election's result for one area and contest, for comparisons. */
export type PreviousAreaResult = {
  /** A district number of this election, or `municipality` for the whole. */
  readonly area: string;
  readonly contest: string;
  readonly eligible?: number;
  readonly voters?: number;
  readonly invalid: number;
  readonly valid: number;
  /** Votes per list id; lists that no longer run keep their own key. */
  readonly votes: Readonly<Record<string, number>>;
};

export type PreviousElection = {
  readonly name: string;
  readonly electionDay: IsoDate;
  readonly results: readonly PreviousAreaResult[];
};

export type ElectionDefinition = {
  readonly schemaVersion: 1;
  readonly kind: ElectionKind;
  readonly name: string;
  readonly electionDay: IsoDate;
  /** Overrides of the derived deadlines; absent keys are derived from kind and day. */
  readonly deadlines?: Partial<ElectionDeadlines>;
  readonly municipality: Municipality;
  readonly constituency?: Constituency;
  /** Intermediate areas (optional level); absent or empty: the districts lie directly in the municipality. */
  readonly areas?: readonly Area[];
  readonly pollingStations: readonly PollingStation[];
  readonly districts: readonly District[];
  readonly contests: readonly Contest[];
  readonly streets: readonly Street[];
  readonly previousElection?: PreviousElection;
};
