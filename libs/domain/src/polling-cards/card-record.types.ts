import type { ElectionKind, IsoDate, PollingStation } from '../election/election-definition.types';

// The input of the polling-card print engine: one plain record per voter, independent of how the
// roll stores voters. Only what the card prints (R3.1 items 1–4, R3.2) and what the mailing order
// needs (R3.10) is in it; the date of birth is deliberately absent (R3.8: the voter adds it).

export type CardDistrict = {
  /** Number of the polling district (Wahlbezirk), e.g. `0101`. */
  readonly number: string;
  readonly name: string;
};

export type CardRecord = {
  /** Wählerverzeichnis-Nummer within the district (R1.14, BWO § 19(1) Nr. 4). */
  readonly voterNumber: number;
  readonly familyName: string;
  readonly givenNames: string;
  /**
   * The name lines of the address block as the roll prints them, e.g. `["Frau", "Dr. Erika
   * Mustermann"]` or `["Erika Mustermann"]` (R3.7). Empty lines are dropped when printing (R3.6).
   */
  readonly nameLines: readonly string[];
  /** Optional line between name and street (c/o, Gebäudeteil). */
  readonly addressSupplement?: string;
  readonly street: string;
  readonly houseNumber: string;
  /** Five-digit German postal code; its first two digits are the Leitregion (R3.10). */
  readonly postalCode: string;
  readonly town: string;
  readonly district: CardDistrict;
  /** The polling room of the district (R3.1 items 2, 3). */
  readonly pollingStation: PollingStation;
  /**
   * Link for the online Wahlschein application printed as QR code (R3.8): an opaque per-voter token
   * of at least 128 bits, never personal data. Generated and stored hashed by the cards job.
   */
  readonly applicationUrl: string;
  /** A replacement for a lost card: the card is marked "Ersatz". */
  readonly replacement?: boolean;
};

/** What is the same on every card of a print job. */
export type CardElection = {
  readonly kind: ElectionKind;
  /** e.g. `Wahl zum 22. Deutschen Bundestag` */
  readonly name: string;
  readonly electionDay: IsoDate;
  /** Last day for Wahlschein applications, 18:00 (BWO § 27(4)); printed in the instructions. */
  readonly postalApplicationDeadline: IsoDate;
};
