import { z } from 'zod';
import { BoardDistrictSchema } from '../quick-reports/report-responses';

// Response shapes of the access-code routes and the board sign-in.

export const DistrictRefSchema = z.object({ id: z.string(), number: z.string(), name: z.string() }).readonly();
export type DistrictRef = z.infer<typeof DistrictRefSchema>;

export const GeneratedCodeSchema = z
  .object({
    id: z.string(),
    /** Shown once: only its hash is stored. */
    code: z.string(),
    signInUrl: z.string(),
    districts: z.array(DistrictRefSchema).readonly(),
  })
  .readonly();
export type GeneratedCode = z.infer<typeof GeneratedCodeSchema>;

export const GeneratedCodesSchema = z
  .object({
    electionId: z.string(),
    createdAt: z.string(),
    codes: z.array(GeneratedCodeSchema).readonly(),
    revokedCodes: z.array(z.string()).readonly(),
  })
  .readonly();
export type GeneratedCodes = z.infer<typeof GeneratedCodesSchema>;

export const AccessCodeSummarySchema = z
  .object({
    id: z.string(),
    districts: z.array(DistrictRefSchema).readonly(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    signIns: z.number(),
    lastSignInAt: z.string().nullable(),
  })
  .readonly();
export type AccessCodeSummary = z.infer<typeof AccessCodeSummarySchema>;

/** The board session's caller as the sign-in answers it. */
export const BoardActorSchema = z
  .object({
    userId: z.string(),
    username: z.string(),
    role: z.string(),
    officeId: z.string().nullable(),
    electionId: z.string().optional(),
    districtIds: z.array(z.string()).readonly().optional(),
  })
  .readonly();

export const BoardSignInSchema = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    user: BoardActorSchema,
    election: z.object({ id: z.string(), name: z.string(), electionDay: z.string() }).readonly(),
    districts: z.array(BoardDistrictSchema).readonly(),
  })
  .readonly();
export type BoardSignInResponse = z.infer<typeof BoardSignInSchema>;
