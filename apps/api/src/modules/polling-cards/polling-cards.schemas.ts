import { z } from 'zod';

export const LAYOUTS = ['a4', 'a5', 'postcard'] as const;

export const createJobSchema = z.strictObject({
  /** `main`: every voter of the roll; `follow-up`: voters without a card yet (R3.4). */
  kind: z.enum(['main', 'follow-up']),
  layout: z.enum(LAYOUTS).optional(),
});
export type CreateJobBody = z.infer<typeof createJobSchema>;

export const replacementSchema = z.strictObject({
  voterId: z.number().int().positive(),
  reason: z.string().trim().min(3, 'Bitte den Grund angeben (z. B. „Karte verloren“).').max(500),
});
export type ReplacementBody = z.infer<typeof replacementSchema>;
