import { defineErrors } from '../common/errors';

/** Stable error codes of aggregation: status, German and English text. */
export const AGGREGATION_ERRORS = defineErrors({
  TOTALS_NOT_COMBINABLE: {
    status: 409,
    de: 'Die Ergebnisse der Gemeinden lassen sich nicht zusammenfassen.',
    en: 'The municipalities’ results cannot be combined.',
  },
});
