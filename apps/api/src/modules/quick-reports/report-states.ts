import type { DistrictState } from '@wahl/contracts';

// Life of one district's quick report on election night (DOMAIN.md 4.2, telephone read-back):
// a report counts only when a second, different person confirms it – by approving the entered
// version or by entering the same numbers again blind. Pure decisions; the service stores them.

/** States whose counted version is in the totals. */
export const COUNTING_STATES: readonly DistrictState[] = ['confirmed', 'corrected'];

/** An entered version that waits for its second person. */
export type PendingVersion = {
  readonly version: number;
  /** Principal id of the person who entered it. */
  readonly by: string;
  /** Fingerprint of its numbers (blind double entry compares these). */
  readonly fingerprint: string;
};

export type DistrictReportState = {
  readonly state: DistrictState;
  /** Latest stored version, 0 before the first. */
  readonly currentVersion: number;
  /** Version in the totals, null if none. */
  readonly countedVersion: number | null;
  /** Versions entered since the last confirmation or rejection, oldest first. */
  readonly pending: readonly PendingVersion[];
};

export type TransitionError =
  | { readonly kind: 'conflict'; readonly code: ReportConflict; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string };

/** The stable error codes of refused transitions (libs/contracts quick-reports.errors.ts). */
export type ReportConflict =
  'REPORT_VERSION_CONFLICT' | 'REPORT_ALREADY_COUNTED' | 'REPORT_NOT_APPROVABLE' | 'REPORT_NOT_REJECTABLE' | 'REPORT_NOT_CORRECTABLE';

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
    confirmed: 'bestätigt',
    flagged: 'Abweichung',
    corrected: 'korrigiert',
    rejected: 'zurückgewiesen',
  })[state];

/** A board member's or clerk's entry of the whole report. */
export function decideSubmission(
  current: DistrictReportState,
  expectedVersion: number,
  by: string,
  fingerprint: string,
): { ok: true; outcome: SubmissionOutcome } | { ok: false; error: TransitionError } {
  if (expectedVersion !== current.currentVersion) return { ok: false, error: conflict(versionConflictMessage(current, expectedVersion)) };
  if (COUNTING_STATES.includes(current.state)) {
    return {
      ok: false,
      error: conflict(
        `Die Meldung ist bereits ${stateLabel(current.state)} (Version ${current.currentVersion}). Änderungen sind jetzt nur noch als Korrektur durch das Wahlamt möglich.`,
        'REPORT_ALREADY_COUNTED',
      ),
    };
  }
  const version = current.currentVersion + 1;
  // The latest pending version of someone else is what a blind second entry is compared with.
  const other = [...current.pending].reverse().find((pending) => pending.by !== by);
  if (!other) return { ok: true, outcome: { kind: 'entered', version } };
  if (other.fingerprint === fingerprint) return { ok: true, outcome: { kind: 'confirmed', version, matched: other.version } };
  return { ok: true, outcome: { kind: 'flagged', version, comparedWith: other.version } };
}

/** A second person approves an entered version as it stands. */
export function decideApproval(
  current: DistrictReportState,
  version: number,
  by: string,
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
  if (pending.by === by) {
    return {
      ok: false,
      error: {
        kind: 'forbidden',
        message:
          'Vier-Augen-Prinzip: Wer eine Meldung erfasst hat, kann sie nicht selbst bestätigen. Eine zweite Person muss bestätigen oder die Zahlen erneut erfassen.',
      },
    };
  }
  return { ok: true };
}

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
