import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

// The election-night audit log is a hash chain: entry n stores SHA-256(prevHash + canonical JSON of
// its content), where prevHash is entry n−1's hash (or GENESIS_HASH for the first). Changing an
// entry breaks its own hash; deleting one breaks the sequence and the next entry's link; deleting
// the newest ones is caught by the chain head, which records the last sequence number and hash.

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { readonly id: string | null; readonly name: string; readonly role: string };

/** What happened, as recorded (before it is placed in the chain). */
export type AuditEvent = {
  /** ISO timestamp with milliseconds. */
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly districtId: string | null;
  readonly version: number | null;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string | null;
};

export type ChainedAuditEntry = AuditEvent & {
  readonly electionId: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
};

export const hashAuditEntry = (electionId: string, seq: number, event: AuditEvent, prevHash: string): string =>
  createHash('sha256')
    .update(prevHash)
    .update(
      canonicalJson({
        electionId,
        seq,
        at: event.at,
        actor: event.actor,
        action: event.action,
        districtId: event.districtId,
        version: event.version,
        oldValue: event.oldValue ?? null,
        newValue: event.newValue ?? null,
        reason: event.reason,
      }),
    )
    .digest('hex');

/** Places events after the head (seq, hash) of an election's chain. */
export function chainEvents(electionId: string, head: { seq: number; hash: string }, events: readonly AuditEvent[]): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let { seq, hash } = head;
  for (const event of events) {
    seq += 1;
    const entryHash = hashAuditEntry(electionId, seq, event, hash);
    entries.push({ ...event, electionId, seq, prevHash: hash, hash: entryHash });
    hash = entryHash;
  }
  return entries;
}

export type ChainVerdict = {
  readonly valid: boolean;
  readonly entries: number;
  /** Sequence number of the first entry that was changed, removed or does not link to its predecessor. */
  readonly firstBrokenEntry?: number;
  readonly reason?: string;
};

/** Checks the entries (read in sequence order) against each other and against the recorded head. */
export function verifyChain(
  electionId: string,
  entries: readonly ChainedAuditEntry[],
  head: { seq: number; hash: string } | null,
): ChainVerdict {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  const broken = (seq: number, reason: string): ChainVerdict => ({ valid: false, entries: entries.length, firstBrokenEntry: seq, reason });
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return broken(expectedSeq, `Eintrag ${expectedSeq} fehlt.`);
    if (entry.prevHash !== previous) return broken(entry.seq, `Eintrag ${entry.seq} verweist nicht auf den vorigen Eintrag.`);
    if (hashAuditEntry(electionId, entry.seq, entry, entry.prevHash) !== entry.hash)
      return broken(entry.seq, `Eintrag ${entry.seq} wurde verändert.`);
    previous = entry.hash;
    expectedSeq += 1;
  }
  const last = entries.length;
  if (head === null) return last === 0 ? { valid: true, entries: 0 } : broken(1, 'Der Kettenkopf fehlt.');
  if (head.seq > last) return broken(last + 1, `Eintrag ${last + 1} fehlt.`);
  if (head.seq < last || head.hash !== previous)
    return broken(Math.min(head.seq + 1, last), 'Der Kettenkopf passt nicht zum letzten Eintrag.');
  return { valid: true, entries: last };
}
