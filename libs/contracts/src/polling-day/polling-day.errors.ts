import { defineErrors } from '../common/errors';

/** Stable error codes of the polling day (DOMAIN.md 7): status, German and English text. */
export const POLLING_DAY_ERRORS = defineErrors({
  POLLING_DAY_ID_REUSED: {
    status: 409,
    de: 'Diese Kennung wurde schon für eine andere Meldung verwendet. Die gespeicherte Meldung bleibt unverändert.',
    en: 'This id was already used for another entry. The stored entry stays as it was.',
  },
  POLLING_DAY_NOT_POLLING_DISTRICT: {
    status: 409,
    de: 'Für einen Briefwahlbezirk gibt es keine Wahlbeteiligungsmeldung während des Tages.',
    en: 'A postal district sends no turnout reports during the day.',
  },
  POLLING_DAY_UNKNOWN_SLOT: {
    status: 422,
    de: 'Zu dieser Uhrzeit hat das Wahlamt keine Meldung der Wahlbeteiligung angesetzt.',
    en: 'The office has not set a turnout report for this time.',
  },
  POLLING_DAY_NOTHING_TO_PUBLISH: {
    status: 409,
    de: 'Zu dieser Uhrzeit hat noch kein Wahlbezirk seine Wahlbeteiligung gemeldet.',
    en: 'No district has reported its turnout for this time yet.',
  },
});
