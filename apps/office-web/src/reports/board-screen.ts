import type { ReportActionResult, ReportComparison, ReportHistory, ReportVersion } from '../api/election-night.types';

// The board's district screen as plain decisions (four eyes, DOMAIN.md 4.2): which panel a board
// member sees for the district's state, who they are and what they chose. No DOM here, so it is unit-tested.

/** What the member chose on this screen: nothing yet, a blind second entry, approval, or a new entry after a mismatch. */
export type BoardMode = 'auto' | 'blind' | 'approve' | 'reenter';

export type BoardPanel =
  | { readonly kind: 'counted'; readonly counted: ReportVersion | null; readonly corrected: boolean }
  | { readonly kind: 'waiting'; readonly latest: ReportVersion | null }
  | { readonly kind: 'code'; readonly code: string | null; readonly confirmed: ReportVersion | null }
  | { readonly kind: 'choose'; readonly latest: ReportVersion }
  | { readonly kind: 'approve'; readonly latest: ReportVersion }
  | { readonly kind: 'flagged' }
  | { readonly kind: 'reenter' }
  | { readonly kind: 'entry'; readonly intro: 'rejected' | 'blind' | 'first' };

export function boardPanel(history: ReportHistory, userId: string, mode: BoardMode): BoardPanel {
  const latest = history.versions.find((version) => version.version === history.currentVersion) ?? null;
  const counted = history.versions.find((version) => version.version === history.countedVersion) ?? null;
  const mine = latest?.enteredBy.id === userId;
  const state = history.state;
  if (state === 'confirmed' || state === 'corrected') return { kind: 'counted', counted, corrected: state === 'corrected' };
  if (state === 'awaiting-code') {
    const confirmed = history.versions.find((version) => version.version === history.codeVersion) ?? null;
    return { kind: 'code', code: history.checkCode, confirmed };
  }
  if (state === 'entered' && mine && mode === 'auto') return { kind: 'waiting', latest };
  if (state === 'entered' && !mine && latest && mode === 'auto') return { kind: 'choose', latest };
  if (state === 'entered' && !mine && latest && mode === 'approve') return { kind: 'approve', latest };
  if (state === 'flagged') return mode === 'reenter' ? { kind: 'reenter' } : { kind: 'flagged' };
  // missing, rejected, the blind second entry, or one's own entry to be replaced.
  return { kind: 'entry', intro: state === 'rejected' ? 'rejected' : mode === 'blind' ? 'blind' : 'first' };
}

/** Of two differing entries, only the other person's may be approved by this member. */
export const approvableVersions = (comparison: Pick<ReportComparison, 'left' | 'right'>, userId: string): ReportVersion[] =>
  [comparison.left, comparison.right].filter((version) => version.enteredBy.id !== userId);

/** A waiting screen reloads once the district moved on (another state or a newer version). */
export const historyMoved = (
  before: Pick<ReportHistory, 'state' | 'currentVersion'>,
  after: Pick<ReportHistory, 'state' | 'currentVersion'>,
): boolean => after.state !== before.state || after.currentVersion !== before.currentVersion;

/** "Entered" and "flagged" are what the next panel says anyway; a confirmation names what matched. */
export const announcesOutcome = (result: Pick<ReportActionResult, 'state'>): boolean =>
  result.state === 'confirmed' || result.state === 'corrected';
