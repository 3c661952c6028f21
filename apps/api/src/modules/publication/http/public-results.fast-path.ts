import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PublisherService } from '../publisher/publisher.service';
import { sendCached } from './cached-response';

const SNAPSHOT =
  /^\/api\/public\/elections\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/areas\/([^/?#]{1,100}))?\/?(?:\?.*)?$/i;

/**
 * The hot path of election night: the snapshot and area JSON of an election this process already
 * holds, answered from its serialised bytes before the request reaches Express (router, request
 * log, guard, pipes) – a 304 then costs about as much as in a bare Node server. Everything else
 * (an election not loaded yet, an unknown id or area) goes on to PublicResultsController, which
 * declares the same public routes and answers alike.
 */
@Injectable()
export class PublicResultsFastPath {
  constructor(private readonly publisher: PublisherService) {}

  /** True if the request was answered. */
  readonly handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const match = SNAPSHOT.exec(request.url ?? '');
    if (!match) return false;
    const publication = this.publisher.peek(match[1]!.toLowerCase());
    let areaId: string | undefined;
    try {
      areaId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    } catch {
      return false;
    }
    if (!publication || (areaId !== undefined && !publication.hasArea(areaId))) return false;
    sendCached(request, response, publication.body(areaId));
    return true;
  };
}
