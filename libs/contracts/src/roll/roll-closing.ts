import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { noNulString } from '../common/text';

// R1.21 (BWO § 24(1)): the closing of the roll with its certificate (Abschlussbescheinigung). The
// counts per district are fixed at closing and stored; later Wahlscheine are corrected by the
// Nachtragsliste "W" (R1.16), never by changing the stored closing.

/** `POST …/roll/close`: who certifies the closing, by name and function (never the login name). */
export const CloseRollSchema = z.strictObject({
  signerName: noNulString().trim().min(1, 'Bitte den Namen der bescheinigenden Person angeben.').max(200, 'Höchstens 200 Zeichen.'),
  signerFunction: noNulString()
    .trim()
    .min(1, 'Bitte die Funktion angeben (z. B. Leiterin des Wahlamts).')
    .max(200, 'Höchstens 200 Zeichen.'),
  place: noNulString().trim().max(200, 'Höchstens 200 Zeichen.').optional(),
});
export type CloseRoll = z.infer<typeof CloseRollSchema>;

export const RollClosingDistrictSchema = z
  .object({
    districtId: UuidSchema,
    number: z.string(),
    name: z.string(),
    A1: z.number().int().describe('Eingetragene Wahlberechtigte ohne Sperrvermerk „W“ beim Abschluss.'),
    A2: z.number().int().describe('Eingetragene Wahlberechtigte mit Sperrvermerk „W“ beim Abschluss.'),
    A3: z.number().int().describe('Nicht eingetragene Wahlberechtigte mit Wahlschein nach BWO § 25 Abs. 2.'),
    total: z.number().int().describe('A1 + A2: die festgestellte Zahl der Wahlberechtigten im Verzeichnis des Bezirks.'),
    A: z.number().int().describe('A1 + A2 + A3.'),
  })
  .readonly();
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
