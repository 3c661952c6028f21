// Wire types of the poll-worker API: the contract's (libs/contracts/src/poll-workers).
export type {
  AskEarlierResult,
  AssignmentOverview,
  AssignmentStateChange,
  AssignmentSummary,
  BoardRoster,
  BoardNeeds,
  DefaultNeeds,
  DistrictBoard,
  Duplicates,
  PollWorkerEntry,
  PollWorkerImportPreview,
  PollWorkerImportResult,
  PollWorkerList,
  PollWorkerRow,
  ProposalResult,
  Substitute,
} from '@wahl/contracts';
