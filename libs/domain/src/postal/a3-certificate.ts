import { err, ok, type Result } from '../result';
import { applicantNameKey } from './applicant-match';

// A3 (DOMAIN.md 4.1): a person entitled to vote but not in the roll receives a Wahlschein on
// application only on one of the grounds of BWO § 25(2). Such certificates are kept apart from the
// others in the Wahlscheinverzeichnis (BWO § 28(5)), hence a number series of their own. Someone who
// is in the roll applies the ordinary way (BWO § 25(1)) and gets "W".

export const A3_REASONS = ['missed-without-fault', 'right-arose-later', 'objection-decided-late'] as const;
export type A3Reason = (typeof A3_REASONS)[number];

export const A3_REASON_LABELS: Readonly<Record<A3Reason, string>> = {
  // BWO § 25(2) Nr. 1
  'missed-without-fault': 'Antrags- oder Einspruchsfrist ohne eigenes Verschulden versäumt (BWO § 25 Abs. 2 Nr. 1)',
  // BWO § 25(2) Nr. 2
  'right-arose-later': 'Wahlrecht erst nach Ablauf der Antrags- oder Einspruchsfrist entstanden (BWO § 25 Abs. 2 Nr. 2)',
  // BWO § 25(2) Nr. 3
  'objection-decided-late':
    'Wahlrecht im Einspruchs- oder Beschwerdeverfahren festgestellt, der Gemeinde erst nach Abschluss des Wählerverzeichnisses bekannt (BWO § 25 Abs. 2 Nr. 3)',
};

export type A3Applicant = { readonly familyName: string; readonly givenNames: string; readonly birthDate: string };
export type A3RollCandidate = A3Applicant & { readonly voterNumber: number; readonly districtNumber: string };

export type A3Refusal = { readonly code: 'in-roll'; readonly message: string };

/**
 * A3 only for a person who is not in the roll: an entry with the same birth date, family name and
 * first given name (spelling-tolerant, as for applications) refuses it and names the entry.
 */
export function checkA3Applicant(applicant: A3Applicant, candidates: readonly A3RollCandidate[]): Result<true, A3Refusal> {
  const first = (names: string): string => applicantNameKey(names).split(' ')[0] ?? '';
  const entry = candidates.find(
    (c) =>
      c.birthDate === applicant.birthDate &&
      applicantNameKey(c.familyName) === applicantNameKey(applicant.familyName) &&
      first(c.givenNames) === first(applicant.givenNames),
  );
  if (!entry) return ok(true);
  return err({
    code: 'in-roll',
    message: `Die Person steht im Wählerverzeichnis (Wahlbezirk ${entry.districtNumber}, Nr. ${entry.voterNumber}); der Wahlschein wird auf dem gewöhnlichen Weg erteilt (BWO § 25 Abs. 1).`,
  });
}

/** The printed number of an A3 certificate: `<district>-A3-<running number within the election>`. */
export function formatA3CertificateNumber(districtNumber: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999) throw new RangeError(`A3 sequence out of range: ${sequence}`);
  return `${districtNumber}-A3-${String(sequence).padStart(4, '0')}`;
}
