import { z } from 'zod';
import { noNulString } from '../common/text';
import { UuidSchema } from '../common/ids';
import { CARD_LAYOUTS, POLLING_CARD_JOB_KINDS, POLLING_CARD_JOB_STATUSES } from './polling-cards.constants';

const pollingCardJobShape = {
  id: UuidSchema,
  jobNumber: z.number().int(),
  electionId: UuidSchema,
  kind: z.enum(POLLING_CARD_JOB_KINDS),
  kindLabel: z.string(),
  status: z.enum(POLLING_CARD_JOB_STATUSES),
  statusLabel: z.string(),
  layout: z.string(),
  pieces: z.number().int(),
  piecesDone: z.number().int(),
  percent: z.number().int(),
  lots: z.number().int(),
  lotsDone: z.number().int(),
  piecesPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  message: z.string().nullable(),
};

/** A job's state for the office screen and the CLI (and the socket event `cards:job`): counts, rate and ETA; never a voter's data. */
export const PollingCardJobSchema = z.object(pollingCardJobShape).readonly();
export type PollingCardJob = z.infer<typeof PollingCardJobSchema>;
export const PollingCardJobListSchema = z.array(PollingCardJobSchema).readonly();

export const PollingCardFileSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['lot', 'pieces', 'manifest']),
    lot: z.number().int().nullable(),
    bytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
  })
  .readonly();
export type PollingCardFile = z.infer<typeof PollingCardFileSchema>;

/** The REST answer for one job also lists the files (and, for replacement cards, the reason). */
export const PollingCardJobDetailSchema = z
  .object({
    ...pollingCardJobShape,
    reason: z.string().nullable(),
    files: z.array(PollingCardFileSchema).readonly(),
  })
  .readonly();
export type PollingCardJobDetail = z.infer<typeof PollingCardJobDetailSchema>;

/** `POST …/polling-cards/jobs`: `main` prints every voter of the roll, `follow-up` those without a card yet (R3.4). */
export const CreateCardJobSchema = z.strictObject({
  kind: z.enum(['main', 'follow-up']),
  layout: z.enum(CARD_LAYOUTS).optional(),
});
export type CreateCardJobRequest = z.infer<typeof CreateCardJobSchema>;

/** `POST …/polling-cards/replacements`: a replacement for a lost or damaged card. */
export const CardReplacementSchema = z.strictObject({
  voterId: z.number().int().positive(),
  reason: noNulString().trim().min(3, 'Bitte den Grund angeben (z. B. „Karte verloren“).').max(500),
});
export type CardReplacementRequest = z.infer<typeof CardReplacementSchema>;
