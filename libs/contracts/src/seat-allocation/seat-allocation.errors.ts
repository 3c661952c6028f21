import { defineErrors } from '../common/errors';

/** Stable error codes of the public seat calculator: status, German and English text. */
export const SEAT_ALLOCATION_ERRORS = defineErrors({
  SEAT_ALLOCATION_IMPOSSIBLE: {
    status: 422,
    de: 'Die Sitzverteilung kann mit diesen Angaben nicht berechnet werden.',
    en: 'The seats cannot be allocated with these values.',
  },
  SEAT_ALLOCATION_RATE_LIMITED: {
    status: 429,
    de: 'Zu viele Berechnungen von dieser Adresse. Bitte warten Sie kurz.',
    en: 'Too many calculations from this address. Please wait.',
  },
});
