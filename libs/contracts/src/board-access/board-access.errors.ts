import { defineErrors } from '../common/errors';

/** Stable error codes of board-access: status, German and English text. */
export const BOARD_ACCESS_ERRORS = defineErrors({
  BOARD_PIN_SETUP_REQUIRED: {
    status: 409,
    de: 'Erste Anmeldung mit diesem Namen: Bitte legen Sie eine PIN fest und geben Sie sie zur Bestätigung ein zweites Mal ein.',
    en: 'First sign-in with this name: please choose a PIN and enter it a second time to confirm it.',
  },
  BOARD_PIN_THROTTLED: {
    status: 429,
    de: 'Zu viele falsche PIN-Eingaben für diesen Namen. Bitte warten Sie kurz oder wenden Sie sich an das Wahlamt.',
    en: 'Too many wrong PINs for this name. Please wait a moment or contact the election office.',
  },
  BOARD_SIGN_IN_FAILED: {
    status: 401,
    de: 'Zugangscode, Name oder PIN stimmen nicht. Bitte prüfen Sie die Eingabe oder wenden Sie sich an das Wahlamt.',
    en: 'Access code, name or PIN do not match. Please check your input or contact the election office.',
  },
});
