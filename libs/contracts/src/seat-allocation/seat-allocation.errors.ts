import { defineErrors } from '../common/errors';

/** Stable error codes of seat-allocation: status, German and English text. */
export const SEAT_ALLOCATION_ERRORS = defineErrors({});
