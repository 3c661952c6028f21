import { defineErrors } from '../common/errors';

/** Stable error codes of identity: status, German and English text. */
export const IDENTITY_ERRORS = defineErrors({});
