import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { noNulString } from '../common/text';
import { ClosingCountSchema } from './roll-summary';

// R1.21 (BWO § 24(1)): the closing of the roll with its certificate (Abschlussbescheinigung). The
// counts per district are fixed at closing and stored; later Wahlscheine are corrected by the
// Nachtragsliste "W" (R1.16), never by changing the stored closing.

/**
 * `POST …/roll/close`: the optional place of the certificate. Name and function of the certifying person
 * come from the signed-in account (display name and function), never from the request or the login name.
 */
export const CloseRollSchema = z.strictObject({
  place: noNulString().trim().max(200, 'Höchstens 200 Zeichen.').optional(),
});
export type CloseRoll = z.infer<typeof CloseRollSchema>;

/** A district's counts as the closing fixed them: the closing counts of `GET …/roll/closing-counts`, frozen. */
export const RollClosingDistrictSchema = ClosingCountSchema;
export type RollClosingDistrict = z.infer<typeof RollClosingDistrictSchema>;

/** `GET …/roll/closing` (and the answer of `POST …/roll/close`): the stored closing certificate. */
export const RollClosingSchema = z
  .object({
    electionId: UuidSchema,
    closedAt: z.iso.datetime(),
    closedBy: z.string().describe('Anmeldename der Person, die den Abschluss ausgelöst hat (nur für das Protokoll).'),
    signerName: z.string(),
    signerFunction: z.string(),
    place: z.string().nullable(),
    districts: z.array(RollClosingDistrictSchema).readonly(),
    A1: z.number().int(),
    A2: z.number().int(),
    A3: z.number().int(),
    total: z.number().int(),
    A: z.number().int(),
  })
  .readonly();
export type RollClosing = z.infer<typeof RollClosingSchema>;
