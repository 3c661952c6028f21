import { describe, expect, it } from 'vitest';
import type { PostalIssueOutcome } from '../api/postal.types';
import { allApplicationIds, ISSUE_CHUNK_SIZE, runIssue, type IssueRunProgress } from './issue-run';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `a${i}`);

/** An API stand-in: issues every id except those in `refuse`, records the chunks and batch ids sent. */
function fakeApi(refuse: ReadonlySet<string> = new Set()) {
  const calls: { ids: readonly string[]; batchId: string | null }[] = [];
  const issueChunk = async (chunk: readonly string[], batchId: string | null): Promise<PostalIssueOutcome> => {
    calls.push({ ids: chunk, batchId });
    return {
      batchId: batchId ?? 'run-1',
      issued: chunk.filter((id) => !refuse.has(id)).map((id) => ({ applicationId: id, reference: id, certificateId: id, number: id })),
      skipped: chunk.filter((id) => refuse.has(id)).map((id) => ({ applicationId: id, reference: id, reason: 'bereits erteilt' })),
    };
  };
  return { calls, issueChunk };
}

describe('runIssue', () => {
  it('should send 250 applications in chunks of 100, 100 and 50 under the first chunk batch', async () => {
    const api = fakeApi(new Set(['a5', 'a205']));
    const seen: IssueRunProgress[] = [];
    const result = await runIssue(
      ids(250),
      api.issueChunk,
      (p) => seen.push(p),
      () => false,
    );
    expect(ISSUE_CHUNK_SIZE).toBe(100);
    expect(api.calls.map((c) => [c.ids.length, c.batchId])).toEqual([
      [100, null],
      [100, 'run-1'],
      [50, 'run-1'],
    ]);
    expect(seen.map((p) => p.issued + p.skipped.length)).toEqual([0, 100, 200, 250]);
    expect(result).toMatchObject({ total: 250, issued: 248, batchId: 'run-1', cancelled: false });
    expect(result.skipped.map((s) => s.applicationId)).toEqual(['a5', 'a205']);
  });

  it('should stop after the current chunk when cancelled', async () => {
    const api = fakeApi();
    let stop = false;
    const result = await runIssue(
      ids(250),
      async (chunk, batchId) => {
        stop = true; // "Abbrechen" pressed while the first chunk is under way
        return api.issueChunk(chunk, batchId);
      },
      () => undefined,
      () => stop,
    );
    expect(api.calls).toHaveLength(1);
    expect(result).toMatchObject({ total: 250, issued: 100, cancelled: true, batchId: 'run-1' });
  });
});

describe('allApplicationIds', () => {
  it('should read page after page until the total is reached', async () => {
    const all = ids(2300);
    const offsets: number[] = [];
    const found = await allApplicationIds(async (offset) => {
      offsets.push(offset);
      return { items: all.slice(offset, offset + 1000).map((id) => ({ id })), total: all.length };
    });
    expect(offsets).toEqual([0, 1000, 2000]);
    expect(found).toEqual(all);
  });
});
