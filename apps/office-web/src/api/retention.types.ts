// Wire types of the retention API: the contract's (libs/contracts/src/retention). Counts only.
export type { LegalHold, LegalHoldReason, RetentionPlan, RetentionRunResult, SetLegalHoldRequest } from '@wahl/contracts';
export type { RetentionCategory } from '@wahl/domain';
