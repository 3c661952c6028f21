// Failures a caller can act on. Services throw these; the problem filter maps them to HTTP.
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE';

export type FieldError = {
  /** JSON path of the offending value, e.g. `$.districts[3].number`. */
  readonly path: string;
  readonly message: string;
  readonly code?: string;
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly errors: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} wurde nicht gefunden.`);
