import { z } from 'zod';

// Rehearsal mode (Probe, docs/REHEARSAL.md): an election's results phase, switched only while no
// result is stored, and the reset of a rehearsal.

export const RESULTS_PHASES = ['rehearsal', 'live'] as const;
export type ResultsPhase = (typeof RESULTS_PHASES)[number];

export const setResultsPhaseSchema = z.strictObject({
  phase: z.enum(RESULTS_PHASES, 'Erwartet wird „rehearsal“ (Probe) oder „live“ (Wahlabend).'),
});
export type SetResultsPhaseRequest = z.infer<typeof setResultsPhaseSchema>;

export const ResultsPhaseStateSchema = z
  .object({
    electionId: z.string(),
    phase: z.enum(RESULTS_PHASES),
    /** Stored quick-report versions and council batches: the phase can be switched only at 0. */
    storedResults: z.number().int(),
  })
  .readonly();
export type ResultsPhaseState = z.infer<typeof ResultsPhaseStateSchema>;

/** `POST …/rehearsal/reset`: what was deleted (counts only); the same in the audit chain. */
export const RehearsalResetSchema = z
  .object({
    electionId: z.string(),
    resetAt: z.string(),
    deleted: z
      .object({
        reports: z.number().int(),
        councilBatches: z.number().int(),
        releases: z.number().int(),
        turnoutPublications: z.number().int(),
        webhookDeliveries: z.number().int(),
      })
      .readonly(),
  })
  .readonly();
export type RehearsalReset = z.infer<typeof RehearsalResetSchema>;
