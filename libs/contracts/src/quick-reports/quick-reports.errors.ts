import { defineErrors } from '../common/errors';

/** Stable error codes of quick-reports: status, German and English text. */
export const QUICK_REPORTS_ERRORS = defineErrors({
  REPORT_VERSION_CONFLICT: {
    status: 409,
    de: 'Die Meldung wurde inzwischen geändert. Bitte laden Sie den aktuellen Stand neu.',
    en: 'The report changed meanwhile. Please reload its current state.',
  },
  REPORT_ALREADY_COUNTED: {
    status: 409,
    de: 'Die Meldung ist bereits bestätigt; Änderungen sind nur noch als Korrektur durch das Wahlamt möglich.',
    en: 'The report is already confirmed; only the office can still correct it.',
  },
  REPORT_NOT_APPROVABLE: {
    status: 409,
    de: 'Diese Version kann nicht bestätigt werden.',
    en: 'This version cannot be approved.',
  },
  REPORT_NOT_REJECTABLE: {
    status: 409,
    de: 'Es gibt keine Meldung, die zurückgewiesen werden kann.',
    en: 'There is no report that could be rejected.',
  },
  REPORT_NOT_CORRECTABLE: {
    status: 409,
    de: 'Korrigiert werden kann nur eine bestätigte Meldung.',
    en: 'Only a confirmed report can be corrected.',
  },
  // Four eyes (DOMAIN.md 4.2): the confirmer is another person than the author.
  FOUR_EYES_SAME_PERSON: {
    status: 403,
    de: 'Vier-Augen-Prinzip: Wer eine Meldung erfasst hat, kann sie nicht selbst bestätigen – auch nicht mit einer zweiten Anmeldung.',
    en: 'Four eyes: whoever entered a report cannot confirm it, not even from a second session.',
  },
  FOUR_EYES_CODE_ISSUER: {
    status: 403,
    de: 'Vier-Augen-Prinzip: Wer Zugangscodes für diesen Wahlbezirk erzeugt hat oder die Meldung über einen selbst erzeugten Code bestätigen würde, darf sie nicht bestätigen.',
    en: 'Four eyes: whoever issued access codes for this district, or would confirm through a code they issued, cannot confirm its report.',
  },
  // Second channel (DOMAIN.md R7.16): the office enters the code the board read out by phone.
  REPORT_NOT_AWAITING_CODE: {
    status: 409,
    de: 'Für diesen Wahlbezirk wartet keine bestätigte Meldung auf ihren Prüfcode.',
    en: 'No confirmed report of this district waits for its check code.',
  },
  REPORT_CHECK_CODE_MISMATCH: {
    status: 422,
    de: 'Der Prüfcode passt nicht zu den empfangenen Zahlen. Bitte lesen Sie dem Wahlvorstand die Zahlen vor.',
    en: 'The check code does not match the figures received. Please read the figures back to the board.',
  },
  REPORT_REQUEST_IN_PROGRESS: {
    status: 409,
    de: 'Dieselbe Anfrage wird gerade schon verarbeitet. Bitte versuchen Sie es gleich noch einmal.',
    en: 'The same request is being processed. Please try again in a moment.',
  },
});
