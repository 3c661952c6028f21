import type { PostalIssueOutcome } from '../api/postal.types';

// Bulk issuing from the work queue: the selected or all open applications, sent in chunks. Each
// chunk is one transaction of the API; later chunks carry the first chunk's batchId, so the run
// prints as one PDF of certificates and one of labels. A run that stops (cancelled, page closed)
// leaves the rest open in the queue; a new run skips what was issued with its reason.

/** Applications per request: small enough for a steady progress bar (the API takes up to 1,000). */
export const ISSUE_CHUNK_SIZE = 100;

export type IssueRunProgress = {
  readonly total: number;
  readonly issued: number;
  readonly skipped: PostalIssueOutcome['skipped'];
  readonly batchId: string | null;
};

export type IssueRunResult = IssueRunProgress & { readonly cancelled: boolean };

/** Sends one chunk; `batchId` null for the first. */
export type IssueChunk = (applicationIds: readonly string[], batchId: string | null) => Promise<PostalIssueOutcome>;

/** Issues `applicationIds` chunk by chunk; `stopRequested` is asked before each further chunk. */
export async function runIssue(
  applicationIds: readonly string[],
  issueChunk: IssueChunk,
  onProgress: (progress: IssueRunProgress) => void,
  stopRequested: () => boolean,
): Promise<IssueRunResult> {
  let progress: IssueRunProgress = { total: applicationIds.length, issued: 0, skipped: [], batchId: null };
  onProgress(progress);
  for (let start = 0; start < applicationIds.length; start += ISSUE_CHUNK_SIZE) {
    if (stopRequested()) return { ...progress, cancelled: true };
    const outcome = await issueChunk(applicationIds.slice(start, start + ISSUE_CHUNK_SIZE), progress.batchId);
    progress = {
      total: progress.total,
      issued: progress.issued + outcome.issued.length,
      skipped: [...progress.skipped, ...outcome.skipped],
      batchId: progress.batchId ?? outcome.batchId,
    };
    onProgress(progress);
  }
  return { ...progress, cancelled: false };
}

/** The ids of all applications a filter matches, page by page (the API lists up to 1,000 at once). */
export async function allApplicationIds(
  loadPage: (offset: number) => Promise<{ readonly items: readonly { readonly id: string }[]; readonly total: number }>,
): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await loadPage(ids.length);
    ids.push(...page.items.map((item) => item.id));
    if (page.items.length === 0 || ids.length >= page.total) return ids;
  }
}
