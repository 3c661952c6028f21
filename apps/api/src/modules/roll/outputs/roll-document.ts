import type { RollEntryRow } from '../shared/roll.repository';

/** What a printed or exported district roll shows (R1.11, R1.13). */
export type DistrictRollDocument = {
  readonly electionName: string;
  readonly municipalityName: string;
  readonly districtNumber: string;
  readonly districtName: string;
  readonly cutoffDay: string;
  /** The roll's build time: the document's date, so that a re-print is byte-identical. */
  readonly builtAt: Date;
  readonly entries: readonly RollEntryRow[];
};

export const germanDay = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The voting-mark column (R1.13): "W" once a Wahlschein is issued (R1.15). */
export const votingMark = (entry: RollEntryRow): string => (entry.postal_vote_certificate ? 'W' : '');

/** Remarks (Bemerkungen) as printed: a removed entry says so first (R1.17). */
export function printedRemarks(entry: RollEntryRow): string {
  const parts: string[] = [];
  if (entry.status === 'removed') parts.push(entry.removal_reason === 'died' ? 'Gestrichen (verstorben).' : 'Gestrichen (weggezogen).');
  if (entry.postal_vote_certificate) parts.push(`Wahlschein Nr. ${entry.postal_vote_certificate}.`);
  if (entry.remarks) parts.push(entry.remarks);
  return parts.join(' ');
}
