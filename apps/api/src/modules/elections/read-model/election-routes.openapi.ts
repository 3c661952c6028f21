import { ApiHeader, ApiParam } from '@nestjs/swagger';
import { applyDecorators, ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../../../platform/errors/app-error';
import { ElectionParam, problemResponses } from '../../../platform/openapi/route-params';

export { versionPipe } from '../../../platform/openapi/route-params';

// A malformed id is answered like an unknown one (ids cannot be probed).
export const codeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Zugangscode') });

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

/** The problem+json answers of the election-night routes. */
export const ProblemResponses = problemResponses({
  401: 'Nicht angemeldet.',
  403: 'Rolle oder Wahlbezirk passt nicht (ein Wahlvorstand meldet nur für seine Bezirke; Vier-Augen-Prinzip).',
  404: 'Wahl, Wahlbezirk oder Version nicht gefunden – auch bei Wahlen anderer Wahlämter.',
  409: 'Versionskonflikt: `detail` nennt die aktuelle Version. Stand neu laden.',
  422: 'Ungültig oder nicht plausibel: `errors[]` mit `path`, `message`, bei Plausibilität zusätzlich `rule` (P1…P9), `severity` und `fields` (Kennbuchstaben).',
  429: 'Zu viele fehlgeschlagene Anmeldungen von dieser Adresse (Retry-After).',
});
