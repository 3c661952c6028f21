import { defineErrors } from '../common/errors';

/** Stable error codes of postal-voting: status, German and English text. */
export const POSTAL_VOTING_ERRORS = defineErrors({});
