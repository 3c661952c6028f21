import { createHash } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error';
import { canonicalJson } from '../audit/canonical-json';
import type { EntityManager } from 'typeorm';

// Idempotency-Key (per caller): the first successful response is stored in the same transaction as
// the change, so a retry – even one racing the first request – gets that response and never
// changes anything twice. Failed requests store nothing; their retry is evaluated afresh.

export type StoredResponse = { readonly requestHash: string; readonly status: number; readonly response: unknown };

const KEY = /^[\x21-\x7e]{1,200}$/;

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!KEY.test(header)) {
    throw new AppError('VALIDATION_FAILED', 'Der Idempotency-Key muss aus 1 bis 200 sichtbaren ASCII-Zeichen bestehen (z. B. eine UUID).', [
      { path: 'header:Idempotency-Key', message: 'ungültiger Schlüssel' },
    ]);
  }
  return header;
}

export const requestHash = (request: unknown): string => createHash('sha256').update(canonicalJson(request)).digest('hex');

export async function findStoredResponse(manager: EntityManager, actorId: string, key: string): Promise<StoredResponse | null> {
  const [row] = (await manager.query(`SELECT request_hash, status, response FROM election_night_idempotency WHERE actor_id = $1 AND key = $2`, [actorId, key])) as {
    request_hash: string;
    status: number;
    response: unknown;
  }[];
  return row ? { requestHash: row.request_hash, status: row.status, response: row.response } : null;
}

export class IdempotencyRace extends Error {}

/** Inside the transaction of the change; a concurrent first request with the same key wins. */
export async function storeResponse(
  manager: EntityManager,
  record: { actorId: string; key: string; electionId: string; requestHash: string; status: number; response: unknown },
): Promise<void> {
  const inserted = (await manager.query(
    `INSERT INTO election_night_idempotency (actor_id, key, election_id, request_hash, status, response)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT DO NOTHING RETURNING key`,
    [record.actorId, record.key, record.electionId, record.requestHash, record.status, JSON.stringify(record.response)],
  )) as unknown[];
  if (inserted.length === 0) throw new IdempotencyRace();
}

/** The stored response for a retry; the same key with a different request is refused. */
export function replay(stored: StoredResponse, hash: string): { status: number; body: unknown } {
  if (stored.requestHash !== hash) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Für eine neue Meldung ist ein neuer Schlüssel nötig.',
      [{ path: 'header:Idempotency-Key', message: 'bereits für eine andere Anfrage verwendet' }],
    );
  }
  return { status: stored.status, body: stored.response };
}
