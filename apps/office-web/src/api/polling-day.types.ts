// Wire shapes of the polling-day routes: the contract's types (libs/contracts: polling-day).
export { BOARD_PHASES, BOARD_ROLES, checkBoardQuorum, type BoardPhase, type BoardRole, type QuorumCheck } from '@wahl/domain';
export { POLLING_DAY_EVENTS } from '@wahl/contracts';
export type {
  AttendingMember,
  DistrictDay,
  MonitorIncident,
  MonitorMessage,
  MonitorStation,
  PollingDayEntryBody,
  PollingDayEntryEvent,
  PollingDayMessageReadEvent,
  PollingDayMonitor,
  SendOfficeMessageRequest,
  SendPollingDayEntryRequest,
  SentPollingDayEntry,
  StationMessage,
  TurnoutSlotSummary,
} from '@wahl/contracts';
