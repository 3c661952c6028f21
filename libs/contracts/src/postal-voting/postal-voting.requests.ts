import { INVALIDATION_REASONS, isIsoDate } from '@wahl/domain';
import { z } from 'zod';
import { noNulString } from '../common/text';

// Request bodies of postal voting, validated once at the edge (ZodBodyPipe: 422 with JSON paths).
// The public page (apps/postal-web) sends them; the office app sends the office ones.

const text = (max: number, missing: string) => noNulString().trim().min(1, missing).max(max, `Höchstens ${max} Zeichen.`);

export const PostalIsoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als JJJJ-MM-TT.')
  .refine(isIsoDate, 'Dieses Datum gibt es nicht.');

const GERMANY = /^(deutschland|germany|de|d)$/i;

export const PostalAddressSchema = z
  .strictObject({
    name: noNulString().trim().max(120).optional(),
    addition: noNulString().trim().max(120).optional(),
    street: text(120, 'Bitte die Straße angeben.'),
    houseNumber: text(20, 'Bitte die Hausnummer angeben.'),
    postalCode: text(12, 'Bitte die Postleitzahl angeben.'),
    city: text(80, 'Bitte den Ort angeben.'),
    country: noNulString().trim().max(60).optional(),
  })
  .refine((a) => (a.country && !GERMANY.test(a.country)) || /^\d{5}$/.test(a.postalCode), {
    path: ['postalCode'],
    message: 'Eine deutsche Postleitzahl hat fünf Ziffern.',
  });
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

/** Written authority (BWO § 27(3)): PDF or image up to 5 MB, as base64; or the declaration ticked on the form. */
export const AUTHORITY_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_AUTHORITY_BYTES = 5 * 1024 * 1024;

export const PostalRepresentativeSchema = z.strictObject({
  name: text(120, 'Bitte den Namen der bevollmächtigten Person angeben.'),
  address: PostalAddressSchema,
  authority: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('declaration'),
      confirmed: z.literal(true, 'Bitte bestätigen Sie, dass eine schriftliche Vollmacht vorliegt.'),
    }),
    z.strictObject({
      kind: z.literal('document'),
      fileName: text(200, 'Dateiname fehlt.'),
      contentType: z.enum(AUTHORITY_CONTENT_TYPES, 'Bitte eine PDF-, JPEG- oder PNG-Datei hochladen.'),
      dataBase64: z
        .string()
        .min(8, 'Die Datei ist leer.')
        .max(Math.ceil((MAX_AUTHORITY_BYTES * 4) / 3) + 4, 'Die Datei ist größer als 5 MB.')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Die Datei ist nicht als Base64 kodiert.'),
    }),
  ]),
});
export type PostalRepresentative = z.infer<typeof PostalRepresentativeSchema>;

export const PostalDeliverySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('home') }),
    z.strictObject({ kind: z.literal('other-address'), address: PostalAddressSchema }),
    z.strictObject({ kind: z.literal('collection') }),
  ],
  'Bitte wählen Sie, wohin die Unterlagen gehen.',
);
export type PostalDelivery = z.infer<typeof PostalDeliverySchema>;

const tokenSchema = noNulString().trim().min(16, 'Der Code ist unvollständig.').max(86, 'Der Code ist zu lang.');

export const PostalLinkLookupRequestSchema = z.strictObject({ token: tokenSchema });
export type PostalLinkLookupRequest = z.infer<typeof PostalLinkLookupRequestSchema>;

export const PostalLinkVerifyRequestSchema = z.strictObject({ token: tokenSchema, birthDate: PostalIsoDateSchema });
export type PostalLinkVerifyRequest = z.infer<typeof PostalLinkVerifyRequestSchema>;

export const PostalLinkApplicationRequestSchema = z.strictObject({
  token: tokenSchema,
  birthDate: PostalIsoDateSchema,
  delivery: PostalDeliverySchema,
  representative: PostalRepresentativeSchema.optional(),
});
export type PostalLinkApplicationRequest = z.infer<typeof PostalLinkApplicationRequestSchema>;

export const PostalNameApplicationRequestSchema = z.strictObject({
  electionId: z.uuid('Bitte die Wahl auswählen.'),
  familyName: text(120, 'Bitte den Familiennamen angeben.'),
  givenNames: text(120, 'Bitte den Vornamen angeben.'),
  birthDate: PostalIsoDateSchema,
  street: text(120, 'Bitte die Straße angeben.'),
  houseNumber: text(20, 'Bitte die Hausnummer angeben.'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Eine deutsche Postleitzahl hat fünf Ziffern.'),
  delivery: PostalDeliverySchema,
  representative: PostalRepresentativeSchema.optional(),
});
export type PostalNameApplicationRequest = z.infer<typeof PostalNameApplicationRequestSchema>;

/** A paper application entered by a clerk, for a voter found in the roll (voter search). */
export const PostalPaperApplicationRequestSchema = z.strictObject({
  voterId: z.number().int().positive(),
  /** When it reached the office; default now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  delivery: PostalDeliverySchema,
  representative: PostalRepresentativeSchema.optional(),
  /** BWO § 27(4) S. 3: sudden illness proven, after the deadline until election day 15:00. */
  suddenIllness: z.boolean().optional(),
  note: noNulString().trim().max(1000).optional(),
});
export type PostalPaperApplicationRequest = z.infer<typeof PostalPaperApplicationRequestSchema>;

export const PostalRejectRequestSchema = z.strictObject({ reason: text(1000, 'Bitte eine Begründung angeben.') });
export type PostalRejectRequest = z.infer<typeof PostalRejectRequestSchema>;

export const PostalIssueRequestSchema = z.strictObject({
  applicationIds: z.array(z.uuid()).min(1, 'Bitte mindestens einen Antrag wählen.').max(1000, 'Höchstens 1.000 Anträge auf einmal.'),
  /** Continues an issuing run issued in chunks: its certificates print as one batch. */
  batchId: z.uuid('Die Kennung des Ausstellungslaufs ist ungültig.').optional(),
});
export type PostalIssueRequest = z.infer<typeof PostalIssueRequestSchema>;

export const PostalInvalidateRequestSchema = z.strictObject({
  reason: z.enum(INVALIDATION_REASONS),
  note: noNulString().trim().max(1000).optional(),
  /** Issue a replacement with a new number at once. */
  replace: z.boolean().default(false),
});
export type PostalInvalidateRequest = z.infer<typeof PostalInvalidateRequestSchema>;
