import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import express, { type Request, type Response } from 'express';
import type { Observable } from 'rxjs';
import { AppError } from '../errors/app-error';

/** The JSON body limit of a route that does not set its own (issue 17, finding 4). */
export const DEFAULT_JSON_LIMIT = '1mb';

const BODY_LIMIT = 'wahl:json-body-limit';

/**
 * A larger JSON body limit for one route, e.g. an election definition or a scanned authority
 * (BWO § 27(3), up to 5 MB as base64). Every other route takes at most DEFAULT_JSON_LIMIT.
 */
export const BodyLimit = (limit: `${number}mb` | `${number}kb`): MethodDecorator => SetMetadata(BODY_LIMIT, limit);

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A request announces a body by its length or by chunked transfer (RFC 9112 6.3). */
const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

type Parser = (request: Request, response: Response, next: (error?: unknown) => void) => void;

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

/**
 * Parses a JSON body only for a route that declares one (`@Body()`), after the access guard has let
 * the caller in, with that route's limit (issue 17, finding 4). No body parser runs before
 * authentication or on a route without a body: an unknown route or an anonymous caller never makes
 * the process read a body into memory. Register uploads stream in their own controller.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  private readonly parsers = new Map<string, Parser>();

  constructor(private readonly reflector: Reflector) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (takesBody(context)) {
      if (hasBody(request) && !request.is(JSON_TYPES)) {
        response.setHeader('Connection', 'close');
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Bitte den Inhalt als JSON senden (Content-Type: application/json).');
      }
      const limit = this.reflector.get<string | undefined>(BODY_LIMIT, context.getHandler()) ?? DEFAULT_JSON_LIMIT;
      await this.parse(limit, request, response);
    }
    // A body the route does not take is not read: the connection closes after the answer. (A request
    // without a body keeps its connection: `complete` only turns true once a stream was read.)
    if (hasBody(request) && !request.complete) response.setHeader('Connection', 'close');
    return next.handle();
  }

  private parse(limit: string, request: Request, response: Response): Promise<void> {
    let parser = this.parsers.get(limit);
    if (!parser) {
      parser = express.json({ limit, type: JSON_TYPES }) as Parser;
      this.parsers.set(limit, parser);
    }
    const parse = parser;
    return new Promise((resolve, reject) => {
      parse(request, response, (error?: unknown) => (error ? reject(bodyError(error as BodyParserError, limit)) : resolve()));
    });
  }
}

// Per handler, computed once: the interceptor runs on every request.
const bodyRoutes = new WeakMap<Function, boolean>();

function takesBody(context: ExecutionContext): boolean {
  const handler = context.getHandler();
  let known = bodyRoutes.get(handler);
  if (known === undefined) {
    known = declaresBody(context);
    bodyRoutes.set(handler, known);
  }
  return known;
}

function declaresBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => Number(key.split(':')[0]) === RouteParamtypes.BODY);
}

/** The body parser's English errors as our German problems; a syntax error names its position. */
export function bodyError(error: BodyParserError, limit: string): AppError {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `Die Anfrage ist zu groß: höchstens ${limit.replace('mb', ' MB').replace('kb', ' KB')}.`);
    case 'entity.parse.failed': {
      const position = /position (\d+)/.exec(error.message)?.[1];
      const detail =
        position === undefined
          ? 'Der Inhalt der Anfrage ist kein gültiges JSON.'
          : `Der Inhalt der Anfrage ist kein gültiges JSON (Fehler bei Zeichen ${Number(position) + 1}).`;
      return new AppError('MALFORMED_JSON', detail, [{ path: '$', message: detail, code: 'malformed_json' }]);
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Bitte den Inhalt als UTF-8 senden.');
    default:
      return new AppError('BAD_REQUEST', 'Der Inhalt der Anfrage konnte nicht gelesen werden.');
  }
}
