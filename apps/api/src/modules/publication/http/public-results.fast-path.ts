import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PublisherService } from '../publisher/publisher.service';
import { RecentVersions, snapshotAddress } from '../publisher/recent-versions';
import { CURRENT_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, sendCached } from './cached-response';
import { currentPointer } from './public-versions';

// `…/<id>/current`, or `…/<id>[/v/<version>][/areas/<areaId>]`.
const ROUTE =
  /^\/api\/public\/elections\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:(\/current)|(?:\/v\/(\d{1,15}))?(?:\/areas\/([^/?#]{1,100}))?)\/?(?:\?.*)?$/i;

const decoded = (text: string | undefined): string | undefined | null => {
  try {
    return text === undefined ? undefined : decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * The hot path of election night: the current pointer, snapshot and area JSON (plain or at a version)
 * of an election this process already holds, answered from its serialised bytes before the request
 * reaches Express (router, request log, guard, pipes) – a 304 then costs about as much as in a bare
 * Node server. Everything else (an election not loaded yet, an unknown id, area or version) goes on
 * to PublicResultsController, which declares the same public routes and answers alike.
 */
@Injectable()
export class PublicResultsFastPath {
  constructor(
    private readonly publisher: PublisherService,
    private readonly recent: RecentVersions,
  ) {}

  /** True if the request was answered. */
  readonly handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const match = ROUTE.exec(request.url ?? '');
    if (!match) return false;
    const publication = this.publisher.peek(match[1]!.toLowerCase());
    if (!publication) return false;
    if (match[2]) {
      sendCached(request, response, currentPointer(publication), undefined, CURRENT_CACHE_CONTROL);
      return true;
    }
    const areaId = decoded(match[4]);
    if (areaId === null || (areaId !== undefined && !publication.hasArea(areaId))) return false;
    const version = match[3] === undefined ? undefined : Number(match[3]);
    // Another version: one replaced a moment ago, as it was served then (RecentVersions); anything else
    // goes on to the controller (the wait for a version just ahead, or the 404). Nothing is built for it.
    const body =
      version === undefined || version === publication.version
        ? publication.body(areaId)
        : this.recent.find(publication.electionId, version, snapshotAddress(areaId));
    if (!body) return false;
    sendCached(request, response, body, undefined, version === undefined ? PUBLIC_CACHE_CONTROL : IMMUTABLE_CACHE_CONTROL);
    return true;
  };
}
