import { defineErrors } from '../common/errors';

/** Stable error codes of aggregation: status, German and English text. */
export const AGGREGATION_ERRORS = defineErrors({});
