import { isErrorCode, type ErrorCode } from '@wahl/contracts';
import type { ProblemBody, ProblemError } from './office-api.types';

/** A failed API call: the HTTP status (0 = no connection) and what the problem+json body said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | undefined,
    readonly code: string | undefined,
    /** Seconds until a retry makes sense (429 Retry-After). */
    readonly retryAfterSeconds: number | undefined,
    /** 422: what was wrong, each with its JSON path; plausibility findings also name rule, severity and fields. */
    readonly errors: readonly ProblemError[] = [],
  ) {
    super(detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The code if the error catalog knows it (a newer server may send codes this build does not know). */
  get knownCode(): ErrorCode | undefined {
    return isErrorCode(this.code) ? this.code : undefined;
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 § 10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

const isProblem = (body: unknown): body is ProblemBody => typeof body === 'object' && body !== null && !Array.isArray(body);

export function toApiError(status: number, body: unknown, retryAfter: string | null, now: Date): ApiError {
  const problem = isProblem(body) ? body : {};
  const detail = typeof problem.detail === 'string' && problem.detail.trim() ? problem.detail : undefined;
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  const errors = Array.isArray(problem.errors) ? problem.errors.filter((entry) => typeof entry === 'object' && entry !== null) : [];
  return new ApiError(status, detail, code, parseRetryAfter(retryAfter, now), errors);
}
