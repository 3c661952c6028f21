// Without zod, so that the office app can import the labels.
export const LEGAL_HOLD_REASONS = ['wahlpruefung', 'strafverfahren'] as const;
export type LegalHoldReason = (typeof LEGAL_HOLD_REASONS)[number];

export const LEGAL_HOLD_REASON_LABELS: Readonly<Record<LegalHoldReason, string>> = {
  wahlpruefung: 'Wahlprüfung',
  strafverfahren: 'Strafverfahren',
};
