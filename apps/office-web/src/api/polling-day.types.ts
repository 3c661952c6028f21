// Wire shapes of the polling-day routes: the contract's types (libs/contracts: polling-day).
export { RESULT_STATUS_LABELS } from '@wahl/contracts';
export { BOARD_PHASES, BOARD_ROLES, checkBoardQuorum, type BoardPhase, type QuorumCheck, type QuorumRule } from '@wahl/domain';
export type {
  AttendingMember,
  DistrictDay,
  ElectionRecord,
  ElectionRecordContentInput,
  MonitorIncident,
  MonitorMessage,
  MonitorStation,
  PollingDayEntryBody,
  PollingDayEntryEvent,
  PollingDayMessageReadEvent,
  PollingDayMonitor,
  PollingDaySettings,
  RecordOverview,
  SaveElectionRecordRequest,
  SendOfficeMessageRequest,
  SendPollingDayEntryRequest,
  SentPollingDayEntry,
  StationMessage,
  TurnoutSlotSummary,
} from '@wahl/contracts';
