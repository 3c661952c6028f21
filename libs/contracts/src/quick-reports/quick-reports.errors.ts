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
  REPORT_REQUEST_IN_PROGRESS: {
    status: 409,
    de: 'Dieselbe Anfrage wird gerade schon verarbeitet. Bitte versuchen Sie es gleich noch einmal.',
    en: 'The same request is being processed. Please try again in a moment.',
  },
});
