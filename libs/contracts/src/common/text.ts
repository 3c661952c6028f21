import { z } from 'zod';

/**
 * Free text of a request goes into PostgreSQL text and jsonb columns, which cannot hold a NUL
 * character (the driver's error was a 500). Every request schema refines its text fields with this
 * one check, so that a NUL anywhere is a 422 naming the field (issue #17, 5).
 */
export const hasNoNul = (text: string): boolean => !text.includes('\u0000');

export const NUL_MESSAGE = 'Der Text enthält ein unzulässiges Steuerzeichen (NUL).';

/** `z.string()` that refuses a NUL character; chain trim/min/max as usual. */
export const noNulString = (): z.ZodString => z.string().refine(hasNoNul, NUL_MESSAGE);
