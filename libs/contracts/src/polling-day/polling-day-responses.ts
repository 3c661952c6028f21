import { BOARD_PHASES, QUORUM_RULES } from '@wahl/domain';
import { z } from 'zod';
import { DISTRICT_KINDS, DISTRICT_STATES } from '../quick-reports/district-states';
import { POLLING_DAY_ENTRY_KINDS } from './polling-day-constants';
import { PollingDayEntryBodySchema } from './polling-day-requests';

/** Answer of a sent entry: 201 when stored now, 200 with `replayed` when the id was stored before. */
export const SentPollingDayEntrySchema = z
  .object({ id: z.string(), kind: z.enum(POLLING_DAY_ENTRY_KINDS), receivedAt: z.string(), replayed: z.boolean() })
  .readonly();
export type SentPollingDayEntry = z.infer<typeof SentPollingDayEntrySchema>;

export const PollingDaySettingsViewSchema = z
  .object({
    turnoutSlots: z.array(z.string()).readonly(),
    silentAfterMinutes: z.number().int(),
    checkCodeRequired: z.boolean(),
    previousTurnout: z.array(z.object({ slot: z.string(), percent: z.number() }).readonly()).readonly(),
  })
  .readonly();

export const StoredPollingDayEntrySchema = z
  .object({ id: z.string(), savedAt: z.string(), receivedAt: z.string(), sentBy: z.string(), entry: PollingDayEntryBodySchema })
  .readonly();
export type StoredPollingDayEntry = z.infer<typeof StoredPollingDayEntrySchema>;

export const StationMessageSchema = z
  .object({ id: z.string(), text: z.string(), sentAt: z.string(), toAll: z.boolean(), readAt: z.string().nullable() })
  .readonly();
export type StationMessage = z.infer<typeof StationMessageSchema>;

/** `GET …/districts/:districtId/polling-day`: what the office holds of one station's day. */
export const DistrictDaySchema = z
  .object({
    districtId: z.string(),
    districtNumber: z.string(),
    districtKind: z.enum(DISTRICT_KINDS),
    /** The Land rule of the board's quorum (BWO § 6 or KomWG § 14(4)). */
    quorumRule: z.enum(QUORUM_RULES),
    settings: PollingDaySettingsViewSchema,
    /** Oldest first. */
    entries: z.array(StoredPollingDayEntrySchema).readonly(),
    /** Newest first. */
    messages: z.array(StationMessageSchema).readonly(),
  })
  .readonly();
export type DistrictDay = z.infer<typeof DistrictDaySchema>;

export const StationAttendanceSchema = z
  .object({
    phase: z.enum(BOARD_PHASES),
    present: z.number().int(),
    substitutes: z.number().int(),
    quorumMet: z.boolean(),
    receivedAt: z.string(),
  })
  .readonly();

export const MonitorStationSchema = z
  .object({
    districtId: z.string(),
    number: z.string(),
    name: z.string(),
    kind: z.enum(DISTRICT_KINDS),
    lastContactAt: z.string().nullable(),
    /** Nothing received for longer than the setting (or nothing at all since the day began). */
    silent: z.boolean(),
    attendance: StationAttendanceSchema.nullable(),
    openedAt: z.string().nullable(),
    /** Voters (marked + certificates) per report time. */
    turnout: z.record(z.string(), z.number().int()),
    openIncidents: z.number().int(),
    quickReport: z.enum(DISTRICT_STATES),
  })
  .readonly();
export type MonitorStation = z.infer<typeof MonitorStationSchema>;

export const TurnoutSlotSummarySchema = z
  .object({
    slot: z.string(),
    reported: z.number().int(),
    expected: z.number().int(),
    marked: z.number().int(),
    certificates: z.number().int(),
    publishedAt: z.string().nullable(),
  })
  .readonly();
export type TurnoutSlotSummary = z.infer<typeof TurnoutSlotSummarySchema>;

export const MonitorIncidentSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    districtNumber: z.string(),
    occurredAt: z.string(),
    text: z.string(),
    receivedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
  })
  .readonly();
export type MonitorIncident = z.infer<typeof MonitorIncidentSchema>;

export const MonitorMessageSchema = z
  .object({
    id: z.string(),
    districtId: z.string().nullable(),
    districtNumber: z.string().nullable(),
    text: z.string(),
    sentAt: z.string(),
    sentBy: z.string(),
    /** District numbers that have read it. */
    readBy: z.array(z.string()).readonly(),
    expectedReads: z.number().int(),
  })
  .readonly();
export type MonitorMessage = z.infer<typeof MonitorMessageSchema>;

/** `GET …/polling-day/monitor`: every station of the election on one screen. */
export const PollingDayMonitorSchema = z
  .object({
    now: z.string(),
    settings: PollingDaySettingsViewSchema,
    stations: z.array(MonitorStationSchema).readonly(),
    turnout: z.array(TurnoutSlotSummarySchema).readonly(),
    incidents: z.array(MonitorIncidentSchema).readonly(),
    messages: z.array(MonitorMessageSchema).readonly(),
  })
  .readonly();
export type PollingDayMonitor = z.infer<typeof PollingDayMonitorSchema>;

/**
 * `GET /api/public/elections/:electionId/turnout`: the turnout at the report times the office has
 * published (R7.12): urn voters (Stimmabgabevermerke + Wahlscheine) over A1 + A2 of the reporting
 * districts, postal voters not included; municipality only, never a district.
 */
export const PublicTurnoutSchema = z
  .object({
    electionId: z.string(),
    municipalityName: z.string(),
    /** Wahlscheine issued and valid so far: postal voters are not in the turnout, this states them apart (R7.12). */
    postalCertificates: z.number().int(),
    reports: z
      .array(
        z
          .object({
            slot: z.string(),
            voters: z.number().int(),
            eligible: z.number().int().nullable(),
            reportedDistricts: z.number().int(),
            expectedDistricts: z.number().int(),
            publishedAt: z.string(),
            /** The previous election's urn turnout at the same time, per cent, where the office entered it. */
            previousPercent: z.number().nullable(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();
export type PublicTurnout = z.infer<typeof PublicTurnoutSchema>;

/** Office socket `polling-day:entry`: ids and kind only (names and texts stay behind the monitor route). */
export type PollingDayEntryEvent = {
  readonly electionId: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly kind: (typeof POLLING_DAY_ENTRY_KINDS)[number];
  readonly id: string;
  readonly receivedAt: string;
};

/** Office socket `polling-day:message-read`. */
export type PollingDayMessageReadEvent = {
  readonly electionId: string;
  readonly messageId: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly readAt: string;
};

export type PollingDayOfficeEvents = {
  'polling-day:entry': (event: PollingDayEntryEvent) => void;
  'polling-day:message-read': (event: PollingDayMessageReadEvent) => void;
};
