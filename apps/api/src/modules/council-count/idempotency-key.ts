import { idempotencyKeySchema } from '@wahl/contracts';
import { AppError } from '../../platform/errors/app-error';

/** The `Idempotency-Key` header, required for every batch so that a retry is never counted twice. */
export function parseIdempotencyKey(value: unknown): string {
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Jeder Stapel braucht einen eigenen Kopf „Idempotency-Key“ (z. B. eine UUID), damit eine Wiederholung nicht doppelt zählt.',
      parsed.error.issues.map((issue) => ({ path: '$headers.idempotency-key', message: issue.message, code: issue.code })),
    );
  }
  return parsed.data;
}
