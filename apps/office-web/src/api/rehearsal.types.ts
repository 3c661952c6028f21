// Wire types of the rehearsal API: the contract's (libs/contracts/src/rehearsal). Counts only.
export type { RehearsalReset, ResultsPhase, ResultsPhaseState } from '@wahl/contracts';
