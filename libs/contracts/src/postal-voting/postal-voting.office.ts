import {
  CERTIFICATE_STATUSES,
  INVALIDATION_REASONS,
  POSTAL_APPLICATION_CHANNELS,
  POSTAL_APPLICATION_STATES,
  POSTAL_DELIVERY_KINDS,
} from '@wahl/domain';
import { z } from 'zod';

// Answers of the office's postal-voting routes (/api/elections/:electionId/postal-voting): applications
// and certificates with the voter's roll entry. Office staff only: these answers name persons.

/** A postal address as stored (documents to another address, a representative's address). */
export const PostalStoredAddressSchema = z
  .object({
    name: z.string().optional(),
    addition: z.string().optional(),
    street: z.string(),
    houseNumber: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string().optional(),
  })
  .readonly();
export type PostalStoredAddress = z.infer<typeof PostalStoredAddressSchema>;

/** BWO § 27(3): a representative needs written authority, uploaded or declared on the form. */
export const PostalStoredRepresentativeSchema = z
  .object({ name: z.string(), address: PostalStoredAddressSchema, authority: z.enum(['declaration', 'document']) })
  .readonly();
export type PostalStoredRepresentative = z.infer<typeof PostalStoredRepresentativeSchema>;

export const PostalVoterSchema = z
  .object({
    voterId: z.number().int(),
    name: z.string(),
    birthDate: z.string(),
    address: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    voterNumber: z.number().int(),
    status: z.enum(['active', 'removed']),
    /** R1.15: the certificate number noted in the roll ("W"), if any. */
    postalVoteMark: z.string().nullable(),
  })
  .readonly();
export type PostalVoter = z.infer<typeof PostalVoterSchema>;

export const PostalApplicationSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    state: z.enum(POSTAL_APPLICATION_STATES),
    stateLabel: z.string(),
    channel: z.enum(POSTAL_APPLICATION_CHANNELS),
    channelLabel: z.string(),
    receivedAt: z.string(),
    enteredBy: z.string().nullable(),
    voter: PostalVoterSchema.nullable(),
    delivery: z.enum(POSTAL_DELIVERY_KINDS),
    deliveryLabel: z.string(),
    deliveryAddress: PostalStoredAddressSchema.nullable(),
    representative: z
      .object({
        name: z.string(),
        address: PostalStoredAddressSchema,
        authority: z.enum(['declaration', 'document']),
        hasDocument: z.boolean(),
      })
      .readonly()
      .nullable(),
    suddenIllness: z.boolean(),
    note: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    certificate: z
      .object({ id: z.string(), number: z.string(), status: z.enum(CERTIFICATE_STATUSES) })
      .readonly()
      .nullable(),
  })
  .readonly();
export type PostalApplication = z.infer<typeof PostalApplicationSchema>;

export const PostalApplicationPageSchema = z
  .object({ total: z.number().int(), items: z.array(PostalApplicationSchema).readonly() })
  .readonly();
export type PostalApplicationPage = z.infer<typeof PostalApplicationPageSchema>;

/**
 * A repeated public application by name for a voter who already has a live application: the public
 * got the same answer as for a new one (issue #17, 7), and the office tells the voter by post or
 * e-mail. Open notices stay in the work queue until a clerk marks them done.
 */
export const PostalRepeatNoticeSchema = z
  .object({
    id: z.string(),
    /** The Antragsnummer the requester was given (a number of its own, not the earlier one's). */
    reference: z.string(),
    receivedAt: z.string(),
    channel: z.enum(POSTAL_APPLICATION_CHANNELS),
    channelLabel: z.string(),
    requestedDelivery: z.enum(POSTAL_DELIVERY_KINDS),
    requestedDeliveryLabel: z.string(),
    withRepresentative: z.boolean(),
    /** The voter's live application the repeat ran into. */
    earlier: z
      .object({ id: z.string(), reference: z.string(), state: z.enum(POSTAL_APPLICATION_STATES), stateLabel: z.string() })
      .readonly(),
    voter: PostalVoterSchema.nullable(),
    /** What to tell the voter (German), for the letter or e-mail. */
    message: z.string(),
    notifiedAt: z.string().nullable(),
    notifiedBy: z.string().nullable(),
  })
  .readonly();
export type PostalRepeatNotice = z.infer<typeof PostalRepeatNoticeSchema>;

export const PostalRepeatNoticePageSchema = z
  .object({ total: z.number().int(), items: z.array(PostalRepeatNoticeSchema).readonly() })
  .readonly();
export type PostalRepeatNoticePage = z.infer<typeof PostalRepeatNoticePageSchema>;

export const PostalCertificateSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(CERTIFICATE_STATUSES),
    statusLabel: z.string(),
    issuedAt: z.string(),
    issuedBy: z.string(),
    batchId: z.string(),
    applicationId: z.string(),
    applicationReference: z.string(),
    voter: PostalVoterSchema.nullable(),
    delivery: z.enum(POSTAL_DELIVERY_KINDS),
    deliveryLabel: z.string(),
    replacesNumber: z.string().nullable(),
    replacedByNumber: z.string().nullable(),
    invalidatedAt: z.string().nullable(),
    invalidatedBy: z.string().nullable(),
    invalidReason: z.enum(INVALIDATION_REASONS).nullable(),
    invalidReasonLabel: z.string().nullable(),
    invalidNote: z.string().nullable(),
  })
  .readonly();
export type PostalCertificate = z.infer<typeof PostalCertificateSchema>;

export const PostalCertificatePageSchema = z
  .object({ total: z.number().int(), items: z.array(PostalCertificateSchema).readonly() })
  .readonly();
export type PostalCertificatePage = z.infer<typeof PostalCertificatePageSchema>;

/** One issuing run: the certificates issued and the applications skipped with the reason. */
export const PostalIssueOutcomeSchema = z
  .object({
    batchId: z.string(),
    issued: z
      .array(z.object({ applicationId: z.string(), reference: z.string(), certificateId: z.string(), number: z.string() }).readonly())
      .readonly(),
    skipped: z.array(z.object({ applicationId: z.string(), reference: z.string().nullable(), reason: z.string() }).readonly()).readonly(),
  })
  .readonly();
export type PostalIssueOutcome = z.infer<typeof PostalIssueOutcomeSchema>;

/**
 * `GET …/postal-voting/batches`: the election's issuing runs, newest first, also one cut short (a `POST
 * …/issue` without `batchId` starts a run; its further chunks continue it). Only runs with valid
 * certificates: their two PDFs are `batches/{batchId}/wahlscheine.pdf` and `…/etiketten.pdf`.
 */
export const PostalIssueBatchSchema = z
  .object({
    batchId: z.string(),
    /** When its first and its last certificate were issued (ISO instants). */
    startedAt: z.string(),
    endedAt: z.string(),
    /** Its still valid certificates: the pages of its PDFs. */
    certificates: z.number().int(),
    /** Login name(s) of who issued them. */
    issuedBy: z.string(),
  })
  .readonly();
export type PostalIssueBatch = z.infer<typeof PostalIssueBatchSchema>;

export const PostalIssueBatchListSchema = z.object({ items: z.array(PostalIssueBatchSchema).readonly() }).readonly();
export type PostalIssueBatchList = z.infer<typeof PostalIssueBatchListSchema>;

export const PostalInvalidateOutcomeSchema = z
  .object({ invalidated: PostalCertificateSchema, replacement: PostalCertificateSchema.nullable() })
  .readonly();
export type PostalInvalidateOutcome = z.infer<typeof PostalInvalidateOutcomeSchema>;

const voterCounts = z.object({ A1: z.number().int(), A2: z.number().int() }).readonly();

/** R1.16: the Nachtragsliste W of one polling district. */
export const PostalSupplementaryListSchema = z
  .object({
    electionId: z.string(),
    district: z.object({ id: z.string(), number: z.string(), name: z.string() }).readonly(),
    /** R1.21: null while the roll is open (then nothing is supplementary yet). */
    closedAt: z.string().nullable(),
    afterClosing: z.array(PostalCertificateSchema).readonly(),
    invalid: z.array(PostalCertificateSchema).readonly(),
    /** A1/A2 as certified at closing and now (R1.16: the board corrects the closing certificate). */
    counts: z.object({ atClosing: voterCounts, now: voterCounts }).readonly(),
  })
  .readonly();
export type PostalSupplementaryList = z.infer<typeof PostalSupplementaryListSchema>;

/** One calendar day (Berlin time) of the Briefwahlstelle: what came in and what went out. */
/**
 * How an issued Wahlschein was applied for: online (link or form), on paper, by a representative
 * (BWO § 27(3), whatever the channel), at the counter (entered by the office with collection in
 * person), or A3 (a person not in the roll, BWO § 25(2)).
 */
export const POSTAL_ISSUE_CHANNELS = ['online', 'paper', 'representative', 'counter', 'a3'] as const;
export type PostalIssueChannel = (typeof POSTAL_ISSUE_CHANNELS)[number];

export const PostalDayFiguresSchema = z
  .object({
    day: z.string().describe('JJJJ-MM-TT (Europe/Berlin).'),
    applicationsReceived: z.number().int(),
    applicationsRejected: z.number().int(),
    certificatesIssued: z.number().int().describe('Erteilte Wahlscheine, Ersatz-Wahlscheine und A3 eingeschlossen.'),
    issuedByChannel: z.record(z.enum(POSTAL_ISSUE_CHANNELS), z.number().int()).describe('Die erteilten Wahlscheine nach Antragsweg.'),
    certificatesInvalidated: z.number().int(),
  })
  .readonly();
export type PostalDayFigures = z.infer<typeof PostalDayFiguresSchema>;

/** `GET …/postal-voting/figures`: figures per day, newest first, and the state of the queue now. */
export const PostalFiguresSchema = z
  .object({
    days: z.array(PostalDayFiguresSchema).readonly(),
    open: z.number().int().describe('Anträge, über die noch nicht entschieden ist.'),
    validCertificates: z.number().int(),
    invalidCertificates: z.number().int(),
  })
  .readonly();
export type PostalFigures = z.infer<typeof PostalFiguresSchema>;
