import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ERROR_CATALOG, problemTypeUri, type ErrorCode, type Problem } from '@wahl/contracts';
import type { Request, Response } from 'express';
import { AppError } from './app-error';

const TITLES: Record<number, string> = {
  400: 'Ungültige Anfrage',
  401: 'Anmeldung erforderlich',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  409: 'Konflikt',
  413: 'Zu groß',
  415: 'Nicht unterstütztes Format',
  422: 'Ungültige Daten',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
  503: 'Nicht verfügbar',
};

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Renders every error as RFC 9457 application/problem+json; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // A refused request's body is never read (issue 17, finding 4): close the connection instead of draining it.
    if (!request.complete && !response.headersSent) response.setHeader('Connection', 'close');
    if (exception instanceof AppError) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request & { id?: string }): Problem {
    const base = { instance: request.originalUrl ?? request.url, requestId: request.id ? String(request.id) : undefined };
    if (exception instanceof AppError) {
      const status = exception.status;
      return {
        type: problemTypeUri(exception.code),
        title: TITLES[status] ?? 'Fehler',
        status,
        detail: exception.message,
        code: exception.code,
        ...(exception.errors.length ? { errors: exception.errors } : {}),
        ...base,
      };
    }
    if (exception instanceof HttpException) {
      // Framework errors (unknown route, body parser, pipes) answer with our German text by status:
      // an English library message never reaches a user.
      const status = exception.getStatus();
      const code = HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
      return { type: problemTypeUri(code), title: TITLES[status] ?? 'Fehler', status, detail: ERROR_CATALOG[code].de, code, ...base };
    }
    return {
      type: problemTypeUri('INTERNAL_ERROR'),
      title: TITLES[500]!,
      status: 500,
      detail: ERROR_CATALOG.INTERNAL_ERROR.de,
      code: 'INTERNAL_ERROR',
      ...base,
    };
  }
}
