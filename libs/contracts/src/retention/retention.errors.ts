import { defineErrors } from '../common/errors';

/** Stable error codes of retention (R8.4): status, German and English text. */
export const RETENTION_ERRORS = defineErrors({
  RETENTION_HELD: {
    status: 409,
    de: 'Für diese Wahl besteht eine Löschsperre (Wahlprüfung oder Strafverfahren). Es wird nichts gelöscht, bis sie aufgehoben ist.',
    en: 'This election is under a legal hold (election review or prosecution). Nothing is deleted until it is lifted.',
  },
  RETENTION_HOLD_EXISTS: {
    status: 409,
    de: 'Für diese Wahl besteht bereits eine Löschsperre.',
    en: 'This election is already under a legal hold.',
  },
  RETENTION_NO_HOLD: {
    status: 409,
    de: 'Für diese Wahl besteht keine Löschsperre.',
    en: 'This election is not under a legal hold.',
  },
  RETENTION_BUSY: {
    status: 409,
    de: 'Für diese Wahl läuft gerade eine Löschung. Bitte versuchen Sie es gleich noch einmal.',
    en: 'A deletion is running for this election. Please try again in a moment.',
  },
});
