import { defineErrors } from '../common/errors';

/** Stable error codes of board-access: status, German and English text. */
export const BOARD_ACCESS_ERRORS = defineErrors({});
