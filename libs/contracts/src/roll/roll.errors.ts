import { defineErrors } from '../common/errors';

/** Stable error codes of roll: status, German and English text. */
export const ROLL_ERRORS = defineErrors({});
