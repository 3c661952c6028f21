import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, type AppErrorCode } from './app-error';

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  VALIDATION_FAILED: HttpStatus.UNPROCESSABLE_ENTITY,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
};

const TITLES: Record<number, string> = {
  400: 'Ungültige Anfrage',
  401: 'Anmeldung erforderlich',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  409: 'Konflikt',
  413: 'Zu groß',
  422: 'Ungültige Daten',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
};

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  errors?: readonly unknown[];
  requestId?: string;
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
    if (exception instanceof AppError) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request & { id?: string }): Problem {
    const base = { instance: request.originalUrl ?? request.url, requestId: request.id ? String(request.id) : undefined };
    if (exception instanceof AppError) {
      const status = STATUS[exception.code];
      return {
        type: `about:blank#${exception.code.toLowerCase()}`,
        title: TITLES[status] ?? 'Fehler',
        status,
        detail: exception.message,
        code: exception.code,
        ...(exception.errors.length ? { errors: exception.errors } : {}),
        ...base,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        status === 404
          ? 'Diese Adresse gibt es nicht.'
          : typeof body === 'object' && body && 'message' in body
            ? String((body as { message: unknown }).message)
            : exception.message;
      return { type: 'about:blank', title: TITLES[status] ?? 'Fehler', status, detail, ...base };
    }
    return { type: 'about:blank', title: TITLES[500]!, status: 500, detail: 'Ein unerwarteter Fehler ist aufgetreten.', ...base };
  }
}
