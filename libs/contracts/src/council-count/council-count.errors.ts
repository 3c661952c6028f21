import { defineErrors } from '../common/errors';

/** Stable error codes of council-count: status, German and English text. */
export const COUNCIL_COUNT_ERRORS = defineErrors({});
