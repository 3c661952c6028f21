import { z } from 'zod';

// Response shapes of the election-night audit log (`GET …/audit`, `GET …/audit/verify`).

export const AuditEntrySchema = z
  .object({
    electionId: z.string(),
    seq: z.number(),
    /** ISO timestamp with milliseconds. */
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string() }).readonly(),
    action: z.string(),
    districtId: z.string().nullable(),
    version: z.number().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .readonly();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema).readonly(), pending: z.number() }).readonly();
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerdictSchema = z
  .object({
    valid: z.boolean(),
    entries: z.number(),
    /** Sequence number of the first entry that was changed, removed or does not link to its predecessor. */
    firstBrokenEntry: z.number().optional(),
    reason: z.string().optional(),
    /** Events recorded but not yet sealed into the chain. */
    pending: z.number(),
  })
  .readonly();
export type AuditVerdict = z.infer<typeof AuditVerdictSchema>;
