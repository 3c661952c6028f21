// Wire shapes of the electoral-roll routes: the contract's types (libs/contracts/src/roll), never a
// copy. Office staff only: the error list and the unmatched addresses name residents, which is why
// they never leave the REST API.
export type {
  ChangeDecision,
  CloseRoll,
  ClosingCounts,
  ChangeDecisionResult,
  ChangeProposal,
  ChangeProposalList,
  ImportProgress,
  NotEnteredReason,
  ProposalKind,
  ProposalPerson,
  AssignAddressRequest,
  AssignAddressResult,
  RecordError,
  RegisterEncoding,
  RegisterImportJob,
  RegisterImportStatus,
  RollBuildResult,
  RollClosing,
  RollDistrictCount,
  RollSummary,
  UnmatchedAddress,
  UnmatchedAddresses,
} from '@wahl/contracts';
// A value from a contract file without zod (roll.constants.ts), so the bundle stays free of it.
export { PROPOSAL_KINDS } from '@wahl/contracts';
