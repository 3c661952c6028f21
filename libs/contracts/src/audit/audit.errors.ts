import { defineErrors } from '../common/errors';

/** Stable error codes of audit: status, German and English text. */
export const AUDIT_ERRORS = defineErrors({});
