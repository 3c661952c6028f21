import { defineErrors } from '../common/errors';

/** Stable error codes of publication: status, German and English text. */
export const PUBLICATION_ERRORS = defineErrors({});
