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

// A board member signs in personally (issue #17): the district's code, their name and a PIN they set
// at their first sign-in (with repetition). Code + name (normalised) identify the member, so a second
// session of the same member is the same person for the four-eyes rule.
const pin = z.string().regex(/^[0-9]{4,12}$/, 'Die PIN besteht aus 4 bis 12 Ziffern.');

export const signInSchema = z.strictObject({
  code: noNulString().min(1).max(64),
  /** The board member's name: with the code it identifies the member (and appears in the audit log). */
  name: z
    .string()
    .trim()
    .min(2, 'Bitte geben Sie Ihren Namen an (mindestens 2 Zeichen).')
    .max(120)
    .refine((text) => [...text].every((char) => char.charCodeAt(0) >= 0x20), 'Der Name enthält ein unzulässiges Steuerzeichen.'),
  /** The member's PIN; at the first sign-in with this name it is set. */
  pin,
  /** The PIN once more: needed only at the first sign-in, when the PIN is set. */
  pinRepeat: pin.optional(),
});
export type SignInBody = z.infer<typeof signInSchema>;
