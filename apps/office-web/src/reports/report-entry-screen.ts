import type { ReportForm } from '../api/election-night.types';
import { draftHasInput, isOwnDraft, type ReportDraft, type WarningConfirmationDraft } from './report-draft';
import { findingPlacement, type EntryValues, type Finding, type LiveSum } from './report-entry';

// The entry screen's decisions as plain functions: which draft to start from, how a live sum reads,
// which warnings still lack a confirmation, what a failed submission means for the screen. The
// view (views/report-entry.view.ts) only renders what these return. No DOM here, so it is unit-tested.

export const REASON_MIN = 5;
export const CONFIRMATION_MIN = 3;

/** A draft with nothing typed yet: the prefill (e.g. the counted version of a correction) and a fresh key. */
export const emptyDraft = (owner: string, initialValues: EntryValues | undefined, idempotencyKey: string): ReportDraft => ({
  values: { ...(initialValues ?? {}) },
  idempotencyKey,
  confirmations: {},
  reason: '',
  savedAt: '',
  owner,
});

/**
 * The draft to continue: a stored draft of someone else is ignored (four eyes on a shared phone);
 * one's own keeps its key (a retry is answered from the server's record) and – if anything was typed –
 * its values over the prefill. `restored` is that draft, for the "draft restored" note.
 */
export function startDraft(
  found: ReportDraft | null,
  owner: string,
  initialValues: EntryValues | undefined,
  newKey: () => string,
): { readonly draft: ReportDraft; readonly restored: ReportDraft | null } {
  const stored = found && isOwnDraft(found, owner) ? found : null;
  const restored = stored && draftHasInput(stored) ? stored : null;
  return {
    draft: {
      values: { ...(initialValues ?? {}), ...(restored?.values ?? {}) },
      idempotencyKey: stored?.idempotencyKey ?? newKey(),
      confirmations: stored?.confirmations ?? {},
      reason: stored?.reason ?? '',
      savedAt: stored?.savedAt ?? '',
      owner,
    },
    restored,
  };
}

export type SumState = 'open' | 'ok' | 'off';

/** "D1 + D2 + D3", or "D1 … D9" for long lists; `ok`/`off` once the target is filled in, `open` before. */
export function sumLine(sum: LiveSum): { readonly parts: string; readonly state: SumState } {
  const parts = sum.parts.length > 3 ? `${sum.parts[0]} … ${sum.parts[sum.parts.length - 1]}` : sum.parts.join(' + ');
  return { parts, state: sum.matches === true ? 'ok' : sum.matches === false ? 'off' : 'open' };
}

/** Ids of the findings shown at `letter` (finding-<index>), for the input's aria-describedby. */
export const findingIdsFor = (form: ReportForm, findings: readonly Finding[], letter: string): string[] =>
  findings.flatMap((finding, index) => (findingPlacement(form, finding).fields.includes(letter) ? [`finding-${index}`] : []));

/**
 * Warning rules of the last answer: `confirmed` are ticked with a comment of at least
 * CONFIRMATION_MIN characters (sent along), `missing` are not yet.
 */
export function confirmationCheck(
  rules: readonly string[],
  confirmationOf: (rule: string) => WarningConfirmationDraft,
): { readonly missing: string[]; readonly confirmed: { readonly rule: string; readonly comment: string }[] } {
  const missing = rules.filter((rule) => !confirmationOf(rule).checked || confirmationOf(rule).comment.trim().length < CONFIRMATION_MIN);
  const confirmed = rules.filter((rule) => !missing.includes(rule)).map((rule) => ({ rule, comment: confirmationOf(rule).comment.trim() }));
  return { missing, confirmed };
}

/** What a failed submission means for the screen (status 0 = no connection). */
export type FailureKind = 'connection-lost' | 'findings' | 'key-reused' | 'message' | 'conflict';

export function failureKind(failure: {
  readonly status: number;
  readonly errors: readonly { readonly path?: string }[];
  readonly findings: readonly Finding[];
}): FailureKind {
  if (failure.status === 0) return 'connection-lost';
  if (failure.status === 422) {
    if (failure.findings.length > 0) return 'findings';
    // The key was used for other numbers (the first attempt arrived, then the numbers changed).
    return failure.errors.some((entry) => entry.path === 'header:Idempotency-Key') ? 'key-reused' : 'message';
  }
  return failure.status === 409 ? 'conflict' : 'message';
}
