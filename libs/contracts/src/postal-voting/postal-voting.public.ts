import { POSTAL_APPLICATION_STATES } from '@wahl/domain';
import { z } from 'zod';

// Answers of the public postal-voting routes (/api/public/postal-voting): no personal data except,
// after the birth date matched, the voter's own name and address.

/** What the public page may show of an election. */
export const PostalPublicElectionSchema = z
  .object({
    electionId: z.string(),
    name: z.string(),
    electionDay: z.string(),
    municipality: z.string(),
    applicationsOpen: z.boolean(),
    /** End of online applications (BWO § 27(4)): ISO instant and German text. */
    deadline: z.string(),
    deadlineText: z.string(),
    office: z
      .object({
        name: z.string(),
        addressLines: z.array(z.string()).readonly(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        website: z.string().nullable(),
      })
      .readonly()
      .nullable(),
  })
  .readonly();
export type PostalPublicElection = z.infer<typeof PostalPublicElectionSchema>;

export const PostalPublicElectionListSchema = z.array(PostalPublicElectionSchema).readonly();

/** Step 1 with the card's code: which election (nothing of the voter). */
export const PostalLinkLookupResponseSchema = z.object({ election: PostalPublicElectionSchema }).readonly();
export type PostalLinkLookupResponse = z.infer<typeof PostalLinkLookupResponseSchema>;

/** The state of an application as the voter sees it. */
export const PostalApplicationStatusSchema = z
  .object({
    reference: z.string(),
    state: z.enum(POSTAL_APPLICATION_STATES),
    stateLabel: z.string(),
    message: z.string(),
  })
  .readonly();
export type PostalApplicationStatus = z.infer<typeof PostalApplicationStatusSchema>;

/** After the birth date matched: the voter's own name and address, to confirm before applying. */
export const PostalVerifiedVoterSchema = z
  .object({
    election: PostalPublicElectionSchema,
    voter: z.object({ name: z.string(), addressLines: z.array(z.string()).readonly() }).readonly(),
    application: PostalApplicationStatusSchema.nullable(),
  })
  .readonly();
export type PostalVerifiedVoter = z.infer<typeof PostalVerifiedVoterSchema>;

export const PostalReceiptSchema = z
  .object({
    reference: z.string(),
    state: z.literal('received'),
    /** ISO instant. */
    receivedAt: z.string(),
    /** German label of the chosen delivery. */
    delivery: z.string(),
    message: z.string(),
  })
  .readonly();
export type PostalReceipt = z.infer<typeof PostalReceiptSchema>;
