import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { AppError } from '../../../platform/errors/app-error';
import { PerClientLimit } from '../../../platform/rate-limits/per-client-limit.guard';

// Public routes answered from the database per request (turnout, result stage, council seats, the
// address finder, the map …), unlike the published snapshots, which come from memory or a CDN: a few
// bots must not take the origin down (issue 16, NRW 2025). Each client address may ask them 240
// times a minute in all – a reader's page asks a handful every half minute – counted in the shared
// store of every API process. A failing store lets requests through: the pages stay up.
export const DYNAMIC_PUBLIC_REQUESTS_PER_MINUTE = 240;

export const DynamicPublicLimitGuard = PerClientLimit(
  { name: 'public-dynamic:address', points: DYNAMIC_PUBLIC_REQUESTS_PER_MINUTE, durationSeconds: 60 },
  {
    failOpen: true,
    refusal: (seconds) =>
      new AppError('TOO_MANY_REQUESTS', `Zu viele Anfragen von dieser Adresse. Bitte in ${seconds} Sekunden erneut versuchen.`, [], {
        'Retry-After': String(seconds),
      }),
  },
);

/** A dynamic public route: throttled per client address (429 with Retry-After). */
export const ThrottledPublic = () =>
  applyDecorators(
    UseGuards(DynamicPublicLimitGuard),
    ApiResponse({ status: 429, description: 'Zu viele Anfragen von dieser Adresse (Retry-After).' }),
  );
