import { defineErrors } from '../common/errors';

/** Stable error codes of council-count: status, German and English text. */
export const COUNCIL_COUNT_ERRORS = defineErrors({
  COUNCIL_BATCH_KEY_REUSED: {
    status: 409,
    de: 'Unter diesem Idempotency-Key wurde bereits ein anderer Stapel gespeichert.',
    en: 'Another batch was already stored under this Idempotency-Key.',
  },
  COUNCIL_RESULT_FINAL: {
    status: 409,
    de: 'Das Ergebnis ist bereits endgültig festgestellt.',
    en: 'The result has already been declared final.',
  },
  COUNCIL_NO_VALID_VOTES: {
    status: 409,
    de: 'Es ist noch keine gültige Stimme erfasst; das Ergebnis kann nicht festgestellt werden.',
    en: 'No valid vote has been entered yet; the result cannot be declared.',
  },
  COUNCIL_LOT_REQUIRED: {
    status: 409,
    de: 'Um die letzten Sitze muss gelost werden; bitte das Los ziehen und die Gewinner angeben.',
    en: 'The last seats must be drawn by lot; please record the winners.',
  },
});
