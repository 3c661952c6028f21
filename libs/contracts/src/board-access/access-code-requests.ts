import { z } from 'zod';
import { noNulString } from '../common/text';

const uuid = z.uuid('Erwartet wird die Kennung (UUID) eines Wahlbezirks.');

export const generateCodesSchema = z.preprocess(
  (body) => body ?? {},
  z.strictObject({
    /** One code per entry, each for one or more districts. Absent: one code for every district of the election. */
    codes: z
      .array(z.strictObject({ districtIds: z.array(uuid).min(1).max(50) }))
      .min(1)
      .max(20_000)
      .optional(),
    /** Revoke the codes that open these districts so far (e.g. a lost station kit). */
    replaceExisting: z.boolean().default(false),
  }),
);
export type GenerateCodesBody = z.infer<typeof generateCodesSchema>;

export const signInSchema = z.strictObject({
  code: noNulString().min(1).max(64),
  /** The board member's name, for the audit log. */
  name: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .refine((text) => [...text].every((char) => char.charCodeAt(0) >= 0x20), 'Der Name enthält ein unzulässiges Steuerzeichen.')
    .optional(),
});
export type SignInBody = z.infer<typeof signInSchema>;
