import { A3_REASONS } from '@wahl/domain';
import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { noNulString } from '../common/text';
import { PostalIsoDateSchema } from './postal-voting.requests';

// A3: a Wahlschein for a person entitled to vote but not in the roll (BWO § 25(2)). The office
// records the application with its ground and the proof seen, then issues; only issued ones count.

const text = (max: number, missing: string) => noNulString().trim().min(1, missing).max(max, `Höchstens ${max} Zeichen.`);

/** `POST …/postal-voting/a3`. */
export const A3ApplicationRequestSchema = z.strictObject({
  familyName: text(120, 'Bitte den Familiennamen angeben.'),
  givenNames: text(120, 'Bitte den Vornamen angeben.'),
  birthDate: PostalIsoDateSchema,
  street: text(120, 'Bitte die Straße angeben.'),
  houseNumber: text(20, 'Bitte die Hausnummer angeben.'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Eine deutsche Postleitzahl hat fünf Ziffern.'),
  city: text(80, 'Bitte den Ort angeben.'),
  districtId: UuidSchema,
  reason: z.enum(A3_REASONS, 'Bitte den Grund nach BWO § 25 Abs. 2 wählen.'),
  reasonNote: text(1000, 'Bitte den Nachweis bzw. die Begründung angeben.'),
});
export type A3ApplicationRequest = z.infer<typeof A3ApplicationRequestSchema>;

export const A3EntrySchema = z
  .object({
    id: UuidSchema,
    name: z.string().describe('Vornamen Familienname'),
    birthDate: z.string(),
    address: z.string(),
    district: z.object({ id: UuidSchema, number: z.string(), name: z.string() }).readonly(),
    reason: z.enum(A3_REASONS),
    reasonLabel: z.string(),
    reasonNote: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    certificateNumber: z.string().nullable(),
    issuedAt: z.iso.datetime().nullable(),
  })
  .readonly();
export type A3Entry = z.infer<typeof A3EntrySchema>;

export const A3ListSchema = z.object({ items: z.array(A3EntrySchema).readonly() }).readonly();
export type A3List = z.infer<typeof A3ListSchema>;
