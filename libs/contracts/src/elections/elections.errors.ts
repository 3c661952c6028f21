import { defineErrors } from '../common/errors';

/** Stable error codes of elections: status, German and English text. */
export const ELECTIONS_ERRORS = defineErrors({});
