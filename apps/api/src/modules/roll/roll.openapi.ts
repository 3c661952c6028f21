import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../../platform/errors/app-error';
import { problemResponses } from '../../platform/openapi/route-params';

// A malformed id is answered like an unknown one, so ids of other offices cannot be probed.
export const jobIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Import') });
export const proposalIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Der Änderungsvorschlag') });
export const voterIdPipe = new ParseIntPipe({ exceptionFactory: () => notFound('Der Eintrag') });

const PROBLEMS: Record<number, string> = {
  401: 'Nicht angemeldet.',
  403: 'Nur für Mitarbeitende des Wahlamts.',
  404: 'Wahl, Import, Wahlbezirk oder Eintrag nicht gefunden – auch bei Wahlen anderer Wahlämter.',
  409: 'Nicht möglich im jetzigen Zustand (z. B. Verzeichnis eingefroren, Nummern gesperrt, Import läuft); `detail` sagt warum.',
  422: 'Ungültige Angaben: `errors[]` mit `path` und `message`.',
};

/** The problem+json answers a roll route can give. */
export const ProblemResponses = problemResponses(PROBLEMS);
