// How far a district's result has come on its way from election night to the committee
// (DOMAIN.md R7.13–R7.15): the quick report (BWO § 71) gives a Zwischenergebnis, the board's signed
// Wahlniederschrift (§ 72, Anlage 29) the vorläufige result of the district, and once the office has
// checked the record for the committee (§ 76; BW: KomWO § 43) the district's figures are endgültig.

/** In order: each status implies the ones before it. */
export const RESULT_STATUSES = ['none', 'interim', 'provisional', 'final'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export type DistrictResultFacts = {
  /** The district's quick report counts (confirmed by a second person or corrected by the office). */
  readonly quickReportCounts: boolean;
  /** The board's record: signed by two different members present, checked by the office. */
  readonly record: { readonly signed: boolean; readonly checked: boolean } | null;
};

/** The status of one district's result. A record only counts once it is signed (four eyes). */
export function districtResultStatus(facts: DistrictResultFacts): ResultStatus {
  if (facts.record?.signed && facts.record.checked) return 'final';
  if (facts.record?.signed) return 'provisional';
  return facts.quickReportCounts ? 'interim' : 'none';
}

/**
 * The status of the whole election: only as far as its least advanced district (§ 71(6): the
 * result is vorläufig once every district has reported). While some district has no result at all
 * but others have, the published figures are a Zwischenergebnis.
 */
export function electionResultStatus(districts: readonly ResultStatus[]): ResultStatus {
  if (districts.length === 0 || districts.every((status) => status === 'none')) return 'none';
  const least = Math.min(...districts.map((status) => RESULT_STATUSES.indexOf(status)));
  return RESULT_STATUSES[Math.max(least, RESULT_STATUSES.indexOf('interim'))]!;
}
