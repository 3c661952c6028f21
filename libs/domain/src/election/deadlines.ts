import type { ElectionDeadlines, ElectionKind, IsoDate } from './election-definition.types';
import { nthDayBefore } from './iso-date';

export const DEADLINE_KEYS = [
  'rollCutoffDay',
  'cardDeadline',
  'inspectionStart',
  'inspectionEnd',
  'applicationDeadline',
  'rollClosingEarliest',
  'rollClosingLatest',
  'postalApplicationDeadline',
] as const satisfies readonly (keyof ElectionDeadlines)[];

/** German names of the deadlines, for messages and forms. */
export const DEADLINE_LABELS: Readonly<Record<keyof ElectionDeadlines, string>> = {
  rollCutoffDay: 'Stichtag Wählerverzeichnis',
  cardDeadline: 'Versand der Wahlbenachrichtigungen bis',
  inspectionStart: 'Beginn der Einsichtsfrist',
  inspectionEnd: 'Ende der Einsichtsfrist',
  applicationDeadline: 'Eintragung auf Antrag bis',
  rollClosingEarliest: 'Abschluss des Wählerverzeichnisses frühestens',
  rollClosingLatest: 'Abschluss des Wählerverzeichnisses spätestens',
  postalApplicationDeadline: 'Wahlscheinanträge bis (18 Uhr)',
};

/**
 * Day before the election of the Stichtag, per kind.
 * - R1.7: Bundestag/Europawahl day 42 (BWO § 16(1); EuWO has the same 42-day rule).
 * - R1.8: BW municipal elections day 35. [UNCERTAIN] KomWO § 3 for a stand-alone municipal election
 *   was not confirmed from the text; assumed day 35 like KomWO § 51d(3). Override per election if needed.
 * - landtag-bw: [UNCERTAIN] the Landtag Stichtag was not confirmed (DOMAIN.md § 10). Assumed day 35,
 *   following the BW municipal rule of the same state administration; override per election if the
 *   Landeswahlordnung says otherwise.
 */
const ROLL_CUTOFF_DAY: Readonly<Record<ElectionKind, number>> = {
  bundestag: 42,
  europawahl: 42,
  'landtag-bw': 35,
  'gemeinderat-bw': 35,
  'kreistag-bw': 35,
  'buergermeister-bw': 35,
};

/** The deadlines the law derives from kind and election day (R0.1: calendar days, election day = day 0). */
export function deriveDeadlines(kind: ElectionKind, electionDay: IsoDate): ElectionDeadlines {
  const day = (n: number): IsoDate => nthDayBefore(electionDay, n);
  return {
    rollCutoffDay: day(ROLL_CUTOFF_DAY[kind]),
    // R3.3: cards by the day before the roll is laid out for inspection (BWO § 19(1), KomWO § 4(1)).
    cardDeadline: day(21),
    // R1.18: inspection from the 20th to the 16th day (BWahlG § 17(1) S. 2, KomWG § 6(2)).
    inspectionStart: day(20),
    inspectionEnd: day(16),
    // R1.9: entry on application only, by the 21st day (BWO § 18(1), KomWO § 3b(1)).
    applicationDeadline: day(21),
    // R1.21: close the roll not before the 3rd day, at the latest on the day before (BWO § 24(1)).
    rollClosingEarliest: day(3),
    rollClosingLatest: day(1),
    // BWO § 27(4): Wahlschein applications until 18:00 on the second day before (Friday); assumed
    // the same for the BW kinds.
    postalApplicationDeadline: day(2),
  };
}

/** Derived deadlines with the election's own overrides applied (R0.1: deadlines are per-election configuration). */
export function resolveDeadlines(
  kind: ElectionKind,
  electionDay: IsoDate,
  overrides: Partial<ElectionDeadlines> | undefined,
): ElectionDeadlines {
  const derived = deriveDeadlines(kind, electionDay);
  if (!overrides) return derived;
  const resolved: Record<keyof ElectionDeadlines, IsoDate> = { ...derived };
  for (const key of DEADLINE_KEYS) {
    const value = overrides[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
