import { z } from 'zod';

export const voterSearchSchema = z.strictObject({
  familyName: z.string().trim().min(1, 'Familienname fehlt.').max(200),
  givenNames: z.string().trim().max(200).optional(),
  birthDate: z.string().trim().min(1, 'Geburtsdatum fehlt (TT.MM.JJJJ oder JJJJ-MM-TT).').max(32),
});
export type VoterSearchBody = z.infer<typeof voterSearchSchema>;

export const PROPOSAL_KINDS = ['moved-away', 'moved-in', 'died', 'name-changed'] as const;
export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'superseded'] as const;

export const changeDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().min(1, 'Bitte eine Begründung angeben.').max(1000),
  proposalIds: z.array(z.uuid()).min(1).max(100_000).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
});
export type ChangeDecisionBody = z.infer<typeof changeDecisionSchema>;

export const singleDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().min(1, 'Bitte eine Begründung angeben.').max(1000),
});
export type SingleDecisionBody = z.infer<typeof singleDecisionSchema>;

const pullTuning = {
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  retryDelayMs: z.number().int().min(0).max(60_000).optional(),
};

export const pullStartSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'Bitte eine http- oder https-Adresse angeben.' }),
  pageSize: z.number().int().min(1).max(10_000).optional(),
  ...pullTuning,
});
export type PullStartBody = z.infer<typeof pullStartSchema>;

export const pullResumeSchema = z.strictObject({ ...pullTuning });
export type PullResumeBody = z.infer<typeof pullResumeSchema>;
