import { ApiHeader, ApiParam, ApiResponse } from '@nestjs/swagger';
import { applyDecorators, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../../../platform/errors/app-error';

// A malformed id is answered like an unknown one (ids cannot be probed).
export const electionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });
export const districtIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Wahlbezirk') });
export const codeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Zugangscode') });
export const versionPipe = new ParseIntPipe({ exceptionFactory: () => notFound('Die Version') });

export const ElectionParam = () => ApiParam({ name: 'electionId', format: 'uuid', description: 'Id der Wahl' });
export const DistrictParams = () =>
  applyDecorators(
    ElectionParam(),
    ApiParam({ name: 'districtId', format: 'uuid', description: 'Id des Wahlbezirks (nicht die Bezirksnummer)' }),
  );

export const IdempotencyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Beliebiger eindeutiger Schlüssel je Absendeversuch (z. B. eine UUID, im Entwurf gespeichert). Eine Wiederholung mit demselben Schlüssel liefert die erste Antwort ' +
      '(Kopfzeile `Idempotency-Replayed: true`) und zählt nie doppelt; derselbe Schlüssel mit anderem Inhalt → 422.',
  });

export const ProblemResponses = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description:
          {
            401: 'Nicht angemeldet.',
            403: 'Rolle oder Wahlbezirk passt nicht (ein Wahlvorstand meldet nur für seine Bezirke; Vier-Augen-Prinzip).',
            404: 'Wahl, Wahlbezirk oder Version nicht gefunden – auch bei Wahlen anderer Wahlämter.',
            409: 'Versionskonflikt: `detail` nennt die aktuelle Version. Stand neu laden.',
            422: 'Ungültig oder nicht plausibel: `errors[]` mit `path`, `message`, bei Plausibilität zusätzlich `rule` (P1…P9), `severity` und `fields` (Kennbuchstaben).',
            429: 'Zu viele fehlgeschlagene Anmeldungen von dieser Adresse (Retry-After).',
          }[status] ?? 'Fehler',
        content: { 'application/problem+json': { schema: { type: 'object' } } },
      }),
    ),
  );
