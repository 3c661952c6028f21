import { defineErrors } from '../common/errors';

/** Stable error codes of the rehearsal mode: status, German and English text. */
export const REHEARSAL_ERRORS = defineErrors({
  RESULTS_PHASE_NOT_EMPTY: {
    status: 409,
    de: 'Die Wahl hat bereits Ergebnisse. Probe und Wahlabend dürfen sich nicht mischen: Setzen Sie die Probe zuerst zurück.',
    en: 'The election already has results. Rehearsal and election night must not mix: reset the rehearsal first.',
  },
  REHEARSAL_NOT_ACTIVE: {
    status: 409,
    de: 'Zurücksetzen ist nur in der Probe möglich. Echte Ergebnisse des Wahlabends werden nie gelöscht.',
    en: 'Only a rehearsal can be reset. Real election-night results are never deleted.',
  },
});
