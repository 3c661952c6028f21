import { applyDecorators, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { notFound } from '../../platform/errors/app-error';

// The one converter from contract schemas to OpenAPI lives in the platform; re-exported for the
// postal-voting controllers that still import it from here.
export { openApiSchema } from '../../platform/openapi/zod-openapi';

// A malformed id is answered like an unknown one, so ids of other offices cannot be probed.
export const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });
export const jobIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Import') });
export const districtIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Wahlbezirk') });
export const proposalIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Änderungsvorschlag') });
export const voterIdPipe = new ParseIntPipe({ exceptionFactory: () => notFound('Der Eintrag') });

export const ElectionParam = () => ApiParam({ name: 'electionId', format: 'uuid', description: 'Id der Wahl' });

const PROBLEMS: Record<number, string> = {
  401: 'Nicht angemeldet.',
  403: 'Nur für Mitarbeitende des Wahlamts.',
  404: 'Wahl, Import, Wahlbezirk oder Eintrag nicht gefunden – auch bei Wahlen anderer Wahlämter.',
  409: 'Nicht möglich im jetzigen Zustand (z. B. Verzeichnis eingefroren, Nummern gesperrt, Import läuft); `detail` sagt warum.',
  422: 'Ungültige Angaben: `errors[]` mit `path` und `message`.',
};

/** The problem+json answers a route can give (RFC 9457, German `detail`). */
export const ProblemResponses = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status] ?? 'Fehler',
        content: { 'application/problem+json': { schema: { type: 'object' } } },
      }),
    ),
  );
