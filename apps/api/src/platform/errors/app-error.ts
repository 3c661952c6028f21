import { ERROR_CATALOG, type ErrorCode, type FieldError } from '@wahl/contracts';

export type { ErrorCode, FieldError };

/**
 * A failure a caller can act on, with a stable code from the contract's error catalog (each module
 * declares its codes in libs/contracts). Services throw these; the problem filter maps them to HTTP.
 * Without a detail the code's German text is the detail.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? ERROR_CATALOG[code].de);
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} wurde nicht gefunden.`);
