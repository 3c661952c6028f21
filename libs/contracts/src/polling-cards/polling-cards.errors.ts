import { defineErrors } from '../common/errors';

/** Stable error codes of polling-cards: status, German and English text. */
export const POLLING_CARDS_ERRORS = defineErrors({});
