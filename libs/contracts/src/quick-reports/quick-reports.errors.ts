import { defineErrors } from '../common/errors';

/** Stable error codes of quick-reports: status, German and English text. */
export const QUICK_REPORTS_ERRORS = defineErrors({});
