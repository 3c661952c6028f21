// Wire types of the polling-card API: the contract's (libs/contracts/src/polling-cards). No voter data.
export type {
  CardLayout,
  PollingCardFile,
  PollingCardJob,
  PollingCardJobDetail,
  PollingCardJobKind,
  PollingCardJobStatus,
} from '@wahl/contracts';
