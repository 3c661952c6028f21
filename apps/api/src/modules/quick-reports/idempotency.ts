import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors/app-error';
import { canonicalJson } from '../audit/canonical-json';

// Idempotency-Key (per caller): the first successful response is stored in the same statement as
// the change (ReportsRepository.write), so a retry – even one racing the first request – gets that
// response and never changes anything twice. Failed requests store nothing; their retry is
// evaluated afresh.

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

/** The key was stored by a concurrent request in the meantime: roll back and answer with its response. */
export class IdempotencyRace extends Error {}

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
