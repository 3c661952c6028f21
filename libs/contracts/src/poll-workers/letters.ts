import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { AssignmentStateChangeSchema } from './poll-workers-requests';

// Appointment letters (Berufungsschreiben) of an election as one print PDF, made by a background job
// with progress, and the member's reply recorded from the letter.

export const startLetterRunSchema = z.strictObject({
  /** Only these districts; all districts with appointed seats when left out. */
  districtIds: z.array(UuidSchema).max(20_000).optional(),
  /** Also seats that already had a letter (their earlier codes are revoked). */
  reissue: z.boolean().default(false),
});
export type StartLetterRunBody = z.infer<typeof startLetterRunSchema>;

export const LETTER_RUN_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type LetterRunState = (typeof LETTER_RUN_STATES)[number];

export const LetterRunSchema = z
  .object({
    id: z.string(),
    electionId: z.string(),
    state: z.enum(LETTER_RUN_STATES),
    letters: z.number().int(),
    done: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    message: z.string().nullable(),
    /** Where the PDF is fetched once the run succeeded. */
    pdfUrl: z.string().nullable(),
  })
  .readonly();
export type LetterRun = z.infer<typeof LetterRunSchema>;

export const LETTER_REPLIES = ['confirmed', 'refused'] as const;
export type LetterReply = (typeof LETTER_REPLIES)[number];

/** The reply to a letter; a refusal names its ground like a refusal on the boards screen (BWahlG § 11(1), BWO § 9). */
export const recordReplySchema = z.strictObject({
  reply: z.enum(LETTER_REPLIES, 'Antwort: „confirmed“ (Zusage) oder „refused“ (Absage).'),
  /** Required with a refusal: one of the grounds of BWO § 9. */
  refusalGround: AssignmentStateChangeSchema.shape.refusalGround,
  /** Optional text beside the ground; kept with the seat and the letter. */
  note: AssignmentStateChangeSchema.shape.note,
});
export type RecordReplyBody = z.infer<typeof recordReplySchema>;
