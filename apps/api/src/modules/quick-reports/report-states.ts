import type { DistrictState } from '@wahl/contracts';

// Life of one district's quick report on election night (DOMAIN.md 4.2, telephone read-back):
// a report counts only when a second, different person confirms it – by approving the entered
// version or by entering the same numbers again blind. Pure decisions; the service stores them.
//
// "Different person" (issue #17): never the author, never another session of the author (a board
// member's principal is the member, identified by code and name with a PIN), never someone who
// issued access codes for the district (they could have entered as a board member), and never a
// board member whose code the author issued (the author could be signed in with it).

/** States whose counted version is in the totals. */
export const COUNTING_STATES: readonly DistrictState[] = ['confirmed', 'corrected'];

/** An entered version that waits for its second person. */
export type PendingVersion = {
  readonly version: number;
  /** Principal id of the person who entered it. */
  readonly by: string;
  /** Fingerprint of its numbers (blind double entry compares these). */
  readonly fingerprint: string;
  /** For a board member's entry: the user who issued the member's access code (absent in entries before issue #17). */
  readonly codeIssuedBy?: string | null;
};

/** Who acts, as far as four eyes are concerned (issue #17). */
export type ReportPerson = {
  /** Principal id: the user's, or the board member's (the same in every session of the member). */
  readonly id: string;
  /** For a board member: the user who issued the access code the member signed in with. */
  readonly codeIssuedBy: string | null;
  /** For an office user: whether they issued an access code for this district of the election. */
  readonly issuedCodesForDistrict: boolean;
};

export type DistrictReportState = {
  readonly state: DistrictState;
  /** Latest stored version, 0 before the first. */
  readonly currentVersion: number;
  /** Version in the totals, null if none. */
  readonly countedVersion: number | null;
  /**
   * Versions entered since the last confirmation or rejection, oldest first; in `awaiting-code` the one
   * confirmed version that waits for its check code.
   */
  readonly pending: readonly PendingVersion[];
  /** The election requires the second channel (R7.16): a confirmation waits for the office's check code. */
  readonly checkCodeRequired: boolean;
};

export type TransitionError =
  | { readonly kind: 'conflict'; readonly code: ReportConflict; readonly message: string }
  | { readonly kind: 'forbidden'; readonly code: FourEyesViolation; readonly message: string };

/** The stable error codes of a confirmation by someone who is not a second person (libs/contracts quick-reports.errors.ts). */
export type FourEyesViolation = 'FOUR_EYES_SAME_PERSON' | 'FOUR_EYES_CODE_ISSUER';

/** The stable error codes of refused transitions (libs/contracts quick-reports.errors.ts). */
export type ReportConflict =
  | 'REPORT_VERSION_CONFLICT'
  | 'REPORT_ALREADY_COUNTED'
  | 'REPORT_NOT_APPROVABLE'
  | 'REPORT_NOT_REJECTABLE'
  | 'REPORT_NOT_CORRECTABLE'
  | 'REPORT_NOT_AWAITING_CODE';

export type SubmissionOutcome =
  /** Waits for a second person. */
  | { readonly kind: 'entered'; readonly version: number }
  /** Blind double entry matched a version entered by someone else: counts from now on. */
  | { readonly kind: 'confirmed'; readonly version: number; readonly matched: number }
  /** Blind double entry differs from a version entered by someone else: both are shown side by side. */
  | { readonly kind: 'flagged'; readonly version: number; readonly comparedWith: number };

const conflict = (message: string, code: ReportConflict = 'REPORT_VERSION_CONFLICT'): TransitionError => ({
  kind: 'conflict',
  code,
  message,
});

export const versionConflictMessage = (current: DistrictReportState, expected: number): string =>
  current.currentVersion === 0
    ? `Für diesen Wahlbezirk liegt noch keine Meldung vor; erwartet war Version ${expected}. Bitte laden Sie den aktuellen Stand neu.`
    : `Die Meldung wurde inzwischen geändert: aktuell ist Version ${current.currentVersion} (${stateLabel(current.state)}), Ihre Eingabe bezog sich auf Version ${expected}. Bitte laden Sie den aktuellen Stand neu und prüfen Sie ihn.`;

export const stateLabel = (state: DistrictState): string =>
  ({
    missing: 'fehlt',
    entered: 'erfasst, Bestätigung ausstehend',
    'awaiting-code': 'bestätigt, Prüfcode ausstehend',
    confirmed: 'bestätigt',
    flagged: 'Abweichung',
    corrected: 'korrigiert',
    rejected: 'zurückgewiesen',
  })[state];

/** A board member's or clerk's entry of the whole report. */
export function decideSubmission(
  current: DistrictReportState,
  expectedVersion: number,
  by: ReportPerson,
  fingerprint: string,
): { ok: true; outcome: SubmissionOutcome } | { ok: false; error: TransitionError } {
  if (expectedVersion !== current.currentVersion) return { ok: false, error: conflict(versionConflictMessage(current, expectedVersion)) };
  if (COUNTING_STATES.includes(current.state) || current.state === 'awaiting-code') {
    return {
      ok: false,
      error: conflict(
        current.state === 'awaiting-code'
          ? `Die Meldung ist bereits bestätigt und wartet auf den Prüfcode (Version ${current.currentVersion}). Bitte lesen Sie dem Wahlamt den Prüfcode vor; eine neue Meldung ist erst nach einer Zurückweisung möglich.`
          : `Die Meldung ist bereits ${stateLabel(current.state)} (Version ${current.currentVersion}). Änderungen sind jetzt nur noch als Korrektur durch das Wahlamt möglich.`,
        'REPORT_ALREADY_COUNTED',
      ),
    };
  }
  const version = current.currentVersion + 1;
  // The latest pending version of someone else is what a blind second entry is compared with.
  // The author's own further entry waits for the second person like the first (it replaces nothing).
  const other = [...current.pending].reverse().find((pending) => pending.by !== by.id);
  if (!other) return { ok: true, outcome: { kind: 'entered', version } };
  if (other.fingerprint === fingerprint) {
    // A matching blind entry confirms: only a second person may do that (issue #17).
    const violation = fourEyesViolation(other, by);
    if (violation) return { ok: false, error: violation };
    return { ok: true, outcome: { kind: 'confirmed', version, matched: other.version } };
  }
  return { ok: true, outcome: { kind: 'flagged', version, comparedWith: other.version } };
}

/** A second person approves an entered version as it stands. */
export function decideApproval(
  current: DistrictReportState,
  version: number,
  by: ReportPerson,
): { ok: true } | { ok: false; error: TransitionError } {
  if (COUNTING_STATES.includes(current.state) && current.countedVersion === version) {
    return { ok: false, error: conflict(`Version ${version} ist bereits ${stateLabel(current.state)}.`, 'REPORT_ALREADY_COUNTED') };
  }
  const pending = current.pending.find((candidate) => candidate.version === version);
  if (!pending || !(current.state === 'entered' || current.state === 'flagged')) {
    return {
      ok: false,
      error: conflict(
        `Version ${version} kann nicht bestätigt werden: aktuell ist Version ${current.currentVersion} (${stateLabel(current.state)}). Bitte laden Sie den aktuellen Stand neu.`,
        'REPORT_NOT_APPROVABLE',
      ),
    };
  }
  const violation = fourEyesViolation(pending, by);
  return violation ? { ok: false, error: violation } : { ok: true };
}

/** Why `confirmer` may not confirm the version `author` entered, or null if they are a second person (issue #17). */
export function fourEyesViolation(author: Pick<PendingVersion, 'by' | 'codeIssuedBy'>, confirmer: ReportPerson): TransitionError | null {
  if (author.by === confirmer.id) {
    return {
      kind: 'forbidden',
      code: 'FOUR_EYES_SAME_PERSON',
      message:
        'Vier-Augen-Prinzip: Wer eine Meldung erfasst hat, kann sie nicht selbst bestätigen – auch nicht mit einer zweiten Anmeldung. ' +
        'Eine zweite Person des Wahlvorstands muss bestätigen oder die Zahlen erneut erfassen.',
    };
  }
  if (confirmer.codeIssuedBy !== null && confirmer.codeIssuedBy === author.by) {
    return {
      kind: 'forbidden',
      code: 'FOUR_EYES_CODE_ISSUER',
      message:
        'Vier-Augen-Prinzip: Sie sind mit einem Zugangscode angemeldet, den die Person erzeugt hat, die diese Meldung erfasst hat. ' +
        'Bestätigen muss ein anderes Mitglied des Wahlvorstands oder eine andere Person des Wahlamts.',
    };
  }
  if (confirmer.issuedCodesForDistrict || (author.codeIssuedBy != null && author.codeIssuedBy === confirmer.id)) {
    return {
      kind: 'forbidden',
      code: 'FOUR_EYES_CODE_ISSUER',
      message:
        'Vier-Augen-Prinzip: Wer Zugangscodes für diesen Wahlbezirk erzeugt hat, darf dessen Meldungen nicht bestätigen, ' +
        'denn er hätte sie selbst als Wahlvorstand erfassen können. Bestätigen muss eine andere Person.',
    };
  }
  return null;
}

/**
 * The version that waits for the board's check code (R7.16), or why there is none. `repeat`: the code
 * already made this version count and nothing newer came in – an entry retried after a lost answer,
 * which the right code answers as before.
 */
export function decideCheckCode(
  current: DistrictReportState,
): { ok: true; version: number; repeat: boolean } | { ok: false; error: TransitionError } {
  if (current.checkCodeRequired && current.state === 'confirmed' && current.countedVersion === current.currentVersion)
    return { ok: true, version: current.currentVersion, repeat: true };
  const waiting = current.pending[0];
  if (current.state !== 'awaiting-code' || !waiting) return { ok: false, error: notAwaitingCode(current.state) };
  return { ok: true, version: waiting.version, repeat: false };
}

/** Refusal of a check code when no confirmed version waits for one. */
export const notAwaitingCode = (state: DistrictState): TransitionError =>
  conflict(
    `Für diesen Wahlbezirk wartet keine bestätigte Meldung auf ihren Prüfcode (Stand: ${stateLabel(state)}).`,
    'REPORT_NOT_AWAITING_CODE',
  );

/** The office rejects the current version (it leaves the totals if it was counted). */
export function decideRejection(current: DistrictReportState, version: number): { ok: true } | { ok: false; error: TransitionError } {
  if (current.state === 'missing' || current.state === 'rejected') {
    return {
      ok: false,
      error: conflict(
        `Es gibt keine Meldung, die zurückgewiesen werden kann (Stand: ${stateLabel(current.state)}).`,
        'REPORT_NOT_REJECTABLE',
      ),
    };
  }
  if (version !== current.currentVersion) return { ok: false, error: conflict(versionConflictMessage(current, version)) };
  return { ok: true };
}

/** The office corrects a counted report: a new version that counts at once. */
export function decideCorrection(
  current: DistrictReportState,
  expectedVersion: number,
): { ok: true; version: number } | { ok: false; error: TransitionError } {
  if (expectedVersion !== current.currentVersion) return { ok: false, error: conflict(versionConflictMessage(current, expectedVersion)) };
  if (!COUNTING_STATES.includes(current.state)) {
    return {
      ok: false,
      error: conflict(
        `Korrigiert werden kann nur eine bestätigte Meldung (Stand: ${stateLabel(current.state)}). Eine unbestätigte Meldung wird neu erfasst oder zurückgewiesen.`,
        'REPORT_NOT_CORRECTABLE',
      ),
    };
  }
  return { ok: true, version: current.currentVersion + 1 };
}
