// Wire shapes of the polling-day routes: the contract's types (libs/contracts: polling-day).
export { BOARD_PHASES, BOARD_ROLES, checkBoardQuorum, type BoardPhase, type QuorumCheck } from '@wahl/domain';
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
  PollingDaySettings,
  SendOfficeMessageRequest,
  SendPollingDayEntryRequest,
  SentPollingDayEntry,
  StationMessage,
  TurnoutSlotSummary,
} from '@wahl/contracts';
