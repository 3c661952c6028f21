import { applyDecorators, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { notFound } from '../errors/app-error';

// A malformed id is answered like an unknown one, so ids of other offices cannot be probed.
export const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });
export const districtIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Wahlbezirk') });
export const versionPipe = new ParseIntPipe({ exceptionFactory: () => notFound('Die Version') });

export const ElectionParam = () => ApiParam({ name: 'electionId', format: 'uuid', description: 'Id der Wahl' });

/** A `ProblemResponses(...statuses)` decorator for a group of routes, with its descriptions per status (RFC 9457, German `detail`). */
export const problemResponses =
  (descriptions: Readonly<Record<number, string>>) =>
  (...statuses: number[]) =>
    applyDecorators(
      ...statuses.map((status) =>
        ApiResponse({
          status,
          description: descriptions[status] ?? 'Fehler',
          content: { 'application/problem+json': { schema: { type: 'object' } } },
        }),
      ),
    );
